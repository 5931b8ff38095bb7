import type { GraphClient } from '../../../src/graph/graph-client';
import { RequestLoaders } from '../../../src/graphql/common/loaders';

/** A graph that answers any grouped query with one row per key, and records the calls. */
function fakeGraph() {
  const calls: Array<{ name: string; params: Record<string, unknown>; bounds: Record<string, number> }> = [];
  const graph = {
    read: async (name: string, params: Record<string, unknown>, bounds: Record<string, number> = {}) => {
      calls.push({ name, params, bounds });
      return (params.keys as string[]).map((key) => ({ key, node: { id: `${key}-child` } }));
    },
  };
  return { graph: graph as unknown as GraphClient, calls };
}

describe('request loaders', () => {
  it('batch every key asked for in one tick into one query per relation and parameters', async () => {
    const { graph, calls } = fakeGraph();
    const loaders = new RequestLoaders(graph);
    const spec = { query: 'organization/roles', params: { certain: true }, map: (row: Record<string, unknown>) => row.node };
    const answers = await Promise.all(['a', 'b', 'c'].map((key) => loaders.relation(spec, key)));
    expect(answers).toEqual([[{ id: 'a-child' }], [{ id: 'b-child' }], [{ id: 'c-child' }]]);
    expect(calls).toEqual([{ name: 'organization/roles', params: { certain: true, keys: ['a', 'b', 'c'] }, bounds: {} }]);
  });

  it('keep relations with other parameters or bounds apart, and serve primed keys without a query', async () => {
    const { graph, calls } = fakeGraph();
    const loaders = new RequestLoaders(graph);
    const map = (row: Record<string, unknown>) => row.node;
    loaders.prime({ query: 'q', params: { certain: true }, map }, 'a', [{ node: { id: 'primed' } }]);
    const [primed, other, deeper] = await Promise.all([
      loaders.relation({ query: 'q', params: { certain: true }, map }, 'a'),
      loaders.relation({ query: 'q', params: { certain: false }, map }, 'a'),
      loaders.relation({ query: 'q', params: { certain: true }, bounds: { maxDepth: 3 }, map }, 'a'),
    ]);
    expect(primed).toEqual([{ id: 'primed' }]);
    expect(other).toEqual([{ id: 'a-child' }]);
    expect(deeper).toEqual([{ id: 'a-child' }]);
    expect(calls.map((c) => [c.params.certain, c.bounds])).toEqual([
      [false, {}],
      [true, { maxDepth: 3 }],
    ]);
  });
});
