import { Field, InputType } from 'type-graphql';
import { FactInput } from '../common/fact.input';

@InputType({ description: 'A person.' })
export class PersonInput extends FactInput {
  @Field(() => String, { description: 'Full name.' })
  name!: string;

  @Field(() => [String], { nullable: true, description: 'Other names.' })
  aliases?: string[];

  @Field(() => String, { nullable: true, description: 'Who the person is.' })
  description?: string;
}
