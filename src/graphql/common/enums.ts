import {
  ACQUISITION_STATUSES,
  ANNOUNCEMENT_CHANNELS,
  CLAIM_RANKS,
  ENTITY_CATEGORIES,
  MARKET_KINDS,
  METRIC_BASES,
  ORGANIZATION_KINDS,
  ORGANIZATION_STATUSES,
  PRESENCE_STATUSES,
  REDIRECT_REASONS,
  REGISTRATION_STATUSES,
  ROLE_TYPES,
  SOURCE_KINDS,
} from '../../ingest/record-types';
import { DATE_PRECISIONS, QUANTITY_QUALIFIERS } from '../../ingest/dates-and-quantities';
import { IDENTIFIER_SCHEME_NAMES } from '../../ingest/identifiers';
import { DECISION_KINDS, DECISION_STATUSES, MATCH_REASONS } from '../../resolution/rules';
import type { DecisionKind as DecisionKindName, DecisionStatus as DecisionStatusName, MatchReasonKind as MatchReasonKindName } from '../../resolution/rules';
import { FACT_TYPES, factTypeEnumName } from '../../extraction/proposals';
import { PROPOSAL_STATUSES } from '../../extraction/review';
import { registerDescribedEnum } from './enum-values';

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
});
registerDescribedEnum(QuantityQualifier, {
  name: 'QuantityQualifier',
  description: 'How a source states an amount: exactly, approximately, as a lower or upper bound, as a range, or not at all (UNKNOWN).',
});
registerDescribedEnum(OrganizationKind, {
  name: 'OrganizationKind',
  description: 'COMPANY: a legal entity, which can be owned (a subsidiary). DIVISION: a part of a company, not a legal entity of its own.',
});
registerDescribedEnum(OrganizationStatus, {
  name: 'OrganizationStatus',
  description: 'Whether the organization still operates on its own, was acquired or merged, or no longer exists.',
});
registerDescribedEnum(MarketKind, {
  name: 'MarketKind',
  description: 'Geographic markets nest as city within country within region; SEGMENT is an industry segment.',
});
registerDescribedEnum(SourceKind, { name: 'SourceKind', description: 'What kind of document a source is.' });
registerDescribedEnum(RoleType, { name: 'RoleType', description: 'The kind of position a person holds in an organization.' });
registerDescribedEnum(PresenceStatus, {
  name: 'PresenceStatus',
  description: "A company's standing in a market: entering, active, exiting (announced) or exited.",
});
registerDescribedEnum(AcquisitionStatus, { name: 'AcquisitionStatus', description: 'Whether an acquisition was only announced, completed, or terminated.' });
registerDescribedEnum(AnnouncementChannel, { name: 'AnnouncementChannel', description: 'How news (such as a layoff) was announced.' });
registerDescribedEnum(MetricBasis, { name: 'MetricBasis', description: 'ACTUAL for a measured figure, FORECAST for a prediction.' });
registerDescribedEnum(ClaimRank, {
  name: 'ClaimRank',
  description:
    "Where sources disagree, each statement is kept: PREFERRED is the one corpgraph uses, NORMAL another source's version, DEPRECATED one known to be wrong.",
});
registerDescribedEnum(EntityCategory, { name: 'EntityCategory', description: "A legal entity's category, as GLEIF records it." });
registerDescribedEnum(RegistrationStatus, {
  name: 'RegistrationStatus',
  description: "The status of an organization's LEI registration, as GLEIF records it.",
});
registerDescribedEnum(RedirectReason, { name: 'RedirectReason', description: 'Why an id now answers for another entity.' });
registerDescribedEnum(IdentifierScheme, {
  name: 'IdentifierScheme',
  description: 'An external identifier scheme; each (scheme, value) names at most one entity.',
});
registerDescribedEnum(MatchReasonKind, { name: 'MatchReasonKind', description: 'The kinds of evidence entity resolution weighs.' });
registerDescribedEnum(DecisionKind, { name: 'DecisionKind', description: 'What an entity-resolution decision says of its subject and candidate.' });
registerDescribedEnum(DecisionStatus, { name: 'DecisionStatus', description: 'Where an entity-resolution decision stands.' });
registerDescribedEnum(ExtractedFactType, {
  name: 'ExtractedFactType',
  description: 'What an extracted fact states.',
});
registerDescribedEnum(ProposalStatus, {
  name: 'ProposalStatus',
  description: 'Where an extracted fact stands: waiting for review, written to the graph, or refused.',
});
registerDescribedEnum(SortDirection, { name: 'SortDirection', description: 'Ascending or descending order.' });
registerDescribedEnum(EntityType, { name: 'EntityType', description: 'The entity types that search covers.' });

export const Certainty = enumOf(['CERTAIN', 'POSSIBLE'] as const);
registerDescribedEnum(Certainty, {
  name: 'Certainty',
  description:
    'How a fuzzy date is matched against a date or window. CERTAIN: its whole interval satisfies the condition ' +
    '(the interval bounds allow nothing else). POSSIBLE: some part of its interval does.',
});

export const OwnershipKind = enumOf(['SUBSIDIARY', 'DIVISION'] as const);
registerDescribedEnum(OwnershipKind, {
  name: 'OwnershipKind',
  description: 'SUBSIDIARY: a company owned by its parent (legal ownership). DIVISION: a part of its parent, not a legal entity.',
});
