import type { Row } from '../../graph/graph-client';
import { checkBound } from '../common/limits';
import { Node } from '../common/node.interface';
import type { Context } from '../context';
import { ENTITY_MAPPERS } from '../node/entities';
import { PathArgs } from './path.args';
import { DEFAULT_PATH_TYPES, EntityPath, PathResult, PathStep, RelationshipType, StepDirection } from './path.type';

const MAX_PATHS = 50;

function toPath(row: Row): EntityPath {
  const nodes = (row.nodes as Row[]).map((n) => ENTITY_MAPPERS[n.label as string](n.node as Row) as unknown as Node);
  const steps = (row.steps as Row[]).map((s, i) =>
    Object.assign(new PathStep(), {
      from: nodes[i],
      to: nodes[i + 1],
      relationship: s.type as RelationshipType,
      direction: s.forward ? StepDirection.FORWARD : StepDirection.BACKWARD,
    }),
  );
  return Object.assign(new EntityPath(), { length: steps.length, nodes, steps });
}

/** Every shortest path between two entities within the hop limit: one Cypher query. */
export async function shortestPaths(ctx: Context, args: PathArgs): Promise<PathResult> {
  const maxHops = checkBound('maxHops', args.maxHops ?? ctx.limits.maxPathHops, ctx.limits.maxPathHops);
  const limit = checkBound('limit', args.limit, MAX_PATHS);
  const types = args.relationshipTypes?.length ? args.relationshipTypes : DEFAULT_PATH_TYPES;
  const none = Object.assign(new PathResult(), { found: false, length: null, maxHops, paths: [] });
  if (args.from === args.to) return none;
  const rows = await ctx.graph.read('traversal/shortest-paths', { from: args.from, to: args.to, types, limit }, { maxHops });
  if (!rows.length) return none;
  const paths = rows.map(toPath).sort((a, b) =>
    a.nodes
      .map((n) => n.id)
      .join('/')
      .localeCompare(b.nodes.map((n) => n.id).join('/')),
  );
  return Object.assign(new PathResult(), { found: true, length: paths[0].length, maxHops, paths });
}
