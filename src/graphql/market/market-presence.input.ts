import { Field, ID, InputType } from 'type-graphql';
import { PresenceStatus } from '../common/enums';
import { FactInput, FuzzyDateInput } from '../common/fact.input';

@InputType({ description: "An organization's presence in a market: entry, announced exit, exit." })
export class MarketPresenceInput extends FactInput {
  @Field(() => ID, { description: 'Id of the organization.' })
  organization!: string;

  @Field(() => ID, { description: 'Id of the market.' })
  market!: string;

  @Field(() => PresenceStatus, { description: 'Entering, active, exiting or exited.' })
  status!: string;

  @Field(() => FuzzyDateInput, { nullable: true, description: 'When it entered.' })
  since?: FuzzyDateInput;

  @Field(() => FuzzyDateInput, { nullable: true, description: 'When it left.' })
  until?: FuzzyDateInput;

  @Field(() => FuzzyDateInput, { nullable: true, description: 'When it announced leaving.' })
  exitAnnounced?: FuzzyDateInput;

  @Field(() => String, { nullable: true, description: 'Why it entered.' })
  entryReason?: string;

  @Field(() => String, { nullable: true, description: 'Why it left.' })
  exitReason?: string;
}
