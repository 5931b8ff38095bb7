import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../config';

/** Whole numbers that may stand in a query's {{bound}} placeholders. */
export type Bounds = Record<string, number>;
const MAX_BOUND = 100;

export const CYPHER_DIR = path.join(PROJECT_ROOT, 'cypher');

/**
 * The named queries in cypher/queries, read once at start. A query's name is its path below that
 * folder without the extension (e.g. "organization/by-ids"); the files are plain Cypher with
 * $parameters, so they can be pasted into Neo4j Browser as they are.
 */
export class CypherCatalog {
  private constructor(private readonly queries: ReadonlyMap<string, string>) {}

  static load(dir = path.join(CYPHER_DIR, 'queries'), fragmentDir = path.join(CYPHER_DIR, 'fragments')): CypherCatalog {
    const fragments = loadFragments(fragmentDir);
    const queries = new Map<string, string>();
    for (const file of listCypherFiles(dir)) {
      const name = path
        .relative(dir, file)
        .replace(/\\/g, '/')
        .replace(/\.cypher$/, '');
      queries.set(name, expandFragments(stripComments(fs.readFileSync(file, 'utf8')), fragments, name));
    }
    return new CypherCatalog(queries);
  }

  /**
   * The text of a named query. Cypher takes no parameter for the bounds of a variable-length pattern,
   * so queries write them as {{name}} and the caller passes whole numbers (already validated against
   * the configured limits); nothing else is ever put into query text.
   */
  get(name: string, bounds: Bounds = {}): string {
    const text = this.queries.get(name);
    if (text === undefined) throw new Error(`No Cypher query named "${name}" in cypher/queries`);
    return text.replace(/\{\{(\w+)\}\}/g, (_, key: string) => {
      const value = bounds[key];
      if (!Number.isInteger(value) || value! < 0 || value! > MAX_BOUND) {
        throw new Error(`Query "${name}" needs a whole number from 0 to ${MAX_BOUND} for {{${key}}}, got ${value}`);
      }
      return String(value);
    });
  }

  names(): string[] {
    return [...this.queries.keys()].sort();
  }
}

/**
 * Fragments are predicates written once in cypher/fragments and used by several queries as
 * {{fragment-name:variable}} (or {{fragment-name:variable,param}}): the fragment speaks of `it`, which
 * becomes the query's variable, and of $props, which becomes $param. They
 * are expanded when the catalog loads (the variable is a name in our own files, never user input).
 */
const FRAGMENT_USE = /\{\{([a-z][a-z0-9-]*):([A-Za-z_][A-Za-z0-9_]*)(?:,([A-Za-z_][A-Za-z0-9_]*))?\}\}/g;

function loadFragments(dir: string): Map<string, string> {
  const fragments = new Map<string, string>();
  for (const file of listCypherFiles(dir)) fragments.set(path.basename(file, '.cypher'), stripComments(fs.readFileSync(file, 'utf8')));
  return fragments;
}

export function expandFragments(text: string, fragments: ReadonlyMap<string, string>, where: string, depth = 0): string {
  if (depth > 5) throw new Error(`Cypher fragments nest too deep in ${where}`);
  return text.replace(FRAGMENT_USE, (_, name: string, variable: string, param: string | undefined) => {
    const fragment = fragments.get(name);
    if (fragment === undefined) throw new Error(`${where} uses {{${name}:${variable}}}, but cypher/fragments has no ${name}.cypher`);
    const inner = expandFragments(fragment, fragments, `fragment ${name}`, depth + 1).replace(/\bit\b(?=[.:}[ ),])/g, variable);
    // A second name stands for the fragment's $props parameter.
    return param ? inner.replace(/\$props\b/g, `$${param}`) : inner;
  });
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
