import { registerEnumType } from 'type-graphql';
import { IDENTIFIER_SCHEMES } from '../../ingest/identifiers';
import { FACT_TYPES, factTypeEnumName } from '../../extraction/proposals';
import { PROPOSAL_STATUSES } from '../../extraction/review';
import { DECISION_KINDS, DECISION_STATUSES, MATCH_REASONS } from '../../resolution/rules';

/**
 * What each value of each enum means, in one table, so that Sandbox, GraphiQL and the SDL document
 * every value (the schema linter's enum-values-have-descriptions rule holds it to that).
 */
export const ENUM_VALUE_DESCRIPTIONS: Record<string, Record<string, string>> = {
  AcquisitionOrderField: {
    ANNOUNCED: 'By the earliest possible day the deal was announced.',
    COMPLETED: 'By the earliest possible day the deal closed.',
    PRICE: 'By price (the lower bound of the amount).',
  },
  AcquisitionStatus: {
    ANNOUNCED: 'Agreed or announced, not (yet) closed.',
    COMPLETED: 'Closed: the acquirer owns the target.',
    TERMINATED: 'Called off before it closed.',
  },
  AnnouncementChannel: {
    BLOG_POST: 'A post on the company’s blog or website.',
    EMAIL: 'An email to employees.',
    FILING: 'A regulatory filing (e.g. a WARN notice or an 8-K).',
    INTERVIEW: 'An interview with an executive.',
    MEETING: 'A meeting with employees (all-hands, town hall).',
    MEMO: 'An internal memo.',
    PRESS_RELEASE: 'A press release.',
    SOCIAL_MEDIA: 'A post on social media.',
  },
  Certainty: {
    CERTAIN: 'Only what the known dates guarantee (for as-of questions: a start known to be on or before the day, and no end before it).',
    POSSIBLE: 'Also what the known dates merely allow.',
  },
  ClaimRank: {
    DEPRECATED: 'Known to be wrong or superseded; kept with its source for the record.',
    NORMAL: 'One statement among others.',
    PREFERRED: 'The statement the graph uses where sources differ.',
  },
  DatePrecision: {
    DAY: 'A calendar day.',
    DECADE: 'A decade (e.g. the 2010s).',
    MONTH: 'A month.',
    QUARTER: 'A calendar quarter (e.g. 2021-Q3).',
    RANGE: 'Any other interval between two days (e.g. "late 2022").',
    YEAR: 'A year.',
  },
  EntityType: {
    MARKET: 'Markets: regions, countries, cities, segments.',
    ORGANIZATION: 'Companies and divisions.',
    PERSON: 'People.',
    SOURCE: 'Sources: articles, filings, memos, data sets.',
  },
  LayoffOrderField: {
    ANNOUNCED: 'By the earliest possible day of the announcement.',
    HEADCOUNT: 'By the lower bound of the headcount (unknown counts first).',
  },
  MarketKind: {
    CITY: 'A city.',
    COUNTRY: 'A country.',
    REGION: 'A region of several countries (e.g. Asia-Pacific).',
    SEGMENT: 'A line of business (e.g. video streaming).',
  },
  MetricBasis: {
    ACTUAL: 'A measured figure.',
    FORECAST: 'A predicted figure.',
  },
  OrganizationKind: {
    COMPANY: 'A legal entity.',
    DIVISION: 'A part of a company, not a legal entity of its own.',
    ESTABLISHMENT: 'A site of a company (a warehouse, a store, an office) as WARN notices name it: part of its family, not a legal entity.',
  },
  OrganizationOrderField: {
    ID: 'By id.',
    NAME: 'By name.',
  },
  OrganizationStatus: {
    ACQUIRED: 'Bought by another organization; it may go on as a subsidiary or a brand.',
    ACTIVE: 'Operating.',
    DEFUNCT: 'No longer operating.',
    INACTIVE: 'No longer a legal entity in operation (GLEIF entity status INACTIVE: dissolved, merged or otherwise ended).',
    MERGED: 'Merged into another organization.',
  },
  EntityCategory: {
    BRANCH: 'A branch of a legal entity in another jurisdiction, not a legal entity of its own.',
    FUND: 'A fund (investment fund, pension fund, sub-fund).',
    GENERAL: 'A legal entity of no special category (most companies).',
    INTERNATIONAL_ORGANIZATION: 'An international organization.',
    RESIDENT_GOVERNMENT_ENTITY: 'A government entity resident in its jurisdiction.',
    SOLE_PROPRIETOR: 'An individual acting in a business capacity.',
  },
  RegistrationStatus: {
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
  RedirectReason: {
    DUPLICATE: 'The id duplicated the target (e.g. a duplicate LEI).',
    MERGED: 'The entity merged into the target.',
    RETIRED: 'The entity ceased to exist; the target is its successor.',
    SAME_AS: 'A decision that both ids name one entity.',
  },
  MatchReasonKind: MATCH_REASONS,
  DecisionKind: DECISION_KINDS,
  DecisionStatus: DECISION_STATUSES,
  ExtractedFactType: Object.fromEntries(Object.entries(FACT_TYPES).map(([type, description]) => [factTypeEnumName(type), description])),
  ProposalStatus: PROPOSAL_STATUSES,
  // Described once, with the schemes' rules.
  IdentifierScheme: Object.fromEntries(Object.entries(IDENTIFIER_SCHEMES).map(([scheme, rule]) => [scheme, rule.description])),
  OwnershipKind: {
    DIVISION: 'A part of its parent, not a legal entity of its own (DIVISION_OF).',
    SUBSIDIARY: 'A company owned by its parent (SUBSIDIARY_OF).',
  },
  PresenceStatus: {
    ACTIVE: 'Operating in the market.',
    ENTERING: 'Announced or under way, not yet operating.',
    EXITED: 'Left the market.',
    EXITING: 'Announced that it is leaving.',
  },
  PathScope: {
    ALL_ENTITIES: 'Through any entity and relationship type (relationshipTypes narrows them): roles, events, acquisitions and markets are steps of their own.',
    PEOPLE_AND_ORGANIZATIONS:
      'Through people and organizations only, over roles and parent links; a role is one step (HELD_BY) from a person to an organization, with its sources.',
  },
  QuantityQualifier: {
    APPROXIMATE: 'About the value ("roughly 8,000"); no bounds are implied.',
    AT_LEAST: 'The value or more ("at least 100").',
    AT_MOST: 'The value or fewer ("up to 100").',
    EXACT: 'Exactly the value.',
    LESS_THAN: 'Fewer than the value ("under 100").',
    MORE_THAN: 'More than the value ("more than 27,000").',
    RANGE: 'Between the bounds ("hundreds" is 200 to 999).',
    UNKNOWN: 'The source gives no number; never read as 0.',
  },
  RelationshipType: {
    ABOUT: 'A claim to the fact it is about.',
    ACQUIRER: 'An acquisition to the organization that made it.',
    AFFECTS_MARKET: 'A layoff event to a market it affects.',
    ANNOUNCED_BY: 'A layoff event to the person who announced it.',
    AT: 'A role to the organization it is held at.',
    AT_ORGANIZATION: 'A layoff event to an organization that cut jobs.',
    BY_ORGANIZATION: 'A market presence to its organization.',
    CITES: 'A fact to a source that states it.',
    DIVISION_OF: 'A division to the organization it is part of.',
    FOR_MARKET: 'A market figure to a market it is about.',
    HEADQUARTERED_IN: 'An organization to the city of its headquarters.',
    HELD_BY: 'A role to the person who holds it.',
    IN_MARKET: 'A market presence to its market.',
    SUBSIDIARY_OF: 'A subsidiary to the company that owns it.',
    TARGET: 'An acquisition to the organization acquired.',
    WITHIN: 'A market to the larger market it lies within.',
  },
  RoleType: {
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
  RollupGrouping: {
    MARKET: 'By affected market ("Not stated" when the source names none).',
    ORGANIZATION: 'By the organization the source names (an event naming two counts in both groups, once in the total).',
    SOURCE_KIND: 'By the kind of source that tells it (an event told by the news and by notices counts in both groups, once in the total).',
    YEAR: 'By year of announcement ("2022-2023" when the announcement interval spans years).',
  },
  SortDirection: {
    ASC: 'Ascending.',
    DESC: 'Descending.',
  },
  SourceKind: {
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
  SourceOrderField: {
    PUBLISHED: 'By the earliest possible day of publication.',
    TITLE: 'By title.',
  },
  StepDirection: {
    BACKWARD: 'The step goes against the relationship’s direction (to its start).',
    FORWARD: 'The step goes along the relationship’s direction (to its end).',
  },
  TimelineEventKind: {
    ACQUISITION_ANNOUNCED: 'An acquisition was announced.',
    ACQUISITION_COMPLETED: 'An acquisition closed.',
    LAYOFF: 'Job cuts were announced.',
    LEADERSHIP_END: 'Someone left a leading role.',
    LEADERSHIP_START: 'Someone took a leading role.',
    MARKET_ENTRY: 'An organization entered a market.',
    MARKET_EXIT: 'An organization left a market.',
    MARKET_EXIT_ANNOUNCED: 'An organization announced that it would leave a market.',
  },
};

/** registerEnumType, with each value's description from the table above. */
export function registerDescribedEnum<T extends object>(values: T, config: { name: string; description: string }): void {
  const described = ENUM_VALUE_DESCRIPTIONS[config.name] ?? {};
  registerEnumType(values, {
    ...config,
    valuesConfig: Object.fromEntries(Object.keys(values).map((key) => [key, { description: described[key] }])) as never,
  });
}
