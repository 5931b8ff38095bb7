import { Field, ObjectType } from 'type-graphql';
import type { Row } from '../../graph/graph-client';
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

  /** Reads the flattened <prefix>Earliest/Latest/Precision/Text properties; null when none is stored. */
  static fromProps(props: Row, prefix: string): FuzzyDate | null {
    const precision = props[`${prefix}Precision`] as FuzzyDate['precision'] | undefined;
    if (!precision) return null;
    return Object.assign(new FuzzyDate(), {
      earliest: (props[`${prefix}Earliest`] as string) ?? null,
      latest: (props[`${prefix}Latest`] as string) ?? null,
      precision,
      text: (props[`${prefix}Text`] as string) ?? null,
    });
  }
}
