import { Field, ID, InputType } from 'type-graphql';
import { AcquisitionStatus } from '../common/enums';
import { FactInput, FuzzyDateInput, MoneyInput } from '../common/fact.input';

@InputType({ description: 'An acquisition of one organization by another.' })
export class AcquisitionInput extends FactInput {
  @Field(() => ID, { description: 'Id of the buyer.' })
  acquirer!: string;

  @Field(() => ID, { description: 'Id of the organization bought.' })
  target!: string;

  @Field(() => AcquisitionStatus, { description: 'Announced, completed or terminated.' })
  status!: string;

  @Field(() => FuzzyDateInput, { nullable: true, description: 'When it was announced.' })
  announced?: FuzzyDateInput;

  @Field(() => FuzzyDateInput, { nullable: true, description: 'When it closed.' })
  completed?: FuzzyDateInput;

  @Field(() => MoneyInput, { nullable: true, description: 'The price.' })
  price?: MoneyInput;

  @Field(() => String, { nullable: true, description: 'What was bought and why.' })
  description?: string;
}
