import { toNeo4jDate } from '../../graph/values';
import { InForceArgs, inForceParams } from '../common/in-force.args';
import { ConnectionResult, ordering, paginate } from '../common/connection';
import type { Context } from '../context';
import { MarketsArgs } from './market.args';
import { Market, MarketMetric, MarketPresence } from './market.type';

const toMarket = (row: Record<string, unknown>) => Market.fromRow(row.node as Record<string, unknown>);

export function listMarkets(ctx: Context, args: MarketsArgs): Promise<ConnectionResult<Market>> {
  const f = args.filter ?? {};
  return paginate(
    ctx.graph,
    'market/list',
    { kind: f.kind ?? null, within: f.within ?? null, nameContains: f.nameContains?.trim() ? f.nameContains.trim().toLowerCase() : null },
    args,
    ordering('NAME', args.direction, 'string'),
    Market.fromRow,
  );
}

export const parentMarketOf = (ctx: Context, market: Market) => ctx.loaders.one('market/parent', market.id, toMarket);
export const childMarketsOf = (ctx: Context, market: Market) => ctx.loaders.many('market/children', market.id, toMarket);
export const marketsOfMetric = (ctx: Context, metric: MarketMetric) => ctx.loaders.many('market/of-metrics', metric.id, toMarket);

export function presencesIn(ctx: Context, market: Market, inForce?: InForceArgs): Promise<MarketPresence[]> {
  const { asOf, certain } = inForceParams(inForce);
  return ctx.loaders.many('market/presences-in-markets', market.id, (row) => MarketPresence.fromRow(row.node as Record<string, unknown>), {
    asOf: toNeo4jDate(asOf),
    certain,
  });
}

export function metricsOf(ctx: Context, market: Market): Promise<MarketMetric[]> {
  return ctx.loaders.many('market/metrics', market.id, (row) => MarketMetric.fromRow(row.node as Record<string, unknown>));
}
