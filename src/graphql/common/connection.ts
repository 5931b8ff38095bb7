import type { Bounds } from '../../graph/cypher-catalog';
import { ArgsType, ClassType, Field, Int, ObjectType } from 'type-graphql';
import { BadUserInputError } from '../../errors/errors';
import { GraphClient, Params, Row } from '../../graph/graph-client';
import { decodeCursor, encodeCursor, KeyKind } from './cursor';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

@ObjectType({ description: 'Relay page information. Paging is forward only (first/after), so hasPreviousPage tells only whether after was given.' })
export class PageInfo {
  @Field(() => Boolean, { description: 'True when more items follow this page.' })
  hasNextPage!: boolean;

  @Field(() => Boolean, { description: 'True when this page was asked for with after (items precede it).' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first item of the page.' })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last item of the page: pass it as after for the next page.' })
  endCursor!: string | null;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: DEFAULT_PAGE_SIZE, description: `How many items to return, 0 to ${MAX_PAGE_SIZE}.` })
  first: number = DEFAULT_PAGE_SIZE;

  @Field(() => String, { nullable: true, description: 'Return the items after this cursor (an endCursor or edge cursor from an earlier page).' })
  after?: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface ConnectionResult<T> {
  edges: Edge<T>[];
  nodes: T[];
  pageInfo: PageInfo;
}

/** A Relay connection type for one item type: ItemConnection { edges { cursor node } nodes pageInfo }. */
export function Connection<T extends object>(itemClass: ClassType<T>, name: string, what: string) {
  @ObjectType(`${name}Edge`, { description: `One ${what} and its cursor.` })
  class EdgeType {
    @Field(() => String, { description: 'Opaque keyset cursor of this item.' })
    cursor!: string;

    @Field(() => itemClass, { description: `The ${what.replace(/s$/, '')}.` })
    node!: T;
  }

  @ObjectType()
  abstract class ConnectionType {
    @Field(() => [EdgeType], { description: `The ${what} of this page, each with its cursor.` })
    edges!: EdgeType[];

    @Field(() => [itemClass], { description: `The ${what} of this page, without cursors (handy for tables).` })
    nodes!: T[];

    @Field(() => PageInfo, { description: 'Where this page stands: whether more follow, and the cursor to continue from.' })
    pageInfo!: PageInfo;
  }
  return ConnectionType;
}

/** Checks page arguments before anything reaches Neo4j. */
export function checkPage(args: PageArgs): void {
  if (!Number.isInteger(args.first) || args.first < 0 || args.first > MAX_PAGE_SIZE) {
    throw new BadUserInputError(`first must be between 0 and ${MAX_PAGE_SIZE}, got ${args.first}`, 'first');
  }
}

export interface Ordering {
  /** Names the ordering in cursors, e.g. "ANNOUNCED:DESC". */
  name: string;
  /** The value the query puts in $orderBy. */
  field: string;
  descending: boolean;
  keyKind: KeyKind;
}

/**
 * Runs a keyset-paginated named query and builds the connection. The query receives $orderBy,
 * $desc, $afterKey, $afterId and $limit (first + 1, to learn whether a next page exists) and
 * returns rows { node, sortKey }.
 */
export async function paginate<T extends { id: string }>(
  graph: GraphClient,
  query: string,
  params: Params,
  page: PageArgs,
  ordering: Ordering,
  map: (node: Row) => T,
  bounds: Bounds = {},
): Promise<ConnectionResult<T>> {
  checkPage(page);
  const after = page.after ? decodeCursor(page.after, ordering.name, ordering.keyKind) : null;
  if (page.first === 0) {
    return { edges: [], nodes: [], pageInfo: { hasNextPage: false, hasPreviousPage: Boolean(after), startCursor: null, endCursor: null } };
  }
  const rows = await graph.read(
    query,
    {
      ...params,
      orderBy: ordering.field,
      desc: ordering.descending,
      afterKey: after?.key ?? null,
      afterId: after?.id ?? null,
      limit: page.first + 1,
    },
    // A query may hold its order and cursor test as sections ({{#desc}}, {{#after}}): only the one it needs.
    { ...bounds, desc: ordering.descending, after: after !== null },
  );
  const edges = rows.slice(0, page.first).map((row) => {
    const node = map(row.node as Row);
    return { cursor: encodeCursor(ordering.name, row.sortKey, node.id), node };
  });
  return {
    edges,
    nodes: edges.map((e) => e.node),
    pageInfo: {
      hasNextPage: rows.length > page.first,
      hasPreviousPage: Boolean(after),
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}

/** An ordering from a field name and a direction, named for cursors (e.g. "ANNOUNCED:DESC"). */
export function ordering(field: string, direction: 'ASC' | 'DESC', keyKind: KeyKind): Ordering {
  return { name: `${field}:${direction}`, field, descending: direction === 'DESC', keyKind };
}
