import { Field, ID, InputType } from 'type-graphql';
import { MetricBasis } from '../common/enums';
import { FactInput, FuzzyDateInput, QuantityInput } from '../common/fact.input';

@InputType({ description: 'A figure about markets for a period.' })
export class MarketMetricInput extends FactInput {
  @Field(() => String, { description: 'What is measured.' })
  name!: string;

  @Field(() => [ID], { description: 'Ids of the markets it is about.' })
  markets!: string[];

  @Field(() => FuzzyDateInput, { description: 'The period.' })
  period!: FuzzyDateInput;

  @Field(() => QuantityInput, { nullable: true, description: 'The figure.' })
  value?: QuantityInput;

  @Field(() => String, { nullable: true, description: 'Unit.' })
  unit?: string;

  @Field(() => MetricBasis, { description: 'ACTUAL or FORECAST.' })
  basis!: string;

  @Field(() => String, { nullable: true, description: 'What the source adds.' })
  note?: string;
}
