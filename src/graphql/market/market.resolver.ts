import { Arg, Args, Ctx, FieldResolver, ID, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Connection, ConnectionResult } from '../common/connection';
import { InForceArgs } from '../common/in-force.args';
import { CitedResolver } from '../common/sources.resolver';
import type { Context } from '../context';
import { entityById } from '../node/entities';
import { Organization } from '../organization/organization.type';
import { MarketsArgs } from './market.args';
import { childMarketsOf, listMarkets, marketsOfMetric, metricsOf, parentMarketOf, presencesIn } from './market.service';
import { Market, MarketMetric, MarketPresence } from './market.type';

@ObjectType({ description: 'A page of markets.' })
export class MarketConnection extends Connection(Market, 'Market', 'markets') {}

@Resolver(() => Market)
export class MarketResolver extends CitedResolver(Market, 'market') {
  @Query(() => Market, { nullable: true, description: 'One market by id; null when unknown.' })
  market(@Arg('id', () => ID, { description: 'Its id (a lower-case slug such as "twitch").' }) id: string, @Ctx() ctx: Context): Promise<Market | null> {
    return entityById<Market>(ctx, id, 'Market');
  }

  @Query(() => MarketConnection, { description: 'Markets (regions, countries, cities, segments), filtered, by name, a page at a time.' })
  markets(@Args(() => MarketsArgs) args: MarketsArgs, @Ctx() ctx: Context): Promise<ConnectionResult<Market>> {
    return listMarkets(ctx, args);
  }

  @FieldResolver(() => Market, { nullable: true, description: "The market it lies within (a city's country, a country's region)." })
  within(@Root() market: Market, @Ctx() ctx: Context): Promise<Market | null> {
    return parentMarketOf(ctx, market);
  }

  @FieldResolver(() => [Market], { description: 'Markets directly within it.' })
  contains(@Root() market: Market, @Ctx() ctx: Context): Promise<Market[]> {
    return childMarketsOf(ctx, market);
  }

  @FieldResolver(() => [MarketPresence], {
    description: 'Organizations present in it or in a market within it, with their entries and exits; with asOf, those present on that day.',
  })
  presences(@Root() market: Market, @Ctx() ctx: Context, @Args(() => InForceArgs) inForce: InForceArgs): Promise<MarketPresence[]> {
    return presencesIn(ctx, market, inForce);
  }

  @FieldResolver(() => [MarketMetric], { description: 'Figures about this market, by period.' })
  metrics(@Root() market: Market, @Ctx() ctx: Context): Promise<MarketMetric[]> {
    return metricsOf(ctx, market);
  }
}

@Resolver(() => MarketPresence)
export class MarketPresenceResolver extends CitedResolver(MarketPresence, 'presence') {
  @FieldResolver(() => Organization, { description: 'The organization present in the market.' })
  async organization(@Root() presence: MarketPresence, @Ctx() ctx: Context): Promise<Organization> {
    return (await entityById<Organization>(ctx, presence.organizationId, 'Organization'))!;
  }

  @FieldResolver(() => Market, { description: 'The market.' })
  async market(@Root() presence: MarketPresence, @Ctx() ctx: Context): Promise<Market> {
    return (await entityById<Market>(ctx, presence.marketId, 'Market'))!;
  }
}

@Resolver(() => MarketMetric)
export class MarketMetricResolver extends CitedResolver(MarketMetric, 'figure') {
  @FieldResolver(() => [Market], { description: 'The markets the figure is about (e.g. a country and a segment).' })
  markets(@Root() metric: MarketMetric, @Ctx() ctx: Context): Promise<Market[]> {
    return marketsOfMetric(ctx, metric);
  }
}
