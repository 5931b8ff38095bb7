import type { Bounds, CypherCatalog } from '../../src/graph/cypher-catalog';

/** Depth bounds every traversal query accepts in tests. */
export const TEST_BOUNDS: Bounds = { maxDepth: 3, maxHops: 3 };

/** Every text a named query can take: its bounds with each combination of its sections' switches. */
export function everyShape(catalog: CypherCatalog, name: string): Bounds[] {
  let shapes: Bounds[] = [{ ...TEST_BOUNDS }];
  for (const key of catalog.switches(name))
    shapes = shapes.flatMap((b) => [
      { ...b, [key]: false },
      { ...b, [key]: true },
    ]);
  return shapes;
}
