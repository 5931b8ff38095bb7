import { ArgsType, Field, Float, ID, InputType } from 'type-graphql';
import { PageArgs } from '../common/connection';
import { DecisionKind, DecisionStatus, MatchReasonKind } from '../common/enums';

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

@InputType({ description: 'Which part of the review queue: all given conditions hold.' })
export class ReviewFilter {
  @Field(() => DecisionKind, { nullable: true, description: 'Only decisions of this kind (e.g. ESTABLISHMENT_OF).' })
  kind?: keyof typeof DecisionKind | null;

  @Field(() => Float, { nullable: true, description: 'Only decisions scored at least this (0 to 1).' })
  minScore?: number | null;

  @Field(() => Float, { nullable: true, description: 'Only decisions scored at most this (0 to 1).' })
  maxScore?: number | null;

  @Field(() => MatchReasonKind, { nullable: true, description: 'Only decisions resting on this kind of evidence (e.g. SITE_OF).' })
  reason?: keyof typeof MatchReasonKind | null;

  @Field(() => String, { nullable: true, description: 'Only names whose notices were filed here: an ISO 3166 code or prefix ("US", "US-CA").' })
  region?: string | null;
}

@ArgsType()
export class ReviewQueueArgs {
  @Field(() => ReviewFilter, { nullable: true, description: 'Which part of the queue.' })
  filter?: ReviewFilter | null;
}
