import { Field, Float, ID, InputType } from 'type-graphql';
import { DatePrecision, IdentifierScheme, QuantityQualifier } from './enums';

/**
 * What every write input shares: how a source is cited, fuzzy dates, amounts and prices, and the id
 * and citations of a fact. Each entity's input lives beside it (<entity>.input.ts) and carries the
 * fields of its record type (src/ingest/record-types.ts) one for one, so that a mutation is an import
 * of one record, through one validator and one writer; a unit test holds the two to the same fields.
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

  @Field(() => String, { nullable: true, description: "Where in the source: a data set's row (an LEI, a notice's hash), a page; at most 200 characters." })
  locator?: string;
}

@InputType({ description: 'An external identifier: a scheme and a value (checked: an LEI needs valid check digits), and for a ticker its exchange.' })
export class IdentifierInput {
  @Field(() => IdentifierScheme, { description: 'LEI, CIK, TICKER or WIKIDATA.' })
  scheme!: string;

  @Field(() => String, { description: 'The value, e.g. "8JA4NT75BITP5LG6P072" or "1018724" (a CIK is zero-padded to 10 digits).' })
  value!: string;

  @Field(() => String, { nullable: true, description: 'For a ticker: the exchange (e.g. Nasdaq).' })
  exchange?: string;

  @Field(() => ID, {
    nullable: true,
    description: "Id of the Source that gives it (the registry's data set); by default the fact's first cited source.",
  })
  source?: string;

  @Field(() => String, { nullable: true, description: 'Where in that source: the registry row.' })
  locator?: string;
}

@InputType()
export abstract class FactInput {
  @Field(() => ID, { description: 'Stable slug id (lower case, digits, hyphens); the same id updates the same fact.' })
  id!: string;

  @Field(() => [CitationInput], { description: 'The sources that state this fact: at least one.' })
  sources!: CitationInput[];
}
