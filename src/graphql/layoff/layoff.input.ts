import { Field, Float, ID, InputType } from 'type-graphql';
import { AnnouncementChannel } from '../common/enums';
import { FactInput, FuzzyDateInput, QuantityInput } from '../common/fact.input';

@InputType({ description: 'A market a layoff affects.' })
export class AffectedMarketInput {
  @Field(() => ID, { description: 'Id of the market.' })
  market!: string;

  @Field(() => FuzzyDateInput, { nullable: true, description: 'When workers there were told.' })
  notified?: FuzzyDateInput;

  @Field(() => String, { nullable: true, description: 'How the source describes it.' })
  note?: string;
}

@InputType({ description: 'A round of job cuts.' })
export class LayoffEventInput extends FactInput {
  @Field(() => [ID], { nullable: true, description: 'Ids of the organizations the source names; may be left out when employerName is given.' })
  organizations?: string[];

  @Field(() => String, { nullable: true, description: "The employer exactly as the source names it (a WARN notice's filer), resolved or not." })
  employerName?: string;

  @Field(() => FuzzyDateInput, { nullable: true, description: "When the cuts take effect (a WARN notice's effective date)." })
  effective?: FuzzyDateInput;

  @Field(() => Boolean, { nullable: true, description: 'The layoff is stated to be temporary.' })
  temporary?: boolean;

  @Field(() => Boolean, { nullable: true, description: 'The site closes.' })
  closure?: boolean;

  @Field(() => ID, { nullable: true, description: 'Id of the notice this one amends: the amendment supersedes it, and roll-ups count only the amendment.' })
  amends?: string;

  @Field(() => FuzzyDateInput, { description: 'When the cuts were announced.' })
  announced!: FuzzyDateInput;

  @Field(() => QuantityInput, { nullable: true, description: 'How many jobs, as stated; omit when no number is given (stored as UNKNOWN).' })
  headcount?: QuantityInput;

  @Field(() => Float, { nullable: true, description: 'Share of the workforce, from 0 to 1 (0.35 for 35%).' })
  shareOfWorkforce?: number;

  @Field(() => ID, { nullable: true, description: 'Id of the person who announced it.' })
  announcedBy?: string;

  @Field(() => [AnnouncementChannel], { nullable: true, description: 'How it was announced.' })
  channels?: string[];

  @Field(() => [AffectedMarketInput], { nullable: true, description: 'Regions affected.' })
  regions?: AffectedMarketInput[];

  @Field(() => String, { nullable: true, description: 'What was cut and why.' })
  description?: string;
}
