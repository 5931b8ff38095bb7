import { Field, Float, ObjectType } from 'type-graphql';
import { MatchReasonKind } from '../common/enums';
import { Organization } from '../organization/organization.type';

@ObjectType({ description: 'One piece of evidence that a candidate is the entity a name means, and what it weighs.' })
export class MatchReason {
  @Field(() => MatchReasonKind, { description: 'What kind of evidence.' })
  kind!: keyof typeof MatchReasonKind;

  @Field(() => String, { description: 'The evidence itself, e.g. the identifier or the keys compared.' })
  detail!: string;

  @Field(() => Float, { description: 'What it adds to (or, when negative, takes from) the score.' })
  weight!: number;
}

@ObjectType({ description: 'An organization a name may mean, with a score from 0 to 1 and the reasons for it.' })
export class ResolutionCandidate {
  @Field(() => Organization, { description: 'The candidate.' })
  organization!: Organization;

  @Field(() => Float, { description: 'How likely the name means it, from 0 to 1: the strongest name or identifier evidence, adjusted by place and status.' })
  score!: number;

  @Field(() => [MatchReason], { description: 'The evidence, strongest first.' })
  reasons!: MatchReason[];
}
