import fs from 'node:fs';
import path from 'node:path';
import { CYPHER_DIR, listCypherFiles, splitStatements } from './cypher-catalog';
import { GraphClient } from './graph-client';

/** Applies the constraints and indexes in cypher/schema, in file order; every statement is IF NOT EXISTS. */
export async function applySchema(graph: GraphClient, dir = path.join(CYPHER_DIR, 'schema')): Promise<number> {
  let applied = 0;
  for (const file of listCypherFiles(dir)) {
    for (const statement of splitStatements(fs.readFileSync(file, 'utf8'))) {
      await graph.runSchemaStatement(statement);
      applied += 1;
    }
  }
  // Queries that start now must find the indexes online (the full-text index above all).
  await graph.runSchemaStatement('CALL db.awaitIndexes(300)');
  return applied;
}
