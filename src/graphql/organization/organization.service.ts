import { toNeo4jDate } from '../../graph/values';
import { Acquisition } from '../acquisition/acquisition.type';
import { ConnectionResult, ordering, paginate } from '../common/connection';
import type { Context } from '../context';
import { LayoffEvent } from '../layoff/layoff.type';
import { Market, MarketPresence } from '../market/market.type';
import { entityById } from '../node/entities';
import { Role } from '../person/person.type';
import { CompaniesArgs } from './organization.args';
import { Organization } from './organization.type';

export async function findOrganization(ctx: Context, id?: string | null, name?: string | null): Promise<Organization | null> {
  if (id) {
    const byId = await entityById<Organization>(ctx, id, 'Organization');
    if (!byId || !name) return byId;
    const wanted = name.trim().toLowerCase();
    return byId.name.toLowerCase() === wanted || byId.aliases.some((a) => a.toLowerCase() === wanted) ? byId : null;
  }
  if (name && name.trim()) {
    const [row] = await ctx.graph.read('organization/by-name', { name: name.trim().toLowerCase() });
    return row ? Organization.fromRow(row.node as Record<string, unknown>) : null;
  }
  return null;
}

export function listOrganizations(ctx: Context, args: CompaniesArgs): Promise<ConnectionResult<Organization>> {
  const f = args.filter ?? {};
  const order = args.orderBy ?? { field: 'NAME', direction: 'ASC' as const };
  return paginate(
    ctx.graph,
    'organization/list',
    {
      kind: f.kind ?? null,
      nameContains: f.nameContains?.trim() ? f.nameContains.trim().toLowerCase() : null,
      market: f.market ?? null,
      ids: f.ids ?? null,
    },
    args,
    ordering(order.field, order.direction, 'string'),
    Organization.fromRow,
  );
}

export function headquartersOf(ctx: Context, org: Organization): Promise<Market | null> {
  return ctx.loaders.one('organization/headquarters', org.id, (row) => Market.fromRow(row.node as Record<string, unknown>));
}

export function rolesAt(
  ctx: Context,
  org: Organization,
  options: { roleTypes?: string[] | null; asOf?: string | null; certain: boolean },
): Promise<Role[]> {
  return ctx.loaders.many('organization/roles', org.id, (row) => Role.fromRow(row.node as Record<string, unknown>), {
    roleTypes: options.roleTypes ?? null,
    asOf: toNeo4jDate(options.asOf),
    certain: options.certain,
  });
}

export function presencesOf(ctx: Context, org: Organization): Promise<MarketPresence[]> {
  return ctx.loaders.many('market/presences-of-organizations', org.id, (row) => MarketPresence.fromRow(row.node as Record<string, unknown>));
}

export function acquisitionsOf(ctx: Context, org: Organization, side: 'ACQUIRER' | 'TARGET'): Promise<Acquisition[]> {
  return ctx.loaders.many('acquisition/of-organizations', org.id, (row) => Acquisition.fromRow(row.node as Record<string, unknown>), { side });
}

export function layoffsOf(ctx: Context, org: Organization, includeSubsidiaries: boolean): Promise<LayoffEvent[]> {
  const query = includeSubsidiaries ? 'layoff/of-families' : 'layoff/of-organizations';
  return ctx.loaders.many(query, org.id, (row) => LayoffEvent.fromRow(row.node as Record<string, unknown>));
}
