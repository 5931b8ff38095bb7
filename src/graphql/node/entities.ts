import type { Row } from '../../graph/graph-client';
import { Acquisition } from '../acquisition/acquisition.type';
import { Claim } from '../claim/claim.type';
import { LayoffEvent } from '../layoff/layoff.type';
import { Market, MarketMetric, MarketPresence } from '../market/market.type';
import { Organization, Redirection } from '../organization/organization.type';
import { Person, Role } from '../person/person.type';
import { Source } from '../source/source.type';
import type { Context } from '../context';

/** Maps a stored node's label to its GraphQL object: the one registry of entity types. */
export const ENTITY_MAPPERS: Record<string, (row: Row) => { id: string; __typename: string }> = {
  Organization: Organization.fromRow,
  Person: Person.fromRow,
  Role: Role.fromRow,
  Market: Market.fromRow,
  MarketPresence: MarketPresence.fromRow,
  MarketMetric: MarketMetric.fromRow,
  Acquisition: Acquisition.fromRow,
  LayoffEvent: LayoffEvent.fromRow,
  Source: Source.fromRow,
  Claim: Claim.fromRow,
};

export function entityFromRow(row: Row): { id: string; __typename: string } | null {
  const map = ENTITY_MAPPERS[row.label as string];
  if (!map) return null;
  const entity = map(row.node as Row);
  // Reached through an id that now answers for it (node/by-ids follows redirects): say so.
  if (row.redirect && entity instanceof Organization) entity.redirectedFrom = Redirection.fromRow(row.redirect as Row);
  return entity;
}

/** Makes an entity a query returned inline (a role's person, a presence's market) known to entityById, so it is not fetched again. */
export function primeEntity(ctx: Context, label: string, node: Row | null | undefined, redirect: Row | null = null, askedId?: string): void {
  if (node && typeof node.id === 'string') ctx.loaders.prime(ENTITY_BY_ID, askedId ?? node.id, [{ label, node, redirect }]);
}

/** Makes an id known to have no entity, after a lookahead query found none. */
export function primeMissingEntity(ctx: Context, id: string): void {
  ctx.loaders.prime(ENTITY_BY_ID, id, []);
}

const ENTITY_BY_ID = { query: 'node/by-ids', map: entityFromRow };

/** Any entity by id, batched; null when no entity has that id or it is not of the wanted type. */
export async function entityById<T>(ctx: Context, id: string, typename?: string): Promise<T | null> {
  const [entity] = await ctx.loaders.relation(ENTITY_BY_ID, id);
  if (!entity || (typename && entity.__typename !== typename)) return null;
  return entity as T;
}
