import { Field, ID, InputType } from 'type-graphql';
import { ClaimRank } from '../common/enums';
import { FactInput, FuzzyDateInput, QuantityInput } from '../common/fact.input';

@InputType({ description: "One source's statement of a property of a fact, kept beside others that differ." })
export class ClaimInput extends FactInput {
  @Field(() => ID, { description: 'Id of the fact the claim is about.' })
  subject!: string;

  @Field(() => String, { description: 'The property, e.g. completed or price.' })
  property!: string;

  @Field(() => ClaimRank, { nullable: true, description: 'Default NORMAL.' })
  rank?: string;

  @Field(() => FuzzyDateInput, { nullable: true, description: 'The value, when a date.' })
  date?: FuzzyDateInput;

  @Field(() => QuantityInput, { nullable: true, description: 'The value, when an amount.' })
  quantity?: QuantityInput;

  @Field(() => String, { nullable: true, description: 'The value, when text.' })
  text?: string;

  @Field(() => String, { nullable: true, description: 'Why it differs or how it was read.' })
  note?: string;
}
