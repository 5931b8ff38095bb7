import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import type { Row } from '../../graph/graph-client';
import { describeQuantity } from '../../ingest/dates-and-quantities';
import { Quantity } from '../common/quantity.type';
import { checkBound } from '../common/limits';
import type { Context } from '../context';
import { ENTITY_MAPPERS } from '../node/entities';
import { GraphEdge, GraphNode, Neighbourhood } from './explore.type';

/** A caption for any entity: its name or title, or what the event or fact is. */
export function captionOf(label: string, p: Row): string {
  if (p.name) return String(p.name);
  if (p.title) return String(p.title);
  if (label === 'LayoffEvent')
    return `Layoffs: ${describeQuantity(Quantity.fromProps(p, 'headcount'))}${p.announcedEarliest ? ` (${String(p.announcedEarliest).slice(0, 7)})` : ''}`;
  if (label === 'Acquisition') return `Acquisition${p.completedEarliest ? ` (${String(p.completedEarliest).slice(0, 4)})` : ''}`;
  return String(p.id);
}

function graphNode(label: string, props: Row): GraphNode {
  return Object.assign(new GraphNode(), {
    id: props.id as string,
    type: label,
    label: captionOf(label, props),
    entity: ENTITY_MAPPERS[label](props),
  });
}

@Resolver()
export class ExploreResolver {
  @Query(() => Neighbourhood, {
    nullable: true,
    description: 'An entity and its direct neighbours, ready to draw (the /explore page uses it); null for an unknown id.',
  })
  async neighbourhood(
    @Arg('id', () => ID, { description: 'Its id (a lower-case slug such as "twitch").' }) id: string,
    @Arg('limit', () => Int, { defaultValue: 60, description: 'At most this many neighbours, 1 to 500.' }) limit: number,
    @Ctx() ctx: Context,
  ): Promise<Neighbourhood | null> {
    checkBound('limit', limit, 500);
    const [row] = await ctx.graph.read('explore/neighbourhood', { id, limit });
    if (!row) return null;
    const center = graphNode(row.centerLabel as string, row.center as Row);
    const nodes = new Map<string, GraphNode>();
    const edges: GraphEdge[] = [];
    for (const n of row.neighbours as Row[]) {
      const node = graphNode(n.nodeLabel as string, n.node as Row);
      nodes.set(node.id, node);
      edges.push(
        Object.assign(
          new GraphEdge(),
          n.outgoing ? { source: center.id, target: node.id, label: n.label } : { source: node.id, target: center.id, label: n.label },
        ),
      );
    }
    return Object.assign(new Neighbourhood(), { center, nodes: [...nodes.values()], edges });
  }
}
