import {
  ACQUISITION_STATUSES,
  ANNOUNCEMENT_CHANNELS,
  CLAIM_RANKS,
  ENTITY_CATEGORIES,
  MARKET_KINDS,
  METRIC_BASES,
  ORGANIZATION_KINDS,
  ORGANIZATION_STATUSES,
  OWNERSHIP_KINDS,
  PRESENCE_STATUSES,
  REDIRECT_REASONS,
  REGISTRATION_STATUSES,
  ROLE_TYPES,
  RECORD_SPECS,
  RECORD_TYPES,
  SOURCE_KINDS,
} from '../../ingest/record-types';
import { CHANGE_KINDS, type ChangeKind as ChangeKindName } from '../../graph/change-outbox';
import { DATE_PRECISIONS, QUANTITY_QUALIFIERS } from '../../ingest/dates-and-quantities';
import { IDENTIFIER_SCHEME_NAMES, IDENTIFIER_SCHEMES } from '../../ingest/identifiers';
import { DECISION_KINDS, DECISION_STATUSES, MATCH_REASONS } from '../../resolution/rules';
import type { DecisionKind as DecisionKindName, DecisionStatus as DecisionStatusName, MatchReasonKind as MatchReasonKindName } from '../../resolution/rules';
import { FACT_TYPES, factTypeEnumName } from '../../extraction/proposals';
import { PROPOSAL_STATUSES } from '../../extraction/review';
import { registerDescribedEnum } from './described-enum';

/** Turns a list of names into a TypeScript enum object; the import format and the schema share one list. */
function enumOf<T extends string>(values: readonly T[]): { [K in T]: K } {
  return Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };
}

export const DatePrecision = enumOf(DATE_PRECISIONS);
export const QuantityQualifier = enumOf(QUANTITY_QUALIFIERS);
export const OrganizationKind = enumOf(ORGANIZATION_KINDS);
export const OrganizationStatus = enumOf(ORGANIZATION_STATUSES);
export const MarketKind = enumOf(MARKET_KINDS);
export const SourceKind = enumOf(SOURCE_KINDS);
export const RoleType = enumOf(ROLE_TYPES);
export const PresenceStatus = enumOf(PRESENCE_STATUSES);
export const AcquisitionStatus = enumOf(ACQUISITION_STATUSES);
export const AnnouncementChannel = enumOf(ANNOUNCEMENT_CHANNELS);
export const MetricBasis = enumOf(METRIC_BASES);
export const ClaimRank = enumOf(CLAIM_RANKS);
export const EntityCategory = enumOf(ENTITY_CATEGORIES);
export const RegistrationStatus = enumOf(REGISTRATION_STATUSES);
export const RedirectReason = enumOf(REDIRECT_REASONS);
export const IdentifierScheme = enumOf(IDENTIFIER_SCHEME_NAMES);
export const MatchReasonKind = enumOf(Object.keys(MATCH_REASONS) as MatchReasonKindName[]);
export const DecisionKind = enumOf(Object.keys(DECISION_KINDS) as DecisionKindName[]);
export const DecisionStatus = enumOf(Object.keys(DECISION_STATUSES) as DecisionStatusName[]);
export const SortDirection = enumOf(['ASC', 'DESC'] as const);
export const ExtractedFactType = enumOf(Object.keys(FACT_TYPES).map(factTypeEnumName));
export const ProposalStatus = enumOf(Object.keys(PROPOSAL_STATUSES) as Array<keyof typeof PROPOSAL_STATUSES>);
export const EntityType = enumOf(['ORGANIZATION', 'PERSON', 'MARKET', 'SOURCE'] as const);

registerDescribedEnum(DatePrecision, {
  name: 'DatePrecision',
  description: 'How precisely a source states a date: a day, a month, a quarter, a year, a decade, or a looser range (e.g. "late 2022").',
  values: {
    DAY: 'A calendar day.',
    DECADE: 'A decade (e.g. the 2010s).',
    MONTH: 'A month.',
    QUARTER: 'A calendar quarter (e.g. 2021-Q3).',
    RANGE: 'Any other interval between two days (e.g. "late 2022").',
    YEAR: 'A year.',
  },
});
registerDescribedEnum(QuantityQualifier, {
  name: 'QuantityQualifier',
  description: 'How a source states an amount: exactly, approximately, as a lower or upper bound, as a range, or not at all (UNKNOWN).',
  values: {
    APPROXIMATE: 'About the value ("roughly 8,000"); no bounds are implied.',
    AT_LEAST: 'The value or more ("at least 100").',
    AT_MOST: 'The value or fewer ("up to 100").',
    EXACT: 'Exactly the value.',
    LESS_THAN: 'Fewer than the value ("under 100").',
    MORE_THAN: 'More than the value ("more than 27,000").',
    RANGE: 'Between the bounds ("hundreds" is 200 to 999).',
    UNKNOWN: 'The source gives no number; never read as 0.',
  },
});
registerDescribedEnum(OrganizationKind, {
  name: 'OrganizationKind',
  description: 'COMPANY: a legal entity, which can be owned (a subsidiary). DIVISION: a part of a company, not a legal entity of its own.',
  values: {
    COMPANY: 'A legal entity.',
    DIVISION: 'A part of a company, not a legal entity of its own.',
    ESTABLISHMENT: 'A site of a company (a warehouse, a store, an office) as WARN notices name it: part of its family, not a legal entity.',
  },
});
registerDescribedEnum(OrganizationStatus, {
  name: 'OrganizationStatus',
  description: 'Whether the organization still operates on its own, was acquired or merged, or no longer exists.',
  values: {
    ACQUIRED: 'Bought by another organization; it may go on as a subsidiary or a brand.',
    ACTIVE: 'Operating.',
    DEFUNCT: 'No longer operating.',
    INACTIVE: 'No longer a legal entity in operation (GLEIF entity status INACTIVE: dissolved, merged or otherwise ended).',
    MERGED: 'Merged into another organization.',
  },
});
registerDescribedEnum(MarketKind, {
  name: 'MarketKind',
  description: 'Geographic markets nest as city within country within region; SEGMENT is an industry segment.',
  values: {
    CITY: 'A city.',
    COUNTRY: 'A country.',
    REGION: 'A region of several countries (e.g. Asia-Pacific).',
    SEGMENT: 'A line of business (e.g. video streaming).',
  },
});
registerDescribedEnum(SourceKind, {
  name: 'SourceKind',
  description: 'What kind of document a source is.',
  values: {
    BLOG_POST: 'A post on a company’s blog or website.',
    EMAIL: 'An email (e.g. to employees), as quoted or published.',
    FILING: 'A regulatory filing or an official register (SEC, GLEIF, WARN notices).',
    INTERNAL_MEMO: 'An internal memo, as reported.',
    LAYOFF_TRACKER: 'A layoff tracker: a list of layoffs compiled from reports (layoffs.fyi style), without a source per row.',
    RESOLUTION: "corpgraph's own entity-resolution decisions (who decided, when, on what evidence): the source of the links they make.",
    NEWS_ARTICLE: 'A news article.',
    NEWS_REPORT: 'A news report cited by another source (its own text may not be at hand).',
    PRESS_RELEASE: 'A press release.',
    REGISTRY: 'An official register or its data set (GLEIF LEI records, SEC EDGAR).',
    STATEMENT: 'A statement by a company or a person.',
    WARN_NOTICES: 'WARN Act notices filed with US state labor agencies, as a data set (one row per notice).',
  },
});
registerDescribedEnum(RoleType, {
  name: 'RoleType',
  description: 'The kind of position a person holds in an organization.',
  values: {
    BOARD_MEMBER: 'A member of the board.',
    CEO: 'Chief executive officer.',
    CHAIR: 'Chair (or executive chair) of the board.',
    EXECUTIVE: 'Another executive (a C-level officer other than the CEO, a general manager).',
    FOUNDER: 'A founder.',
    OTHER: 'Any other position.',
    PRESIDENT: 'President.',
    SENIOR_VICE_PRESIDENT: 'Senior vice president.',
    VICE_PRESIDENT: 'Vice president.',
  },
});
registerDescribedEnum(PresenceStatus, {
  name: 'PresenceStatus',
  description: "A company's standing in a market: entering, active, exiting (announced) or exited.",
  values: {
    ACTIVE: 'Operating in the market.',
    ENTERING: 'Announced or under way, not yet operating.',
    EXITED: 'Left the market.',
    EXITING: 'Announced that it is leaving.',
  },
});
registerDescribedEnum(AcquisitionStatus, {
  name: 'AcquisitionStatus',
  description: 'Whether an acquisition was only announced, completed, or terminated.',
  values: {
    ANNOUNCED: 'Agreed or announced, not (yet) closed.',
    COMPLETED: 'Closed: the acquirer owns the target.',
    TERMINATED: 'Called off before it closed.',
  },
});
registerDescribedEnum(AnnouncementChannel, {
  name: 'AnnouncementChannel',
  description: 'How news (such as a layoff) was announced.',
  values: {
    BLOG_POST: 'A post on the company’s blog or website.',
    EMAIL: 'An email to employees.',
    FILING: 'A regulatory filing (e.g. a WARN notice or an 8-K).',
    INTERVIEW: 'An interview with an executive.',
    MEETING: 'A meeting with employees (all-hands, town hall).',
    MEMO: 'An internal memo.',
    PRESS_RELEASE: 'A press release.',
    SOCIAL_MEDIA: 'A post on social media.',
  },
});
registerDescribedEnum(MetricBasis, {
  name: 'MetricBasis',
  description: 'ACTUAL for a measured figure, FORECAST for a prediction.',
  values: {
    ACTUAL: 'A measured figure.',
    FORECAST: 'A predicted figure.',
  },
});
registerDescribedEnum(ClaimRank, {
  name: 'ClaimRank',
  description:
    "Where sources disagree, each statement is kept: PREFERRED is the one corpgraph uses, NORMAL another source's version, DEPRECATED one known to be wrong.",
  values: {
    DEPRECATED: 'Known to be wrong or superseded; kept with its source for the record.',
    NORMAL: 'One statement among others.',
    PREFERRED: 'The statement the graph uses where sources differ.',
  },
});
registerDescribedEnum(EntityCategory, {
  name: 'EntityCategory',
  description: "A legal entity's category, as GLEIF records it.",
  values: {
    BRANCH: 'A branch of a legal entity in another jurisdiction, not a legal entity of its own.',
    FUND: 'A fund (investment fund, pension fund, sub-fund).',
    GENERAL: 'A legal entity of no special category (most companies).',
    INTERNATIONAL_ORGANIZATION: 'An international organization.',
    RESIDENT_GOVERNMENT_ENTITY: 'A government entity resident in its jurisdiction.',
    SOLE_PROPRIETOR: 'An individual acting in a business capacity.',
  },
});
registerDescribedEnum(RegistrationStatus, {
  name: 'RegistrationStatus',
  description: "The status of an organization's LEI registration, as GLEIF records it.",
  values: {
    ANNULLED: 'The LEI was issued in error and annulled.',
    DUPLICATE: 'The LEI duplicates another LEI of the same entity (the successor).',
    ISSUED: 'The LEI is issued and its record kept up to date.',
    LAPSED: 'The LEI was not renewed: its record may be out of date.',
    MERGED: 'The entity merged into another (the successor).',
    PENDING_ARCHIVAL: 'The record is about to be archived.',
    PENDING_TRANSFER: 'The record is moving to another issuer.',
    RETIRED: 'The entity ceased to exist.',
    TRANSFERRED: 'The record moved to another issuer.',
  },
});
registerDescribedEnum(RedirectReason, {
  name: 'RedirectReason',
  description: 'Why an id now answers for another entity.',
  values: {
    DUPLICATE: 'The id duplicated the target (e.g. a duplicate LEI).',
    MERGED: 'The entity merged into the target.',
    RETIRED: 'The entity ceased to exist; the target is its successor.',
    SAME_AS: 'A decision that both ids name one entity.',
  },
});
registerDescribedEnum(IdentifierScheme, {
  name: 'IdentifierScheme',
  description: 'An external identifier scheme; each (scheme, value) names at most one entity.',
  // Described once, with the schemes' rules.
  values: Object.fromEntries(IDENTIFIER_SCHEME_NAMES.map((scheme) => [scheme, IDENTIFIER_SCHEMES[scheme].description])) as Record<
    (typeof IDENTIFIER_SCHEME_NAMES)[number],
    string
  >,
});
registerDescribedEnum(MatchReasonKind, { name: 'MatchReasonKind', description: 'The kinds of evidence entity resolution weighs.', values: MATCH_REASONS });
registerDescribedEnum(DecisionKind, {
  name: 'DecisionKind',
  description: 'What an entity-resolution decision says of its subject and candidate.',
  values: DECISION_KINDS,
});
registerDescribedEnum(DecisionStatus, { name: 'DecisionStatus', description: 'Where an entity-resolution decision stands.', values: DECISION_STATUSES });
registerDescribedEnum(ExtractedFactType, {
  name: 'ExtractedFactType',
  description: 'What an extracted fact states.',
  values: Object.fromEntries(Object.entries(FACT_TYPES).map(([type, description]) => [factTypeEnumName(type), description])),
});
registerDescribedEnum(ProposalStatus, {
  name: 'ProposalStatus',
  description: 'Where an extracted fact stands: waiting for review, written to the graph, or refused.',
  values: PROPOSAL_STATUSES,
});
registerDescribedEnum(SortDirection, {
  name: 'SortDirection',
  description: 'Ascending or descending order.',
  values: {
    ASC: 'Ascending.',
    DESC: 'Descending.',
  },
});
registerDescribedEnum(EntityType, {
  name: 'EntityType',
  description: 'The entity types that search covers.',
  values: {
    MARKET: 'Markets: regions, countries, cities, segments.',
    ORGANIZATION: 'Companies and divisions.',
    PERSON: 'People.',
    SOURCE: 'Sources: articles, filings, memos, data sets.',
  },
});

export const Certainty = enumOf(['CERTAIN', 'POSSIBLE'] as const);
registerDescribedEnum(Certainty, {
  name: 'Certainty',
  description:
    'How a fuzzy date is matched against a date or window. CERTAIN: its whole interval satisfies the condition ' +
    '(the interval bounds allow nothing else). POSSIBLE: some part of its interval does.',
  values: {
    CERTAIN: 'Only what the known dates guarantee (for as-of questions: a start known to be on or before the day, and no end before it).',
    POSSIBLE: 'Also what the known dates merely allow.',
  },
});

export const OwnershipKind = enumOf(OWNERSHIP_KINDS);
registerDescribedEnum(OwnershipKind, {
  name: 'OwnershipKind',
  description: 'SUBSIDIARY: a company owned by its parent (legal ownership). DIVISION: a part of its parent, not a legal entity.',
  values: {
    DIVISION: 'A part of its parent, not a legal entity of its own (DIVISION_OF).',
    SUBSIDIARY: 'A company owned by its parent (SUBSIDIARY_OF).',
  },
});

export const ChangeKind = enumOf(Object.keys(CHANGE_KINDS) as ChangeKindName[]);
registerDescribedEnum(ChangeKind, {
  name: 'ChangeKind',
  description: 'What a change did to its fact (the change feed).',
  values: CHANGE_KINDS,
});

/** A record type as an enum value: LayoffEvent -> LAYOFF_EVENT. */
const upperSnake = (name: string) => name.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase();
/** The record type an enum value of ChangedFactType names (LAYOFF_EVENT -> LayoffEvent). */
export const RECORD_TYPE_OF_ENUM: Readonly<Record<string, string>> = Object.fromEntries(RECORD_TYPES.map((t) => [upperSnake(t), t]));
export const ChangedFactType = enumOf(Object.keys(RECORD_TYPE_OF_ENUM));
registerDescribedEnum(ChangedFactType, {
  name: 'ChangedFactType',
  description: 'The types of fact a change can be about (a change names its own as the import format does: LAYOFF_EVENT is LayoffEvent).',
  values: Object.fromEntries(
    Object.entries(RECORD_TYPE_OF_ENUM).map(([value, type]) => [value, RECORD_SPECS[type as (typeof RECORD_TYPES)[number]].description]),
  ),
});
