import { Field, ID, InterfaceType } from 'type-graphql';

/** Every entity carries the GraphQL type name it maps to, so that Node and search results resolve. */
export interface Typed {
  __typename: string;
}

@InterfaceType({
  description: 'Any entity of the graph, found by its id with node(id). Ids are stable, readable slugs unique across the graph (amazon, andy-jassy).',
  resolveType: (value: Typed) => value.__typename,
})
export abstract class Node {
  @Field(() => ID, { description: 'Stable, readable id, unique across the whole graph.' })
  id!: string;
}
