import { InForceArgs, inForceParams } from '../common/in-force.args';
import type { Row } from '../../graph/graph-client';
import { toNeo4jDate } from '../../graph/values';
import type { RelationSpec } from '../common/loaders';
import { Acquisition } from '../acquisition/acquisition.type';
import { ConnectionResult, ordering, paginate } from '../common/connection';
import type { Context } from '../context';
import { LayoffEvent } from '../layoff/layoff.type';
import { Market, MarketPresence } from '../market/market.type';
import { entityById, primeEntity } from '../node/entities';
import { Role } from '../person/person.type';
import { CompaniesArgs } from './organization.args';
import { Identifier, Organization, Redirection } from './organization.type';
import { BadUserInputError } from '../../errors/errors';
import { identifierKey, readIdentifier } from '../../ingest/identifiers';
import type { IdentifierInput } from '../common/fact.input';

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
      country: f.country?.trim().toUpperCase() || null,
      category: f.category ?? null,
      status: f.status ?? null,
    },
    args,
    ordering(order.field, order.direction, 'string'),
    Organization.fromRow,
  );
}

/** The organization an external identifier names (following a redirect, e.g. a merged LEI); null when none. */
export async function findByIdentifier(ctx: Context, input: IdentifierInput): Promise<Organization | null> {
  const identifier = readIdentifier(input);
  if (typeof identifier === 'string') throw new BadUserInputError(`identifier: ${identifier}`, 'identifier');
  const [row] = await ctx.graph.read('organization/by-identifier', { key: identifierKey(identifier.scheme, identifier.value) });
  if (!row) return null;
  const org = Organization.fromRow(row.node as Row);
  org.redirectedFrom = Redirection.fromRow(row.redirect as Row | null);
  return org;
}

const IDENTIFIERS: RelationSpec<Identifier> = { query: 'organization/identifiers', map: Identifier.fromRow };
const LEGAL_ADDRESS: RelationSpec<Market> = { query: 'organization/legal-address', map: (row) => Market.fromRow(row.node as Row) };

export function identifiersOf(ctx: Context, org: Pick<Organization, 'id'>): Promise<Identifier[]> {
  return ctx.loaders.relation(IDENTIFIERS, org.id);
}

export async function legalAddressOf(ctx: Context, org: Pick<Organization, 'id'>): Promise<Market | null> {
  return (await ctx.loaders.relation(LEGAL_ADDRESS, org.id))[0] ?? null;
}

const HEADQUARTERS: RelationSpec<Market> = { query: 'organization/headquarters', map: (row) => Market.fromRow(row.node as Row) };
const LAYOFFS_AT: RelationSpec<LayoffEvent> = { query: 'layoff/of-organizations', map: (row) => LayoffEvent.fromRow(row.node as Row) };

/** Roles at organizations (rows carry their person, made known to entityById). */
export function rolesSpec(ctx: Context, options: { roleTypes?: string[] | null; asOf?: string | null; certain: boolean }): RelationSpec<Role> {
  return {
    query: 'organization/roles',
    params: { roleTypes: options.roleTypes ?? null, asOf: toNeo4jDate(options.asOf), certain: options.certain },
    map: (row) => {
      primeEntity(ctx, 'Person', row.person as Row);
      return Role.fromRow(row.node as Row);
    },
  };
}

/** Market presences of organizations, all or those in force on a day (rows carry their market, made known to entityById). */
export function presencesSpec(ctx: Context, inForce?: InForceArgs): RelationSpec<MarketPresence> {
  const { asOf, certain } = inForceParams(inForce);
  return {
    query: 'market/presences-of-organizations',
    params: { asOf: toNeo4jDate(asOf), certain },
    map: (row) => {
      primeEntity(ctx, 'Market', row.market as Row);
      return MarketPresence.fromRow(row.node as Row);
    },
  };
}

/** Layoffs at organizations, or with includeSubsidiaries in their families down to TRAVERSAL_MAX_DEPTH. */
export function layoffsSpec(ctx: Context, includeSubsidiaries: boolean): RelationSpec<LayoffEvent> {
  if (!includeSubsidiaries) return LAYOFFS_AT;
  return { query: 'layoff/of-families', bounds: { maxDepth: ctx.limits.maxDepth }, map: LAYOFFS_AT.map };
}

export function headquartersSpec(): RelationSpec<Market> {
  return HEADQUARTERS;
}

export async function headquartersOf(ctx: Context, org: Pick<Organization, 'id'>): Promise<Market | null> {
  return (await ctx.loaders.relation(HEADQUARTERS, org.id))[0] ?? null;
}

export function rolesAt(
  ctx: Context,
  org: Pick<Organization, 'id'>,
  options: { roleTypes?: string[] | null; asOf?: string | null; certain: boolean },
): Promise<Role[]> {
  return ctx.loaders.relation(rolesSpec(ctx, options), org.id);
}

export function presencesOf(ctx: Context, org: Pick<Organization, 'id'>, inForce?: InForceArgs): Promise<MarketPresence[]> {
  return ctx.loaders.relation(presencesSpec(ctx, inForce), org.id);
}

export function acquisitionsOf(ctx: Context, org: Organization, side: 'ACQUIRER' | 'TARGET'): Promise<Acquisition[]> {
  return ctx.loaders.many('acquisition/of-organizations', org.id, (row) => Acquisition.fromRow(row.node as Record<string, unknown>), { side });
}

export function layoffsOf(ctx: Context, org: Pick<Organization, 'id'>, includeSubsidiaries: boolean): Promise<LayoffEvent[]> {
  return ctx.loaders.relation(layoffsSpec(ctx, includeSubsidiaries), org.id);
}
