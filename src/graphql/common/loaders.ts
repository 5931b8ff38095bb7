import DataLoader from 'dataloader';
import type { Bounds } from '../../graph/cypher-catalog';
import { GraphClient, Params, Row } from '../../graph/graph-client';

/**
 * How a relation is read for many keys at once: its named query (taking $keys, returning rows with a
 * `key` column), the other parameters, and how a row becomes an object. A query that fetches the
 * relation inline for one key (a lookahead) fills the same loader through `prime` with the same spec.
 */
export interface RelationSpec<T> {
  query: string;
  params?: Params;
  /** What shapes the query's text: whole numbers for its {{bounds}} (depth limits), booleans for its sections. */
  bounds?: Bounds;
  map(row: Row): T;
}

/**
 * Per-request batching: all keys asked for in one tick of the event loop go to Neo4j in one named
 * query, so a request costs one round trip per relation and nesting level, whatever the row count.
 * A grouped query receives $keys and returns rows with a `key` column.
 */
export class RequestLoaders {
  private readonly loaders = new Map<string, DataLoader<string, unknown>>();

  constructor(private readonly graph: GraphClient) {}

  grouped<T>(query: string, map: (row: Row) => T, params: Params = {}, bounds: Bounds = {}): DataLoader<string, T[]> {
    const cacheKey = `${query} ${JSON.stringify(params)} ${JSON.stringify(bounds)}`;
    let loader = this.loaders.get(cacheKey) as DataLoader<string, T[]> | undefined;
    if (!loader) {
      loader = new DataLoader<string, T[]>(
        async (keys) => {
          const rows = await this.graph.read(query, { ...params, keys: [...keys] }, bounds);
          const groups = new Map<string, T[]>();
          for (const row of rows) {
            const key = row.key as string;
            if (!groups.has(key)) groups.set(key, []);
            groups.get(key)!.push(map(row));
          }
          return keys.map((key) => groups.get(key) ?? []);
        },
        { maxBatchSize: 5000 },
      );
      this.loaders.set(cacheKey, loader as DataLoader<string, unknown>);
    }
    return loader;
  }

  /** A relation's objects for one key, batched with every other key asked for in the same tick. */
  relation<T>(spec: RelationSpec<T>, key: string): Promise<T[]> {
    return this.grouped(spec.query, spec.map, spec.params ?? {}, spec.bounds ?? {}).load(key);
  }

  /** Fills a relation's loader with rows already fetched for `key` (inline, by a lookahead query): no query runs for it. */
  prime<T>(spec: RelationSpec<T>, key: string, rows: Row[]): void {
    this.grouped(spec.query, spec.map, spec.params ?? {}, spec.bounds ?? {}).prime(
      key,
      rows.map((row) => spec.map(row)),
    );
  }

  async one<T>(query: string, key: string, map: (row: Row) => T, params: Params = {}, bounds: Bounds = {}): Promise<T | null> {
    const rows = await this.grouped(query, map, params, bounds).load(key);
    return rows[0] ?? null;
  }

  async many<T>(query: string, key: string, map: (row: Row) => T, params: Params = {}, bounds: Bounds = {}): Promise<T[]> {
    return this.grouped(query, map, params, bounds).load(key);
  }
}
