import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { PageArgs } from '../common/connection';
import { RoleType, SortDirection } from '../common/enums';

@InputType({ description: 'Narrows a list of people; all given conditions must hold.' })
export class PersonFilter {
  @Field(() => String, { nullable: true, description: 'Name or an alias contains this text (ignoring case).' })
  nameContains?: string | null;

  @Field(() => ID, { nullable: true, description: 'Holds or held a role at this organization.' })
  organization?: string | null;

  @Field(() => RoleType, { nullable: true, description: 'Holds or held a role of this type.' })
  roleType?: keyof typeof RoleType | null;
}

@ArgsType()
export class PeopleArgs extends PageArgs {
  @Field(() => PersonFilter, { nullable: true, description: 'Conditions every item must meet; all items when omitted.' })
  filter?: PersonFilter | null;

  @Field(() => SortDirection, { defaultValue: 'ASC', description: 'People are ordered by name.' })
  direction: keyof typeof SortDirection = 'ASC';
}
