import { ArgsType, Field } from 'type-graphql';
import { PageArgs } from '../common/connection';
import { ChangeFilterInput } from './change.input';

@ArgsType()
export class ChangesArgs extends PageArgs {
  @Field(() => ChangeFilterInput, { nullable: true, description: 'Which changes.' })
  filter?: ChangeFilterInput | null;
}

@ArgsType()
export class ChangeSubscriptionArgs {
  @Field(() => String, {
    nullable: true,
    description: "Resume after this cursor (a change's cursor, or a page's endCursor): nothing missed, nothing twice. Omitted: from now on.",
  })
  after?: string | null;

  @Field(() => ChangeFilterInput, { nullable: true, description: 'Which changes.' })
  filter?: ChangeFilterInput | null;
}
