import { Field, ObjectType } from 'type-graphql';
import type { Row } from '../../graph/graph-client';
import { AcquisitionStatus } from '../common/enums';
import { FuzzyDate } from '../common/fuzzy-date.type';
import { Node, Typed } from '../common/node.interface';
import { Money } from '../common/quantity.type';

@ObjectType({
  implements: Node,
  description: 'One organization acquiring another: when it was announced and completed, at what price. Where sources disagree, see claims.',
})
export class Acquisition extends Node implements Typed {
  readonly __typename = 'Acquisition';

  @Field(() => AcquisitionStatus, { description: 'Announced, completed or terminated.' })
  status!: keyof typeof AcquisitionStatus;

  @Field(() => FuzzyDate, { nullable: true, description: 'When the deal was announced.' })
  announced!: FuzzyDate | null;

  @Field(() => FuzzyDate, { nullable: true, description: 'When the deal closed (the preferred statement where sources disagree).' })
  completed!: FuzzyDate | null;

  @Field(() => Money, { nullable: true, description: 'The price (the preferred statement where sources disagree).' })
  price!: Money | null;

  @Field(() => String, { nullable: true, description: 'What was bought and why, in brief.' })
  description!: string | null;

  acquirerId!: string;
  targetId!: string;

  static fromRow(p: Row): Acquisition {
    return Object.assign(new Acquisition(), {
      id: p.id as string,
      status: p.status as Acquisition['status'],
      announced: FuzzyDate.fromProps(p, 'announced'),
      completed: FuzzyDate.fromProps(p, 'completed'),
      price: Money.fromMoneyProps(p, 'price'),
      description: (p.description as string) ?? null,
      acquirerId: p.acquirerId as string,
      targetId: p.targetId as string,
    });
  }
}
