import fs from 'node:fs';
import path from 'node:path';
import { CYPHER_DIR, CypherCatalog, listCypherFiles, splitStatements } from '../../src/graph/cypher-catalog';
import { everyShape } from '../helpers/cypher-shapes';
import { openTestGraph, TestGraph } from '../helpers/graph';

let db: TestGraph;
beforeAll(() => {
  db = openTestGraph();
});
afterAll(() => db.close());

const catalog = CypherCatalog.load();

describe('cypher/', () => {
  it.each(catalog.names())('queries/%s.cypher is valid Cypher that Neo4j can plan, with each choice of its sections', async (name) => {
    const session = db.driver.session();
    try {
      for (const shape of everyShape(catalog, name)) await session.run(`EXPLAIN ${catalog.get(name, shape)}`);
    } finally {
      await session.close();
    }
  });

  // A write's changes ride at the head of whatever statement follows their record (GraphClient), so
  // every query a transaction runs must plan with them there; batch-committing queries run outside one.
  const inTransactions = catalog.names().filter((name) => !/IN TRANSACTIONS/.test(catalog.get(name, everyShape(catalog, name)[0])));
  it.each(inTransactions)("queries/%s.cypher can carry a write's changes at its head", async (name) => {
    const session = db.driver.session();
    try {
      for (const shape of everyShape(catalog, name)) await session.run(`EXPLAIN ${catalog.carrying(name, shape)}`);
    } finally {
      await session.close();
    }
  });

  it('applies every schema statement idempotently (IF NOT EXISTS)', () => {
    for (const file of listCypherFiles(path.join(CYPHER_DIR, 'schema'))) {
      for (const statement of splitStatements(fs.readFileSync(file, 'utf8'))) expect(statement).toMatch(/IF NOT EXISTS/);
    }
  });

  it('never splices anything but validated whole numbers into query text', () => {
    const chain = { certain: true, withLinkDetails: false };
    expect(() => catalog.get('traversal/ancestors', { ...chain, maxDepth: 1.5 })).toThrow(/whole number/);
    expect(() => catalog.get('traversal/ancestors', chain)).toThrow(/whole number/);
    expect(() => catalog.get('traversal/ancestors', { ...chain, maxDepth: 101 })).toThrow(/whole number/);
    expect(() => catalog.get('traversal/ancestors', { ...chain, maxDepth: 3, withLinkDetails: 'true' as unknown as boolean })).toThrow(/true or false/);
  });
});
