import fs from 'node:fs';
import path from 'node:path';
import { CYPHER_DIR, CypherCatalog, listCypherFiles, splitStatements } from '../../src/graph/cypher-catalog';
import { openTestGraph, TestGraph } from '../helpers/graph';

let db: TestGraph;
beforeAll(() => {
  db = openTestGraph();
});
afterAll(() => db.close());

const catalog = CypherCatalog.load();

describe('cypher/', () => {
  it.each(catalog.names())('queries/%s.cypher is valid Cypher that Neo4j can plan', async (name) => {
    const session = db.driver.session();
    try {
      await session.run(`EXPLAIN ${catalog.get(name, { maxDepth: 3, maxHops: 3 })}`);
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
    expect(() => catalog.get('traversal/ancestors', { maxDepth: 1.5 })).toThrow(/whole number/);
    expect(() => catalog.get('traversal/ancestors', {})).toThrow(/whole number/);
    expect(() => catalog.get('traversal/ancestors', { maxDepth: 101 })).toThrow(/whole number/);
  });
});
