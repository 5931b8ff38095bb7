import { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Connection, ConnectionResult } from '../common/connection';
import { layoffPageProps } from '../lookahead';
import { CitedResolver } from '../common/sources.resolver';
import type { Context } from '../context';
import { Market } from '../market/market.type';
import { entityById } from '../node/entities';
import { Organization } from '../organization/organization.type';
import { Person } from '../person/person.type';
import { LayoffEventsArgs } from './layoff.args';
import { affectedMarketsOf, announcerOf, listLayoffs, organizationsOf, supersedingOf } from './layoff.service';
import { AffectedMarket, LayoffEvent } from './layoff.type';

@ObjectType({ description: 'A page of layoff events.' })
export class LayoffEventConnection extends Connection(LayoffEvent, 'LayoffEvent', 'layoff events') {}

@Resolver(() => LayoffEvent)
export class LayoffEventResolver extends CitedResolver(LayoffEvent, 'layoff event') {
  @Query(() => LayoffEvent, { nullable: true, description: 'One layoff event by id; null when unknown.' })
  layoffEvent(
    @Arg('id', () => ID, { description: 'Its id (a lower-case slug such as "twitch").' }) id: string,
    @Ctx() ctx: Context,
  ): Promise<LayoffEvent | null> {
    return entityById<LayoffEvent>(ctx, id, 'LayoffEvent');
  }

  @Query(() => LayoffEventConnection, {
    description: 'Layoff events, by organization (optionally with its subsidiaries), announcement window and market, ordered by date or headcount.',
  })
  layoffEvents(
    @Args(() => LayoffEventsArgs) args: LayoffEventsArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionResult<LayoffEvent>> {
    return listLayoffs(ctx, args, layoffPageProps(ctx, info));
  }

  @FieldResolver(() => [Organization], { description: 'The organizations the sources name as cutting jobs.' })
  organizations(@Root() event: LayoffEvent, @Ctx() ctx: Context): Promise<Organization[]> {
    return organizationsOf(ctx, event);
  }

  @FieldResolver(() => LayoffEvent, {
    nullable: true,
    description: 'The notice that amends and supersedes this one (the latest amendment), if any: roll-ups count that one instead of this.',
  })
  supersededBy(@Root() event: LayoffEvent, @Ctx() ctx: Context): Promise<LayoffEvent | null> {
    return supersedingOf(ctx, event);
  }

  @FieldResolver(() => Person, { nullable: true, description: 'Who announced the cuts.' })
  announcedBy(@Root() event: LayoffEvent, @Ctx() ctx: Context): Promise<Person | null> {
    return announcerOf(ctx, event);
  }

  @FieldResolver(() => [AffectedMarket], { description: 'Regions affected, with when workers there were told.' })
  affectedMarkets(@Root() event: LayoffEvent, @Ctx() ctx: Context): Promise<AffectedMarket[]> {
    return affectedMarketsOf(ctx, event);
  }
}

@Resolver(() => AffectedMarket)
export class AffectedMarketResolver {
  @FieldResolver(() => Market, { description: 'The market (usually a region).' })
  async market(@Root() affected: AffectedMarket, @Ctx() ctx: Context): Promise<Market> {
    return (await entityById<Market>(ctx, affected.marketId, 'Market'))!;
  }
}
