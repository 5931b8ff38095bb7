import { Field, ObjectType } from 'type-graphql';
import type { Row } from '../../graph/graph-client';
import { ClaimRank } from '../common/enums';
import { FuzzyDate } from '../common/fuzzy-date.type';
import { Node, Typed } from '../common/node.interface';
import { Quantity } from '../common/quantity.type';

@ObjectType({
  implements: Node,
  description:
    "One source's statement of a property of a fact, kept where sources differ (as in Wikidata): each claim has its sources, " +
    'and one claim per property is PREFERRED, the value the fact itself shows.',
})
export class Claim extends Node implements Typed {
  readonly __typename = 'Claim';

  @Field(() => String, { description: 'The property the claim is about, e.g. completed or price.' })
  property!: string;

  @Field(() => ClaimRank, {
    description: "PREFERRED for the statement corpgraph uses, NORMAL for another source's version, DEPRECATED for one known to be wrong.",
  })
  rank!: keyof typeof ClaimRank;

  @Field(() => FuzzyDate, { nullable: true, description: 'The value, when it is a date.' })
  date!: FuzzyDate | null;

  @Field(() => Quantity, { nullable: true, description: 'The value, when it is an amount.' })
  quantity!: Quantity | null;

  @Field(() => String, { nullable: true, description: 'The value, when it is text.' })
  text!: string | null;

  @Field(() => String, { nullable: true, description: 'Why the claim differs or how it was read.' })
  note!: string | null;

  static fromRow(p: Row): Claim {
    return Object.assign(new Claim(), {
      id: p.id as string,
      property: p.property as string,
      rank: p.rank as Claim['rank'],
      date: FuzzyDate.fromProps(p, 'date'),
      quantity: Quantity.fromProps(p, 'quantity'),
      text: (p.textValue as string) ?? null,
      note: (p.note as string) ?? null,
    });
  }
}
