import { Field, ObjectType } from 'type-graphql';
import type { Row } from '../../graph/graph-client';
import { STORED_DATE, storedNames } from '../../ingest/dates-and-quantities';
import { DateScalar } from './date.scalar';
import { DatePrecision } from './enums';

@ObjectType({
  description:
    'A date as a source states it: the interval it certainly lies in (earliest..latest, either end may be unknown), ' +
    'how precise it is, and the original wording. "Late 2022" is 2022-09-01..2022-12-31 with precision RANGE; ' +
    'relative wording ("last month") is resolved against the citing source\'s publication date.',
})
export class FuzzyDate {
  @Field(() => DateScalar, { nullable: true, description: 'The earliest day the date can be; null when unknown.' })
  earliest!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'The latest day the date can be; null when unknown.' })
  latest!: string | null;

  @Field(() => DatePrecision, { description: 'How precise the statement is.' })
  precision!: keyof typeof DatePrecision;

  @Field(() => String, { nullable: true, description: 'The original wording, when the source did not give a plain date (e.g. "last month").' })
  text!: string | null;

  /** Reads a date's stored properties (STORED_DATE); null when none is stored. */
  static fromProps(props: Row, prefix: string): FuzzyDate | null {
    const names = storedNames(STORED_DATE, prefix);
    if (!props[names[STORED_DATE.marker]]) return null;
    const date = new FuzzyDate();
    for (const part of Object.keys(names) as Array<keyof FuzzyDate>) Object.assign(date, { [part]: props[names[part]] ?? null });
    return date;
  }
}
