import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../config';

export const CYPHER_DIR = path.join(PROJECT_ROOT, 'cypher');

/**
 * The named queries in cypher/queries, read once at start. A query's name is its path below that
 * folder without the extension (e.g. "organization/by-ids"); the files are plain Cypher with
 * $parameters, so they can be pasted into Neo4j Browser as they are.
 */
export class CypherCatalog {
  private constructor(private readonly queries: ReadonlyMap<string, string>) {}

  static load(dir = path.join(CYPHER_DIR, 'queries')): CypherCatalog {
    const queries = new Map<string, string>();
    for (const file of listCypherFiles(dir)) {
      const name = path.relative(dir, file).replace(/\\/g, '/').replace(/\.cypher$/, '');
      queries.set(name, stripComments(fs.readFileSync(file, 'utf8')));
    }
    return new CypherCatalog(queries);
  }

  get(name: string): string {
    const text = this.queries.get(name);
    if (text === undefined) throw new Error(`No Cypher query named "${name}" in cypher/queries`);
    return text;
  }

  names(): string[] {
    return [...this.queries.keys()].sort();
  }
}

export function listCypherFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return listCypherFiles(full);
      return entry.name.endsWith('.cypher') ? [full] : [];
    })
    .sort();
}

/** Drops whole-line // comments, which document the files for people reading them in Neo4j Browser. */
export function stripComments(text: string): string {
  return text
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n')
    .trim();
}

/** Splits a schema file into its statements (separated by a semicolon at a line end). */
export function splitStatements(text: string): string[] {
  return stripComments(text)
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter(Boolean);
}
