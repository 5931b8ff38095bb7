import { DocumentNode, getNamedType, getNullableType, GraphQLSchema, isListType, isObjectType } from 'graphql';
import { ComplexityEstimator, getComplexity } from 'graphql-query-complexity';

/**
 * What a request may cost before it runs, aware of list sizes and traversal depth: a field costs 1
 * plus what it selects times how many items it can return. Connections and search count `first`,
 * traversals their depth and limits; other lists count DEFAULT_LIST_SIZE items.
 */
export const DEFAULT_LIST_SIZE = 5;

type Args = Record<string, unknown>;
const num = (v: unknown, fallback: number) => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);

/** Items a traversal field can return, from its arguments (its own limits are checked again before Neo4j). */
const TRAVERSAL_ITEMS: Record<string, (args: Args) => number> = {
  corporateFamilyOf: (a) => Math.min(num(a.limit, 1000), 20 ** Math.min(num(a.depth, 1), 3)),
  corporateFamily: (a) => Math.min(num(a.limit, 1000), 20 ** Math.min(num(a.depth, 1), 3)),
  ownershipChainOf: (a) => num(a.maxDepth, 25),
  ownershipChain: (a) => num(a.maxDepth, 25),
  path: (a) => num(a.limit, 10) * num(a.maxHops, 8),
  timelineOf: (a) => Math.min(num(a.limit, 200), 200),
  timeline: (a) => Math.min(num(a.limit, 200), 200),
  neighbourhood: (a) => num(a.limit, 60),
  roleHolders: (a) => num(a.limit, 100),
  layoffRollupOf: () => 50,
  layoffRollup: () => 50,
};

/**
 * An organization's parent and ultimate parent are answered by walking its ownership chain (as
 * ownershipChain does, to the depth limit): priced as that walk, not as one field.
 */
const CHAIN_WALKS: Record<string, Record<string, (args: Args) => number>> = {
  Organization: { parent: () => 25, ultimateParent: () => 25 },
};

/** Results of traversals: their lists hold the items counted at the traversal field already. */
const TRAVERSAL_RESULTS = new Set(['CorporateFamily', 'FamilyTreeNode', 'OwnershipChain', 'PathResult', 'EntityPath', 'Neighbourhood', 'LayoffRollup']);

export const costEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  const traversal = TRAVERSAL_ITEMS[field.name] ?? CHAIN_WALKS[type.name]?.[field.name];
  if (traversal) return 1 + Math.max(1, childComplexity) * traversal(args);
  if (typeof args.first === 'number') return 1 + childComplexity * Math.max(1, args.first);
  const fieldType = getNullableType(field.type);
  if (isListType(fieldType) && isObjectType(getNamedType(fieldType)) && !TRAVERSAL_RESULTS.has(type.name)) {
    return 1 + childComplexity * DEFAULT_LIST_SIZE;
  }
  return 1 + childComplexity;
};

export function queryCost(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> = {}, operationName?: string): number {
  return getComplexity({ schema, query: document, variables, operationName, estimators: [costEstimator] });
}

/**
 * Costs already estimated, by document and the shape of its variables: the estimate depends on the
 * document and on the numbers among the variables (first, depth, limits), never on a string's
 * content (an id, a name), so a string counts only as being a string. Bounded: the oldest shape goes
 * first. A document with variables that do not fit their types is never stored (it throws).
 */
export class QueryCostCache {
  private readonly costs = new Map<string, number>();

  constructor(private readonly maxEntries = 1000) {}

  cost(schema: GraphQLSchema, document: DocumentNode, documentKey: string, variables: Record<string, unknown>, operationName?: string): number {
    const key = `${documentKey}\u0000${operationName ?? ''}\u0000${variablesShape(variables)}`;
    const known = this.costs.get(key);
    if (known !== undefined) return known;
    const cost = queryCost(schema, document, variables, operationName);
    if (this.costs.size >= this.maxEntries) this.costs.delete(this.costs.keys().next().value!);
    this.costs.set(key, cost);
    return cost;
  }

  get size(): number {
    return this.costs.size;
  }
}

/** The variables with every string replaced by one marker: what can change an estimate. */
export function variablesShape(variables: Record<string, unknown>): string {
  return JSON.stringify(variables, (_, value: unknown) => (typeof value === 'string' ? '\u0000s' : value));
}
