import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CYPHER_DIR, CypherCatalog, expandFragments } from '../../../src/graph/cypher-catalog';
import { LEADERSHIP_ROLES } from '../../../src/graphql/person/leadership';
import { everyShape } from '../../helpers/cypher-shapes';

describe('the Cypher catalog', () => {
  const catalog = CypherCatalog.load();

  it('expands every fragment, with the query variable in place of `it`', () => {
    for (const name of catalog.names()) {
      for (const shape of everyShape(catalog, name)) expect([name, /\{\{/.test(catalog.get(name, shape))]).toEqual([name, false]);
    }
    const text = expandFragments('WHERE {{in-force-possibly:r}}', new Map([['in-force-possibly', 'coalesce(it.sinceEarliest, 0) <= $asOf']]), 'test');
    expect(text).toBe('WHERE coalesce(r.sinceEarliest, 0) <= $asOf');
    // `it` as a pattern's node too: left in place, (it) would match any node of the graph.
    const redirect = catalog.get('node/by-ids');
    expect(redirect).toContain('MATCH (asked)-[:REDIRECTS_TO]->');
    for (const name of catalog.names()) {
      for (const shape of everyShape(catalog, name)) expect([name, /[(\s]it[)\s.:]/.test(catalog.get(name, shape))]).toEqual([name, false]);
    }
  });

  it('refuses a query that names a fragment that does not exist', () => {
    expect(() => expandFragments('{{no-such:x}}', new Map(), 'q')).toThrow(/cypher\/fragments has no no-such\.cypher/);
  });

  const CHAIN = { certain: true, withLinkDetails: false };

  it('fills {{bounds}} with validated whole numbers only', () => {
    expect(catalog.get('traversal/ancestors', { ...CHAIN, maxDepth: 4 })).toContain('{1,4}');
    expect(() => catalog.get('traversal/ancestors', { ...CHAIN, maxDepth: 1.5 })).toThrow(/whole number/);
    expect(() => catalog.get('traversal/ancestors', { ...CHAIN, maxDepth: true })).toThrow(/whole number/);
    expect(() => catalog.get('traversal/ancestors', CHAIN)).toThrow(/maxDepth/);
  });

  it("keeps a query's sections by their switches: only what the request selected is read", () => {
    const lean = catalog.get('traversal/ancestors', { ...CHAIN, maxDepth: 4 });
    const full = catalog.get('traversal/ancestors', { maxDepth: 4, certain: false, withLinkDetails: true });
    expect(catalog.switches('traversal/ancestors')).toEqual(['certain', 'withLinkDetails']);
    expect(lean).not.toContain('Acquisition');
    expect(lean).not.toContain('certainLinks');
    expect(full).toContain('(a:Acquisition {id: l.acquisitionId})');
    expect(full).toContain('certainLinks');
    // A switch must be given, as a boolean.
    expect(() => catalog.get('traversal/ancestors', { maxDepth: 4, certain: true })).toThrow(/true or false for its section \{\{#withLinkDetails\}\}/);
    expect(() => catalog.get('traversal/ancestors', { ...CHAIN, maxDepth: 4, withLinkDetails: 1 })).toThrow(/true or false/);
    // Rendered once per shape.
    expect(catalog.get('traversal/ancestors', { ...CHAIN, maxDepth: 4 })).toBe(lean);
  });

  it('renders nested sections and inverted ones', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'catalog-'));
    fs.writeFileSync(path.join(dir, 'q.cypher'), 'RETURN 1{{#a}}, 2{{#b}}, 3{{/b}}{{^b}}, 4{{/b}}{{/a}} AS x');
    const own = CypherCatalog.load(dir, path.join(dir, 'none'));
    expect(own.switches('q')).toEqual(['a', 'b']);
    expect(own.get('q', { a: true, b: true })).toBe('RETURN 1, 2, 3 AS x');
    expect(own.get('q', { a: true, b: false })).toBe('RETURN 1, 2, 4 AS x');
    expect(own.get('q', { a: false, b: true })).toBe('RETURN 1 AS x');
  });

  it('orders leaders as LEADERSHIP_ROLES lists them (the role-seniority fragment)', () => {
    const fragment = fs.readFileSync(path.join(CYPHER_DIR, 'fragments', 'role-seniority.cypher'), 'utf8');
    const order = [...fragment.matchAll(/WHEN '([A-Z_]+)' THEN (\d+)/g)].sort((a, b) => Number(a[2]) - Number(b[2])).map((m) => m[1]);
    expect(order.slice(0, LEADERSHIP_ROLES.length)).toEqual(LEADERSHIP_ROLES);
  });
});
