import { projected } from '../lookahead/stored-fields';
import { ConnectionResult, ordering, paginate } from '../common/connection';
import { dateRangeParams } from '../common/date-range.input';
import type { Context } from '../context';
import { Organization } from '../organization/organization.type';
import { Person } from '../person/person.type';
import { LayoffEventsArgs, LayoffOrderField } from './layoff.args';
import { AffectedMarket, LayoffEvent } from './layoff.type';

export function listLayoffs(ctx: Context, args: LayoffEventsArgs, nodeProps: string[] | null = null): Promise<ConnectionResult<LayoffEvent>> {
  const f = args.filter ?? { includeSubsidiaries: false };
  const order = args.orderBy ?? { field: LayoffOrderField.ANNOUNCED, direction: 'ASC' as const };
  return paginate(
    ctx.graph,
    'layoff/list',
    {
      organization: f.organization ?? null,
      includeSubsidiaries: Boolean(f.includeSubsidiaries),
      market: f.market ?? null,
      employerNameContains: f.employerNameContains?.trim() ? f.employerNameContains.trim().toLowerCase() : null,
      sourceKinds: f.sourceKinds?.length ? f.sourceKinds : null,
      ...dateRangeParams(f.announced, 'filter.announced'),
      nodeProps,
    },
    args,
    ordering(order.field, order.direction, order.field === LayoffOrderField.HEADCOUNT ? 'number' : 'date'),
    (node) => LayoffEvent.fromRow(projected(node, nodeProps)),
    {
      maxDepth: ctx.limits.maxDepth,
      organization: f.organization != null,
      market: f.market != null,
      byHeadcount: order.field === LayoffOrderField.HEADCOUNT,
    },
  );
}

/** The notice that supersedes an event (the latest amendment of it); null when none does. */
export async function supersedingOf(ctx: Context, event: LayoffEvent): Promise<LayoffEvent | null> {
  return (await ctx.loaders.many('layoff/amendments', event.id, (row) => LayoffEvent.fromRow(row.node as Record<string, unknown>)))[0] ?? null;
}

export function organizationsOf(ctx: Context, event: LayoffEvent): Promise<Organization[]> {
  return ctx.loaders.many('layoff/organizations', event.id, (row) => Organization.fromRow(row.node as Record<string, unknown>));
}

export function announcerOf(ctx: Context, event: LayoffEvent): Promise<Person | null> {
  return ctx.loaders.one('layoff/announcer', event.id, (row) => Person.fromRow(row.node as Record<string, unknown>));
}

export function affectedMarketsOf(ctx: Context, event: LayoffEvent): Promise<AffectedMarket[]> {
  return ctx.loaders.many('layoff/affected-markets', event.id, AffectedMarket.fromRow);
}
