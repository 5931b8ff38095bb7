import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { PageArgs } from '../common/connection';
import { MarketKind, SortDirection } from '../common/enums';

@InputType({ description: 'Narrows a list of markets; all given conditions must hold.' })
export class MarketFilter {
  @Field(() => MarketKind, { nullable: true, description: 'Only regions, countries, cities or segments.' })
  kind?: keyof typeof MarketKind | null;

  @Field(() => ID, { nullable: true, description: 'Only markets inside this one, at any depth (cities and countries of a region).' })
  within?: string | null;

  @Field(() => String, { nullable: true, description: 'Name contains this text (ignoring case).' })
  nameContains?: string | null;
}

@ArgsType()
export class MarketsArgs extends PageArgs {
  @Field(() => MarketFilter, { nullable: true, description: 'Conditions every item must meet; all items when omitted.' })
  filter?: MarketFilter | null;

  @Field(() => SortDirection, { defaultValue: 'ASC', description: 'Markets are ordered by name.' })
  direction: keyof typeof SortDirection = 'ASC';
}
