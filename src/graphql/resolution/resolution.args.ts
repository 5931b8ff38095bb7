import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { PageArgs } from '../common/connection';
import { DecisionKind, DecisionStatus } from '../common/enums';

@InputType({ description: 'Which decisions: all given conditions hold.' })
export class DecisionFilter {
  @Field(() => DecisionStatus, { nullable: true, description: 'PENDING for the review queue.' })
  status?: keyof typeof DecisionStatus | null;

  @Field(() => DecisionKind, { nullable: true, description: 'Only decisions of this kind.' })
  kind?: keyof typeof DecisionKind | null;

  @Field(() => ID, { nullable: true, description: 'Only decisions about this entity (as subject or candidate).' })
  entity?: string | null;

  @Field(() => String, { nullable: true, description: 'Only decisions taken by this decider, e.g. "rule:auto-v1" or "key:alice".' })
  decidedBy?: string | null;
}

@ArgsType()
export class DecisionsArgs extends PageArgs {
  @Field(() => DecisionFilter, { nullable: true, description: 'Which decisions.' })
  filter?: DecisionFilter | null;
}
