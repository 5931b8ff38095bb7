import { Field, Float, ID, InputType } from 'type-graphql';
import {
  AcquisitionStatus,
  AnnouncementChannel,
  ClaimRank,
  DatePrecision,
  MarketKind,
  MetricBasis,
  OrganizationKind,
  OrganizationStatus,
  OwnershipKind,
  PresenceStatus,
  QuantityQualifier,
  RoleType,
  SourceKind,
} from '../common/enums';

/**
 * Inputs of the write API. They carry the fields of the import format (docs/import-format.md) one
 * for one, so that a mutation is an import of one record and both share one validator and one writer.
 */

@InputType({
  description: 'A date as the source states it: `on` a calendar value, or earliest/latest bounds, or a phrase in text ("late 2022", "last month").',
})
export class FuzzyDateInput {
  @Field(() => String, { nullable: true, description: 'A calendar value: YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Qn or YYY0s.' })
  on?: string;

  @Field(() => String, { nullable: true, description: 'Earliest possible day (or month or year: its first day).' })
  earliest?: string;

  @Field(() => String, { nullable: true, description: 'Latest possible day (or month or year: its last day).' })
  latest?: string;

  @Field(() => DatePrecision, { nullable: true, description: 'How precise the statement is; inferred when omitted.' })
  precision?: string;

  @Field(() => String, {
    nullable: true,
    description: "The wording of the source; alone, it is read as a phrase, relative ones against the first cited source's date.",
  })
  text?: string;
}

@InputType({ description: 'An amount as the source states it: a value, bounds (min above max is refused), a qualifier and the wording.' })
export class QuantityInput {
  @Field(() => Float, { nullable: true, description: 'Best value.' })
  value?: number;

  @Field(() => Float, { nullable: true, description: 'Lower bound.' })
  min?: number;

  @Field(() => Float, { nullable: true, description: 'Upper bound.' })
  max?: number;

  @Field(() => Boolean, { nullable: true, description: 'The lower bound itself is excluded ("more than").' })
  minExclusive?: boolean;

  @Field(() => Boolean, { nullable: true, description: 'The upper bound itself is excluded ("fewer than").' })
  maxExclusive?: boolean;

  @Field(() => QuantityQualifier, { nullable: true, description: 'How the source states it; UNKNOWN for "number not given".' })
  qualifier?: string;

  @Field(() => String, { nullable: true, description: 'The wording of the source.' })
  text?: string;
}

@InputType({ description: 'A price: an amount (exact or with bounds) and an ISO 4217 currency.' })
export class MoneyInput {
  @Field(() => Float, { nullable: true, description: 'The amount.' })
  amount?: number;

  @Field(() => Float, { nullable: true, description: 'Lower bound, for an approximate price.' })
  min?: number;

  @Field(() => Float, { nullable: true, description: 'Upper bound, for an approximate price.' })
  max?: number;

  @Field(() => QuantityQualifier, { nullable: true, description: 'How the source states it.' })
  qualifier?: string;

  @Field(() => String, { description: 'ISO 4217 currency code, e.g. USD.' })
  currency!: string;

  @Field(() => String, { nullable: true, description: 'The wording of the source ("close to $1 billion").' })
  text?: string;
}

@InputType({ description: 'A source stating a fact: its id (an existing source, or one in newSources of the same mutation) and a short quote.' })
export class CitationInput {
  @Field(() => ID, { description: 'Id of the source.' })
  source!: string;

  @Field(() => String, { nullable: true, description: 'The words of the source: a short attributed phrase, at most 200 characters.' })
  quote?: string;
}

@InputType({ description: 'A document that states facts.' })
export class SourceInput {
  @Field(() => ID, { description: 'Stable slug id, e.g. src-reuters-2024-01-10-amazon.' })
  id!: string;

  @Field(() => SourceKind, { description: 'What kind of document.' })
  kind!: string;

  @Field(() => String, { description: 'Its title.' })
  title!: string;

  @Field(() => [String], { nullable: true, description: 'Publishers.' })
  publishers?: string[];

  @Field(() => [String], { nullable: true, description: 'Authors and contributors.' })
  authors?: string[];

  @Field(() => FuzzyDateInput, { nullable: true, description: 'When it was published.' })
  published?: FuzzyDateInput;

  @Field(() => String, { nullable: true, description: 'Its URL; leave it out rather than guess.' })
  url?: string;

  @Field(() => String, { nullable: true, description: 'Language (BCP 47).' })
  language?: string;

  @Field(() => String, { nullable: true, description: 'What it is.' })
  description?: string;
}

@InputType()
abstract class FactInput {
  @Field(() => ID, { description: 'Stable slug id (lower case, digits, hyphens); the same id updates the same fact.' })
  id!: string;

  @Field(() => [CitationInput], { description: 'The sources that state this fact: at least one.' })
  sources!: CitationInput[];
}

@InputType({ description: 'A company or division.' })
export class OrganizationInput extends FactInput {
  @Field(() => String, { description: 'The name it is best known by.' })
  name!: string;

  @Field(() => [String], { nullable: true, description: 'Other names.' })
  aliases?: string[];

  @Field(() => String, { nullable: true, description: 'Registered legal name.' })
  legalName?: string;

  @Field(() => OrganizationKind, { description: 'COMPANY or DIVISION.' })
  kind!: string;

  @Field(() => OrganizationStatus, { nullable: true, description: 'Default ACTIVE.' })
  status?: string;

  @Field(() => String, { nullable: true, description: 'What it does.' })
  description?: string;

  @Field(() => String, { nullable: true, description: 'Its website.' })
  website?: string;

  @Field(() => FuzzyDateInput, { nullable: true, description: 'When it was founded.' })
  founded?: FuzzyDateInput;

  @Field(() => ID, { nullable: true, description: 'Id of the market (city) of its headquarters.' })
  headquarters?: string;
}

@InputType({ description: 'A person.' })
export class PersonInput extends FactInput {
  @Field(() => String, { description: 'Full name.' })
  name!: string;

  @Field(() => [String], { nullable: true, description: 'Other names.' })
  aliases?: string[];

  @Field(() => String, { nullable: true, description: 'Who the person is.' })
  description?: string;
}

@InputType({ description: 'A role a person holds in an organization for a period.' })
export class RoleInput extends FactInput {
  @Field(() => ID, { description: 'Id of the person.' })
  person!: string;

  @Field(() => ID, { description: 'Id of the organization.' })
  organization!: string;

  @Field(() => String, { description: 'Title as the sources give it.' })
  title!: string;

  @Field(() => RoleType, { description: 'Kind of position.' })
  roleType!: string;

  @Field(() => FuzzyDateInput, { nullable: true, description: 'Since when.' })
  since?: FuzzyDateInput;

  @Field(() => FuzzyDateInput, { nullable: true, description: 'Until when.' })
  until?: FuzzyDateInput;
}

@InputType({ description: 'A market: region, country, city or segment.' })
export class MarketInput extends FactInput {
  @Field(() => String, { description: 'Name.' })
  name!: string;

  @Field(() => [String], { nullable: true, description: 'Other names.' })
  aliases?: string[];

  @Field(() => MarketKind, { description: 'Region, country, city or segment.' })
  kind!: string;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 code, for countries.' })
  isoCode?: string;

  @Field(() => ID, { nullable: true, description: 'Id of the market it lies within.' })
  within?: string;

  @Field(() => String, { nullable: true, description: 'What it covers.' })
  description?: string;
}

@InputType({ description: "An organization's presence in a market: entry, announced exit, exit." })
export class MarketPresenceInput extends FactInput {
  @Field(() => ID, { description: 'Id of the organization.' })
  organization!: string;

  @Field(() => ID, { description: 'Id of the market.' })
  market!: string;

  @Field(() => PresenceStatus, { description: 'Entering, active, exiting or exited.' })
  status!: string;

  @Field(() => FuzzyDateInput, { nullable: true, description: 'When it entered.' })
  since?: FuzzyDateInput;

  @Field(() => FuzzyDateInput, { nullable: true, description: 'When it left.' })
  until?: FuzzyDateInput;

  @Field(() => FuzzyDateInput, { nullable: true, description: 'When it announced leaving.' })
  exitAnnounced?: FuzzyDateInput;

  @Field(() => String, { nullable: true, description: 'Why it entered.' })
  entryReason?: string;

  @Field(() => String, { nullable: true, description: 'Why it left.' })
  exitReason?: string;
}

@InputType({ description: 'An acquisition of one organization by another.' })
export class AcquisitionInput extends FactInput {
  @Field(() => ID, { description: 'Id of the buyer.' })
  acquirer!: string;

  @Field(() => ID, { description: 'Id of the organization bought.' })
  target!: string;

  @Field(() => AcquisitionStatus, { description: 'Announced, completed or terminated.' })
  status!: string;

  @Field(() => FuzzyDateInput, { nullable: true, description: 'When it was announced.' })
  announced?: FuzzyDateInput;

  @Field(() => FuzzyDateInput, { nullable: true, description: 'When it closed.' })
  completed?: FuzzyDateInput;

  @Field(() => MoneyInput, { nullable: true, description: 'The price.' })
  price?: MoneyInput;

  @Field(() => String, { nullable: true, description: 'What was bought and why.' })
  description?: string;
}

@InputType({
  description:
    'A parent link: a child owned by (SUBSIDIARY) or part of (DIVISION) a parent, for a period. One that would make a company its own ancestor is refused.',
})
export class OwnershipInput extends FactInput {
  @Field(() => OwnershipKind, { description: 'SUBSIDIARY or DIVISION.' })
  kind!: string;

  @Field(() => ID, { description: 'Id of the owned organization or division.' })
  child!: string;

  @Field(() => ID, { description: 'Id of the owner.' })
  parent!: string;

  @Field(() => FuzzyDateInput, { nullable: true, description: 'Since when.' })
  since?: FuzzyDateInput;

  @Field(() => FuzzyDateInput, { nullable: true, description: 'Until when.' })
  until?: FuzzyDateInput;

  @Field(() => ID, { nullable: true, description: 'Id of the acquisition that created the link.' })
  acquisition?: string;
}

@InputType({ description: 'A market a layoff affects.' })
export class AffectedMarketInput {
  @Field(() => ID, { description: 'Id of the market.' })
  market!: string;

  @Field(() => FuzzyDateInput, { nullable: true, description: 'When workers there were told.' })
  notified?: FuzzyDateInput;

  @Field(() => String, { nullable: true, description: 'How the source describes it.' })
  note?: string;
}

@InputType({ description: 'A round of job cuts.' })
export class LayoffEventInput extends FactInput {
  @Field(() => [ID], { description: 'Ids of the organizations the source names.' })
  organizations!: string[];

  @Field(() => FuzzyDateInput, { description: 'When the cuts were announced.' })
  announced!: FuzzyDateInput;

  @Field(() => QuantityInput, { nullable: true, description: 'How many jobs, as stated; omit when no number is given (stored as UNKNOWN).' })
  headcount?: QuantityInput;

  @Field(() => Float, { nullable: true, description: 'Share of the workforce, from 0 to 1 (0.35 for 35%).' })
  shareOfWorkforce?: number;

  @Field(() => ID, { nullable: true, description: 'Id of the person who announced it.' })
  announcedBy?: string;

  @Field(() => [AnnouncementChannel], { nullable: true, description: 'How it was announced.' })
  channels?: string[];

  @Field(() => [AffectedMarketInput], { nullable: true, description: 'Regions affected.' })
  regions?: AffectedMarketInput[];

  @Field(() => String, { nullable: true, description: 'What was cut and why.' })
  description?: string;
}

@InputType({ description: 'A figure about markets for a period.' })
export class MarketMetricInput extends FactInput {
  @Field(() => String, { description: 'What is measured.' })
  name!: string;

  @Field(() => [ID], { description: 'Ids of the markets it is about.' })
  markets!: string[];

  @Field(() => FuzzyDateInput, { description: 'The period.' })
  period!: FuzzyDateInput;

  @Field(() => QuantityInput, { nullable: true, description: 'The figure.' })
  value?: QuantityInput;

  @Field(() => String, { nullable: true, description: 'Unit.' })
  unit?: string;

  @Field(() => MetricBasis, { description: 'ACTUAL or FORECAST.' })
  basis!: string;

  @Field(() => String, { nullable: true, description: 'What the source adds.' })
  note?: string;
}

@InputType({ description: "One source's statement of a property of a fact, kept beside others that differ." })
export class ClaimInput extends FactInput {
  @Field(() => ID, { description: 'Id of the fact the claim is about.' })
  subject!: string;

  @Field(() => String, { description: 'The property, e.g. completed or price.' })
  property!: string;

  @Field(() => ClaimRank, { nullable: true, description: 'Default NORMAL.' })
  rank?: string;

  @Field(() => FuzzyDateInput, { nullable: true, description: 'The value, when a date.' })
  date?: FuzzyDateInput;

  @Field(() => QuantityInput, { nullable: true, description: 'The value, when an amount.' })
  quantity?: QuantityInput;

  @Field(() => String, { nullable: true, description: 'The value, when text.' })
  text?: string;

  @Field(() => String, { nullable: true, description: 'Why it differs or how it was read.' })
  note?: string;
}
