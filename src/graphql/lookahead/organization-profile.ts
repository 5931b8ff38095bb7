import type { GraphQLResolveInfo } from 'graphql';
import type { Row } from '../../graph/graph-client';
import { toNeo4jDate } from '../../graph/values';
import { Selection } from './selection';
import { CITATIONS } from '../common/sources.resolver';
import type { Context } from '../context';
import { AsOfArgs } from '../family/family.args';
import { leadershipFilter } from '../person/leadership';
import { primeEntity, primeMissingEntity } from '../node/entities';
import { headquartersSpec, layoffsSpec, presencesSpec, rolesSpec } from '../organization/organization.service';

/**
 * The lookahead of `company(id)`: when the request selects relations of the organization with their
 * default arguments (leaders, market presences, sources, headquarters, layoff events), one Cypher
 * query (organization/profile) reads the organization and all of them, and fills the loaders their
 * field resolvers use. The whole answer then costs one round trip instead of one per nesting level.
 * Returns false when nothing is worth fetching ahead (the plain lookup serves).
 */
export async function prefetchOrganization(ctx: Context, id: string, info: GraphQLResolveInfo): Promise<boolean> {
  if (!ctx.lookahead) return false;
  const selection = new Selection(info);
  const wanted = {
    withRoles: selection.hasPlain('leaders'),
    withPresences: selection.hasPlain('marketPresences'),
    withCitations: selection.hasPlain('sources'),
    withHeadquarters: selection.hasPlain('headquarters'),
    withLayoffs: selection.hasPlain('layoffEvents'),
  };
  if (!Object.values(wanted).some(Boolean)) return false;
  // The leaders field's own defaults, so that the loader filled here is the one its resolver reads.
  const defaults = new AsOfArgs();
  const leaders = leadershipFilter(defaults.asOf, defaults.match);
  const [row] = await ctx.graph.read('organization/profile', { id, ...wanted, ...leaders, asOf: toNeo4jDate(leaders.asOf) });
  if (!row) {
    primeMissingEntity(ctx, id);
    return true;
  }
  // The asked id may redirect (a merged entity): the answer is the target's, said to be reached so.
  const target = (row.node as Row).id as string;
  primeEntity(ctx, 'Organization', row.node as Row, row.redirect as Row | null, id);
  if (wanted.withRoles) ctx.loaders.prime(rolesSpec(ctx, leaders), target, row.roles as Row[]);
  if (wanted.withPresences) ctx.loaders.prime(presencesSpec(ctx), target, row.presences as Row[]);
  if (wanted.withCitations) ctx.loaders.prime(CITATIONS, target, row.citations as Row[]);
  if (wanted.withHeadquarters) ctx.loaders.prime(headquartersSpec(), target, row.headquarters as Row[]);
  if (wanted.withLayoffs) ctx.loaders.prime(layoffsSpec(ctx, false), target, row.layoffs as Row[]);
  return true;
}
