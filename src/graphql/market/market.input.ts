import { Field, ID, InputType } from 'type-graphql';
import { MarketKind } from '../common/enums';
import { FactInput } from '../common/fact.input';

@InputType({ description: 'A market: region, country, city or segment.' })
export class MarketInput extends FactInput {
  @Field(() => String, { description: 'Name.' })
  name!: string;

  @Field(() => [String], { nullable: true, description: 'Other names.' })
  aliases?: string[];

  @Field(() => MarketKind, { description: 'Region, country, city or segment.' })
  kind!: string;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 code, for countries.' })
  isoCode?: string;

  @Field(() => ID, { nullable: true, description: 'Id of the market it lies within.' })
  within?: string;

  @Field(() => String, { nullable: true, description: 'What it covers.' })
  description?: string;
}
