import type { Row } from '../../graph/graph-client';
import { checkBound } from '../common/limits';
import { Node } from '../common/node.interface';
import type { Context } from '../context';
import { ENTITY_MAPPERS } from '../node/entities';
import { PathArgs } from './path.args';
import { BadUserInputError } from '../../errors/errors';
import { Citation } from '../source/source.type';
import { DEFAULT_PATH_TYPES, EntityPath, PathResult, PathScope, PathStep, PEOPLE_AND_ORGANIZATIONS_TYPES, RelationshipType, StepDirection } from './path.type';

const MAX_PATHS = 50;

function toPath(row: Row, collapseRoles: boolean): EntityPath {
  const raw = row.nodes as Row[];
  const nodes = raw.map((n) => ENTITY_MAPPERS[n.label as string](n.node as Row) as unknown as Node);
  const citations = (list: unknown) => ((list as Row[] | null) ?? []).map(Citation.fromRow);
  const rawSteps = row.steps as Row[];
  const steps: PathStep[] = [];
  const kept: Node[] = [nodes[0]];
  for (let i = 0; i < rawSteps.length; i += 1) {
    const next = raw[i + 1];
    // Person -HELD_BY- Role -AT- Organization (or back): one step, the role its fact and its sources.
    if (collapseRoles && next?.label === 'Role' && i + 1 < rawSteps.length) {
      const toOrganization = rawSteps[i].type === RelationshipType.HELD_BY && !rawSteps[i].forward;
      steps.push(
        Object.assign(new PathStep(), {
          from: nodes[i],
          to: nodes[i + 2],
          via: nodes[i + 1],
          relationship: RelationshipType.HELD_BY,
          // FORWARD: from the person to the organization; BACKWARD: from the organization to the person.
          direction: toOrganization ? StepDirection.FORWARD : StepDirection.BACKWARD,
          sources: citations(next.citations),
        }),
      );
      kept.push(nodes[i + 2]);
      i += 1;
      continue;
    }
    steps.push(
      Object.assign(new PathStep(), {
        from: nodes[i],
        to: nodes[i + 1],
        via: null,
        relationship: rawSteps[i].type as RelationshipType,
        direction: rawSteps[i].forward ? StepDirection.FORWARD : StepDirection.BACKWARD,
        sources: citations(rawSteps[i].citations),
      }),
    );
    kept.push(nodes[i + 1]);
  }
  return Object.assign(new EntityPath(), { length: steps.length, nodes: kept, steps });
}

/** Every shortest path between two entities within the hop limit: one Cypher query. */
export async function shortestPaths(ctx: Context, args: PathArgs): Promise<PathResult> {
  const maxHops = checkBound('maxHops', args.maxHops ?? ctx.limits.maxPathHops, ctx.limits.maxPathHops);
  const limit = checkBound('limit', args.limit, MAX_PATHS);
  const scope = args.between ?? (args.relationshipTypes?.length ? PathScope.ALL_ENTITIES : PathScope.PEOPLE_AND_ORGANIZATIONS);
  if (scope === PathScope.PEOPLE_AND_ORGANIZATIONS && args.relationshipTypes?.length) {
    throw new BadUserInputError(
      'relationshipTypes: choose them with between: ALL_ENTITIES (people and organizations follow roles and parent links)',
      'relationshipTypes',
    );
  }
  const people = scope === PathScope.PEOPLE_AND_ORGANIZATIONS;
  const types = people ? PEOPLE_AND_ORGANIZATIONS_TYPES : args.relationshipTypes?.length ? args.relationshipTypes : DEFAULT_PATH_TYPES;
  const none = Object.assign(new PathResult(), { found: false, length: null, maxHops, paths: [] });
  if (args.from === args.to) return none;
  const rows = await ctx.graph.read('traversal/shortest-paths', { from: args.from, to: args.to, types, limit, withSources: people }, { maxHops });
  if (!rows.length) return none;
  const paths = rows
    .map((row) => toPath(row, people))
    .sort((a, b) =>
      a.nodes
        .map((n) => n.id)
        .join('/')
        .localeCompare(b.nodes.map((n) => n.id).join('/')),
    );
  return Object.assign(new PathResult(), { found: true, length: paths[0].length, maxHops, paths });
}
