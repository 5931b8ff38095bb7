import fs from 'node:fs';
import path from 'node:path';
import { CYPHER_DIR, CypherCatalog, expandFragments } from '../../../src/graph/cypher-catalog';
import { LEADERSHIP_ROLES } from '../../../src/graphql/family/family.service';

describe('the Cypher catalog', () => {
  const catalog = CypherCatalog.load();

  it('expands every fragment, with the query variable in place of `it`', () => {
    for (const name of catalog.names()) expect([name, /\{\{[a-z-]+:/.test(catalog.get(name, { maxDepth: 3, maxHops: 3 }))]).toEqual([name, false]);
    const text = expandFragments('WHERE {{in-force-possibly:r}}', new Map([['in-force-possibly', 'coalesce(it.sinceEarliest, 0) <= $asOf']]), 'test');
    expect(text).toBe('WHERE coalesce(r.sinceEarliest, 0) <= $asOf');
    // `it` as a pattern's node too: left in place, (it) would match any node of the graph.
    const redirect = catalog.get('node/by-ids');
    expect(redirect).toContain('MATCH (asked)-[:REDIRECTS_TO]->');
    for (const name of catalog.names()) expect([name, /[(\s]it[)\s.:]/.test(catalog.get(name, { maxDepth: 3, maxHops: 3 }))]).toEqual([name, false]);
  });

  it('refuses a query that names a fragment that does not exist', () => {
    expect(() => expandFragments('{{no-such:x}}', new Map(), 'q')).toThrow(/cypher\/fragments has no no-such\.cypher/);
  });

  it('fills {{bounds}} with validated whole numbers only', () => {
    expect(catalog.get('traversal/ancestors', { maxDepth: 4 })).toContain('{1,4}');
    expect(() => catalog.get('traversal/ancestors', { maxDepth: 1.5 })).toThrow(/whole number/);
    expect(() => catalog.get('traversal/ancestors', {})).toThrow(/maxDepth/);
  });

  it('orders leaders as LEADERSHIP_ROLES lists them (the role-seniority fragment)', () => {
    const fragment = fs.readFileSync(path.join(CYPHER_DIR, 'fragments', 'role-seniority.cypher'), 'utf8');
    const order = [...fragment.matchAll(/WHEN '([A-Z_]+)' THEN (\d+)/g)].sort((a, b) => Number(a[2]) - Number(b[2])).map((m) => m[1]);
    expect(order.slice(0, LEADERSHIP_ROLES.length)).toEqual(LEADERSHIP_ROLES);
  });
});
