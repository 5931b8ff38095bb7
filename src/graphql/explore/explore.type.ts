import { Field, ID, ObjectType } from 'type-graphql';
import { Node } from '../common/node.interface';

@ObjectType({ description: "An entity as a point of the explorer's picture." })
export class GraphNode {
  @Field(() => ID, { description: 'Id of the entity.' })
  id!: string;

  @Field(() => String, { description: 'Its GraphQL type (Organization, Person, Market, Acquisition, LayoffEvent, ...), which the picture colours by.' })
  type!: string;

  @Field(() => String, { description: 'A short caption: the name, or what the event is.' })
  label!: string;

  @Field(() => Node, { description: 'The entity itself, for its fields and sources.' })
  entity!: Node;
}

@ObjectType({ description: 'A line of the picture between two entities.' })
export class GraphEdge {
  @Field(() => ID, { description: 'Id of the entity the relationship starts from.' })
  source!: string;

  @Field(() => ID, { description: 'Id of the entity it points to.' })
  target!: string;

  @Field(() => String, { description: 'What the relationship says (SUBSIDIARY_OF, a role title, ...).' })
  label!: string;
}

@ObjectType({ description: 'An entity and its direct neighbours, as nodes and edges ready to draw.' })
export class Neighbourhood {
  @Field(() => GraphNode, { description: 'The entity asked about.' })
  center!: GraphNode;

  @Field(() => [GraphNode], { description: 'Its neighbours (roles and market presences folded into edges).' })
  nodes!: GraphNode[];

  @Field(() => [GraphEdge], { description: 'The relationships between the center and its neighbours.' })
  edges!: GraphEdge[];
}
