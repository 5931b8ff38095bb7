import { Field, Float, Int, ObjectType } from 'type-graphql';
import type { Row } from '../../graph/graph-client';
import { describeQuantity, STORED_QUANTITY, StoredQuantityPart, storedNames } from '../../ingest/dates-and-quantities';
import { QuantityQualifier } from './enums';

@ObjectType({
  description:
    'An amount as a source states it: a best value (or none) with lower and upper bounds, either of which may be open. ' +
    '"More than 27,000" has min 27000 (exclusive) and no max; "hundreds" is a range; an unknown number is UNKNOWN, never 0.',
})
export class Quantity {
  @Field(() => Float, { nullable: true, description: 'The best single value, when the source gives one.' })
  value!: number | null;

  @Field(() => Float, { nullable: true, description: 'Lower bound; null when open.' })
  min!: number | null;

  @Field(() => Float, { nullable: true, description: 'Upper bound; null when open.' })
  max!: number | null;

  @Field(() => Boolean, { description: 'True when the lower bound itself is excluded ("more than 500").' })
  minExclusive!: boolean;

  @Field(() => Boolean, { description: 'True when the upper bound itself is excluded ("fewer than 100").' })
  maxExclusive!: boolean;

  @Field(() => QuantityQualifier, { description: 'How the source states the amount.' })
  qualifier!: keyof typeof QuantityQualifier;

  @Field(() => String, { nullable: true, description: 'The original wording ("just over 500").' })
  text!: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'For counts: the smallest whole number the statement allows (501 for "just over 500"); null when open or unknown.',
  })
  low!: number | null;

  @Field(() => Int, { nullable: true, description: 'For counts: the largest whole number the statement allows; null when open or unknown.' })
  high!: number | null;

  @Field(() => String, {
    description:
      'The amount as a person reads it: the source\'s words when it gave them ("just over 500"), else told from the whole statement: "143", "about 1,000", "more than 27,000", "100-200", "number not given".',
  })
  get label(): string {
    return describeQuantity(this);
  }

  /** Reads a quantity's stored properties (STORED_QUANTITY); null when none is stored. */
  static fromProps<T extends Quantity>(props: Row, prefix: string, target: T = new Quantity() as T): T | null {
    const names = storedNames(STORED_QUANTITY, prefix);
    if (!props[names[STORED_QUANTITY.marker]]) return null;
    for (const [part, name] of Object.entries(names) as Array<[StoredQuantityPart, string]>) {
      const value = props[name];
      Object.assign(target, { [part]: STORED_QUANTITY.parts[part].type === 'boolean' ? Boolean(value) : (value ?? null) });
    }
    return target;
  }
}

@ObjectType({ description: 'A sum of money as a source states it, with its ISO 4217 currency.' })
export class Money extends Quantity {
  @Field(() => String, { description: 'ISO 4217 currency code, e.g. USD.' })
  currency!: string;

  static fromMoneyProps(props: Row, prefix: string): Money | null {
    const money = Quantity.fromProps(props, prefix, new Money());
    if (money) money.currency = props[`${prefix}Currency`] as string;
    return money;
  }
}
