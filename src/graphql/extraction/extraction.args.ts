import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { PageArgs } from '../common/connection';
import { ExtractedFactType, ProposalStatus } from '../common/enums';

@InputType({ description: 'Which extracted facts: all given conditions hold.' })
export class ExtractedFactFilter {
  @Field(() => ProposalStatus, { nullable: true, description: 'PENDING for the review queue.' })
  status?: string | null;

  @Field(() => ExtractedFactType, { nullable: true, description: 'Only facts of this kind.' })
  factType?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only the facts of this article (its extraction id).' })
  extraction?: string | null;
}

@ArgsType()
export class ExtractedFactsArgs extends PageArgs {
  @Field(() => ExtractedFactFilter, { nullable: true, description: 'Which extracted facts.' })
  filter?: ExtractedFactFilter | null;
}
