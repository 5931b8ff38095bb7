import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/config';

/**
 * The layout tells the architecture: every folder (or top-level module) of src/ stands on a floor,
 * and a module imports only from its own folder or from folders on lower floors, so no import runs
 * uphill and no two modules import each other, directly or round a circle. Type-only imports count too.
 */
const FLOORS: string[][] = [
  ['errors', 'logger'], // what every module may throw and log
  ['config'], // the one reader of the environment
  ['graph', 'local-neo4j', 'tabular', 'auth'], // Cypher and the database; tables; API keys
  ['ingest'], // the import format: record types, dates and quantities, the importer, export
  ['sources'], // public data sets onto the import format
  ['resolution', 'extraction', 'changes'], // entity resolution; facts from articles; reading the change feed
  ['first-load'], // bulk loading (merges organizations of one identifier once the store is built)
  ['graphql'], // the schema, its resolvers and services
  ['security', 'http', 'connect'], // what guards and serves the API; connecting to Neo4j
  ['server', 'client'], // the service's wiring; the API in process
  ['cli', 'docs-from-code'], // the command line; docs made from code
  ['main', 'index'], // entry points
];

const SRC = path.join(PROJECT_ROOT, 'src');

function modules(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return modules(full);
    return e.name.endsWith('.ts') ? [full] : [];
  });
}

/** The folder (or top-level module) a module belongs to: its room. */
const roomOf = (file: string) => path.relative(SRC, file).split(path.sep)[0].replace(/\.ts$/, '');

function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+'(\.{1,2}\/[^']+)'/g), ...text.matchAll(/import\('(\.{1,2}\/[^']+)'\)/g)].map(
    (m) => m[1],
  );
  return specs.flatMap((spec) => {
    const target = path.resolve(path.dirname(file), spec);
    for (const candidate of [`${target}.ts`, path.join(target, 'index.ts')]) if (fs.existsSync(candidate)) return [candidate];
    return [];
  });
}

const files = modules(SRC);
const graph = new Map(files.map((f) => [f, importsOf(f)]));
const floorOf = new Map(FLOORS.flatMap((rooms, floor) => rooms.map((room) => [room, floor] as const)));

describe('the import graph of src/', () => {
  it('puts every folder and top-level module of src/ on a floor', () => {
    const rooms = [...new Set(files.map(roomOf))].sort();
    expect(rooms.filter((room) => !floorOf.has(room))).toEqual([]);
    expect([...floorOf.keys()].filter((room) => !rooms.includes(room))).toEqual([]);
  });

  it('has no import from a folder to one on the same or a higher floor', () => {
    const uphill = files.flatMap((file) =>
      graph
        .get(file)!
        .filter((target) => roomOf(target) !== roomOf(file) && floorOf.get(roomOf(target))! >= floorOf.get(roomOf(file))!)
        .map((target) => `${path.relative(SRC, file)} -> ${path.relative(SRC, target)}`),
    );
    expect(uphill).toEqual([]);
  });

  it('has no circle of imports between modules', () => {
    const circles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (file: string, trail: string[]): void => {
      state.set(file, 'open');
      for (const next of graph.get(file)!) {
        if (state.get(next) === 'open') circles.push([...trail.slice(trail.indexOf(next)), next].map((f) => path.relative(SRC, f)).join(' -> '));
        else if (!state.has(next)) visit(next, [...trail, next]);
      }
      state.set(file, 'done');
    };
    for (const file of files) if (!state.has(file)) visit(file, [file]);
    expect(circles).toEqual([]);
  });
});
