import { Field, ID, InputType } from 'type-graphql';
import { RoleType } from '../common/enums';
import { FactInput, FuzzyDateInput } from '../common/fact.input';

@InputType({ description: 'A role a person holds in an organization for a period.' })
export class RoleInput extends FactInput {
  @Field(() => ID, { description: 'Id of the person.' })
  person!: string;

  @Field(() => ID, { description: 'Id of the organization.' })
  organization!: string;

  @Field(() => String, { description: 'Title as the sources give it.' })
  title!: string;

  @Field(() => RoleType, { description: 'Kind of position.' })
  roleType!: string;

  @Field(() => FuzzyDateInput, { nullable: true, description: 'Since when.' })
  since?: FuzzyDateInput;

  @Field(() => FuzzyDateInput, { nullable: true, description: 'Until when.' })
  until?: FuzzyDateInput;
}
