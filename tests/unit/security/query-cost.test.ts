import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'graphql';
import { loadConfig, PROJECT_ROOT } from '../../../src/config';
import { getSchema } from '../../../src/graphql/schema';
import { queryCost, QueryCostCache, variablesShape } from '../../../src/security/query-cost';
import { RateLimiter } from '../../../src/security/rate-limit';

const defaults = loadConfig({}).security;
const cost = (query: string, variables: Record<string, unknown> = {}) => queryCost(getSchema(), parse(query), variables);

describe('query cost', () => {
  it('lets every example operation through, well under the limit', () => {
    const dir = path.join(PROJECT_ROOT, 'examples', 'operations');
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.graphql'))) {
      expect([file, cost(fs.readFileSync(path.join(dir, file), 'utf8'))]).toEqual([file, expect.any(Number)]);
      expect(cost(fs.readFileSync(path.join(dir, file), 'utf8'))).toBeLessThan(defaults.maxCost / 4);
    }
  });

  it('grows with list sizes, from literals and from variables', () => {
    const small = cost('{ companies(first: 5) { nodes { roles { person { name } } } } }');
    const large = cost('{ companies(first: 100) { nodes { roles { person { name } } } } }');
    expect(large).toBeGreaterThan(small * 15);
    expect(cost('query($n: Int!) { companies(first: $n) { nodes { id } } }', { n: 100 })).toBe(cost('{ companies(first: 100) { nodes { id } } }'));
  });

  it('grows with traversal depth, and prices nested maximal lists out', () => {
    expect(cost('{ corporateFamilyOf(id: "x", depth: 3) { members { organization { id } } } }')).toBeGreaterThan(
      cost('{ corporateFamilyOf(id: "x", depth: 1) { members { organization { id } } } }') * 10,
    );
    expect(
      cost('{ companies(first: 100) { nodes { roles { person { roles { organization { layoffEvents { sources { source { title } } } } } } } } } }'),
    ).toBeGreaterThan(defaults.maxCost);
  });

  it('prices an organization’s parent and ultimate parent as the chain walk they are (25 levels), not as one field', () => {
    const field = cost('{ company(id: "x") { name } }');
    expect(cost('{ company(id: "x") { ultimateParent { id } } }')).toBeGreaterThanOrEqual(field + 25);
    expect(cost('{ company(id: "x") { parent { id } } }')).toBeGreaterThanOrEqual(field + 25);
    // A chain's own ultimateParent field is what the walk already returned: no second walk.
    expect(cost('{ ownershipChainOf(id: "x") { ultimateParent { id } } }')).toBe(
      cost('{ ownershipChainOf(id: "x") { isUltimateParent ultimateParent { id } } }') - 25,
    );
  });
});

describe('the cost cache', () => {
  const FAMILY = parse('query($id: ID!, $depth: Int!) { corporateFamilyOf(id: $id, depth: $depth) { members { organization { id } } } }');

  it('prices a document once per shape of its variables: an id does not change it, a depth does', () => {
    const cache = new QueryCostCache(10);
    const schema = getSchema();
    const shallow = cache.cost(schema, FAMILY, 'family', { id: 'a', depth: 1 });
    expect(cache.cost(schema, FAMILY, 'family', { id: 'another id', depth: 1 })).toBe(shallow);
    expect(cache.size).toBe(1);
    const deep = cache.cost(schema, FAMILY, 'family', { id: 'a', depth: 3 });
    expect(deep).toBe(queryCost(schema, FAMILY, { id: 'a', depth: 3 }));
    expect(deep).toBeGreaterThan(shallow);
    expect(cache.size).toBe(2);
    expect(variablesShape({ id: 'x', n: 5, list: ['a', 2] })).toBe(variablesShape({ id: 'yy', n: 5, list: ['b', 2] }));
    expect(variablesShape({ n: '5' })).not.toBe(variablesShape({ n: 5 }));
  });

  it('stays bounded, and never keeps variables that do not fit their types', () => {
    const cache = new QueryCostCache(3);
    const schema = getSchema();
    for (let depth = 1; depth <= 6; depth += 1) cache.cost(schema, FAMILY, 'family', { id: 'a', depth });
    expect(cache.size).toBe(3);
    const full = new QueryCostCache(3);
    expect(() => full.cost(schema, FAMILY, 'family', { id: 'a', depth: 'deep' })).toThrow();
    expect(full.size).toBe(0);
  });
});

describe('rate limiter', () => {
  it('allows perMinute expensive operations, then asks to wait, then refills', () => {
    let now = 0;
    const limiter = new RateLimiter(2, () => now);
    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 30 });
    expect(limiter.take('b').allowed).toBe(true);
    now += 30000;
    expect(limiter.take('a').allowed).toBe(true);
  });
});
