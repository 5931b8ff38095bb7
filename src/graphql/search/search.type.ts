import { Field, Float, ObjectType } from 'type-graphql';
import { EntityType } from '../common/enums';
import { Node } from '../common/node.interface';

@ObjectType({ description: 'One search result: the entity, its type and how well it matched.' })
export class SearchHit {
  @Field(() => Float, { description: 'Relevance; higher is better. Exact words score above prefixes, prefixes above near-misses.' })
  score!: number;

  @Field(() => EntityType, { description: 'The kind of entity found.' })
  type!: keyof typeof EntityType;

  @Field(() => Node, { description: 'The entity found; use fragments (... on Organization) for its fields.' })
  node!: Node;
}
