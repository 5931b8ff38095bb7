import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../config';

/**
 * What shapes a query's text, never user input: whole numbers for its {{bound}} placeholders (the
 * bounds of variable-length patterns, already checked against the configured limits) and booleans for
 * its {{#switch}}...{{/switch}} sections (kept only when true; {{^switch}}...{{/switch}} only when false),
 * so that a query reads only what the request selected.
 */
export type Bounds = Record<string, number | boolean>;
const MAX_BOUND = 100;
/** Texts rendered for a set of bounds are kept (a bounded number: bounds and switches are few). */
const MAX_RENDERED = 2000;

/** Names the carrying form of a query in the rendered cache (no query file can be named so). */
const CARRIER_PREFIX = '\u0000carrying ';

const SECTION = /\{\{([#^])(\w+)\}\}([\s\S]*?)\{\{\/\2\}\}/g;
const SECTION_OPENER = /\{\{[#^](\w+)\}\}/g;
const PLACEHOLDER = /\{\{(\w+)\}\}/g;

export const CYPHER_DIR = path.join(PROJECT_ROOT, 'cypher');

/**
 * The named queries in cypher/queries, read once at start. A query's name is its path below that
 * folder without the extension (e.g. "organization/by-ids"); the files are Cypher with $parameters.
 * Most can be pasted into Neo4j Browser as they are; one that uses a fragment ({{name:variable}}), a
 * section ({{#switch}}) or a bound ({{maxDepth}}) is rendered first: `npx corpgraph cypher --show
 * <name> [--switch name=true] [--bound name=N]` prints the text Neo4j runs and its parameters.
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

  private readonly rendered = new Map<string, string>();

  /**
   * The text of a named query for these bounds: sections kept or dropped by their switches, then
   * placeholders filled. Cypher takes no parameter for the bounds of a variable-length pattern, so
   * queries write them as {{name}}; nothing but a checked whole number or a switch's choice ever
   * changes query text. Each distinct text is rendered once.
   */
  get(name: string, bounds: Bounds = {}): string {
    const key = `${name}\u0000${JSON.stringify(bounds)}`;
    const known = this.rendered.get(key);
    if (known !== undefined) return known;
    const text = this.render(name, bounds);
    if (this.rendered.size >= MAX_RENDERED) this.rendered.clear();
    this.rendered.set(key, text);
    return text;
  }

  /**
   * A named query that also stores a write's changes first: `changes/append` as a unit subquery at its
   * head (run once, whatever the query's own rows), taking $changeSets beside the query's parameters.
   * How a write's changes ride on a statement it runs anyway rather than cost a round trip of their own.
   */
  carrying(name: string, bounds: Bounds = {}): string {
    return this.get(CARRIER_PREFIX + name, bounds);
  }

  /** The bounds a query's placeholders name (each must be given as a whole number). */
  bounds(name: string): string[] {
    return [...new Set([...this.text(name).replace(SECTION_OPENER, '').matchAll(PLACEHOLDER)].map((m) => m[1]))].sort();
  }

  /** The switches a query's sections name (each must be given as a boolean). */
  switches(name: string): string[] {
    return [...new Set([...this.text(name).matchAll(SECTION_OPENER)].map((m) => m[1]))].sort();
  }

  private text(name: string): string {
    if (name.startsWith(CARRIER_PREFIX)) return `CALL () {\n${this.text('changes/append')}\n}\n${this.text(name.slice(CARRIER_PREFIX.length))}`;
    const text = this.queries.get(name);
    if (text === undefined) throw new Error(`No Cypher query named "${name}" in cypher/queries`);
    return text;
  }

  private render(name: string, bounds: Bounds): string {
    let text = this.text(name);
    // Outer sections first; a kept section's inner ones on the next pass.
    for (let before = ''; before !== text;) {
      before = text;
      text = text.replace(SECTION, (_, mode: string, key: string, body: string) => {
        const value = bounds[key];
        if (typeof value !== 'boolean') throw new Error(`Query "${name}" needs true or false for its section {{${mode}${key}}}, got ${String(value)}`);
        return value === (mode === '#') ? body : '';
      });
    }
    return text.replace(PLACEHOLDER, (_, key: string) => {
      const value = bounds[key];
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > MAX_BOUND) {
        throw new Error(`Query "${name}" needs a whole number from 0 to ${MAX_BOUND} for {{${key}}}, got ${String(value)}`);
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
