import crypto from 'node:crypto';
import {
  getNamedType,
  getNullableType,
  GraphQLArgument,
  GraphQLField,
  GraphQLInputObjectType,
  GraphQLInputType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isInterfaceType,
} from 'graphql';
import { getSchema } from '../../src/graphql/schema';
import { readGraph } from '../../src/ingest/export';
import { openTestGraph, TestApi, TestGraph, WRITER } from '../helpers/graph';

/**
 * Injection, generated from the schema: Cypher, Lucene and JSON metacharacters go through every
 * string argument and input field. Reads leave the graph byte for byte as it was; writes store the
 * strings as data. New fields are covered as soon as the schema has them.
 */
const PAYLOADS = [
  "' }) MATCH (n) DETACH DELETE n //",
  '"}) CALL db.clearQueryCaches() RETURN 1 //',
  '`x` $(label) {{maxDepth}} $param',
  '*:* OR name:/.*/ AND -x ~^"[]{}\\',
  '{"$gt": ""} </script><script>alert(1)</script>',
  '\u0000\u0007 \ud83d\ude00 \u202e',
];

let db: TestGraph;
let api: TestApi;
beforeAll(() => {
  db = openTestGraph();
  api = new TestApi(db.graph);
});
afterAll(async () => {
  const session = db.driver.session();
  await session.run("MATCH (n:Entity) WHERE n.id STARTS WITH 'inj-' DETACH DELETE n");
  await session.run("MATCH ()-[l:SUBSIDIARY_OF|DIVISION_OF]->() WHERE l.id STARTS WITH 'inj-' DELETE l");
  await session.close();
  await api.stop();
  await db.close();
});

async function digest(): Promise<string> {
  const hash = crypto.createHash('sha256');
  for (const r of await readGraph(db.graph)) hash.update(JSON.stringify(r) + '\n');
  return hash.digest('hex');
}

/** A value for an argument or input field: the payload for strings, something valid otherwise. */
function valueFor(type: GraphQLInputType, payload: string, depth = 0): unknown {
  const t = getNullableType(type) as GraphQLInputType;
  if (isListType(t)) return [valueFor(t.ofType, payload, depth)];
  if (isEnumType(t)) return t.getValues()[0].value;
  if (isInputObjectType(t)) return depth > 3 ? undefined : inputFor(t, payload, depth + 1, true);
  if (isScalarType(t)) {
    if (t.name === 'String' || t.name === 'ID') return payload;
    if (t.name === 'Int') return 1;
    if (t.name === 'Float') return 0.5;
    if (t.name === 'Boolean') return false;
    if (t.name === 'Date') return '2024-01-10';
  }
  return undefined;
}

function inputFor(type: GraphQLInputObjectType, payload: string, depth = 0, all = false): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of Object.values(type.getFields())) {
    if (all || isNonNullType(field.type)) out[field.name] = valueFor(field.type, payload, depth);
  }
  return out;
}

function selectionFor(field: GraphQLField<unknown, unknown>): string {
  const named = getNamedType(field.type);
  return isObjectType(named) || isInterfaceType(named) ? '{ __typename }' : '';
}

/** Every query field with every argument set: strings to the payload, the rest to valid values. */
function readOperations(payload: string): Array<{ name: string; query: string; variables: Record<string, unknown> }> {
  const fields = Object.values(getSchema().getQueryType()!.getFields());
  return fields.map((field) => {
    const args = field.args as GraphQLArgument[];
    const variables = Object.fromEntries(args.map((a) => [a.name, valueFor(a.type, payload)]));
    const defs = args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
    const uses = args.map((a) => `${a.name}: $${a.name}`).join(', ');
    return {
      name: field.name,
      query: `query${defs ? `(${defs})` : ''} { ${field.name}${uses ? `(${uses})` : ''} ${selectionFor(field)} }`,
      variables,
    };
  });
}

describe('reads with metacharacters in every string argument', () => {
  it.each(PAYLOADS)('leave the graph byte for byte unchanged, never erring inside: %j', async (payload) => {
    const before = await digest();
    const operations = readOperations(payload);
    expect(operations.length).toBeGreaterThan(20);
    for (const op of operations) {
      const answer = await api.execute(op.query, op.variables);
      const codes = (answer.errors ?? []).map((e) => e.extensions?.code);
      expect([op.name, codes.filter((c) => c === 'INTERNAL_SERVER_ERROR')]).toEqual([op.name, []]);
    }
    expect(await digest()).toBe(before);
  });
});

/** A valid input for each write, into which every free-text field gets the payload in turn. */
const BASE_INPUTS: Record<string, (id: string) => Record<string, unknown>> = {
  SourceInput: (id) => ({ id, kind: 'NEWS_ARTICLE', title: 'Base title', published: { on: '2024-01-10' } }),
  OrganizationInput: (id) => ({ id, name: 'Base', kind: 'COMPANY', sources: [{ source: 'inj-src', quote: 'base quote' }] }),
  PersonInput: (id) => ({ id, name: 'Base', sources: [{ source: 'inj-src' }] }),
  RoleInput: (id) => ({ id, person: 'andy-jassy', organization: 'amazon', title: 'Base', roleType: 'OTHER', sources: [{ source: 'inj-src' }] }),
  MarketInput: (id) => ({ id, name: 'Base', kind: 'SEGMENT', sources: [{ source: 'inj-src' }] }),
  MarketPresenceInput: (id) => ({ id, organization: 'amazon', market: 'music-streaming', status: 'ACTIVE', sources: [{ source: 'inj-src' }] }),
  AcquisitionInput: (id) => ({
    id,
    acquirer: 'amazon',
    target: 'netflix',
    status: 'ANNOUNCED',
    price: { amount: 1, currency: 'USD', text: 'one dollar' },
    sources: [{ source: 'inj-src' }],
  }),
  OwnershipInput: (id) => ({ id, kind: 'DIVISION', child: 'inj-org', parent: 'amazon', sources: [{ source: 'inj-src', quote: 'base' }] }),
  LayoffEventInput: (id) => ({
    id,
    organizations: ['amazon'],
    announced: { on: '2024-01', text: 'base' },
    headcount: { min: 1, max: 2, text: 'base' },
    regions: [{ market: 'americas', note: 'base' }],
    sources: [{ source: 'inj-src' }],
  }),
  MarketMetricInput: (id) => ({
    id,
    name: 'Base',
    markets: ['united-states'],
    period: { on: '2024' },
    value: { value: 1, text: 'base' },
    basis: 'ACTUAL',
    sources: [{ source: 'inj-src' }],
  }),
  ClaimInput: (id) => ({ id, subject: 'amazon', property: 'base', text: 'base', sources: [{ source: 'inj-src' }] }),
  RedirectInput: (id) => ({ id, target: 'inj-org', reason: 'SAME_AS', name: 'base', sources: [{ source: 'inj-src' }] }),
};

/** Paths (a.b.0.c) of the free-text String fields of an input type: ids and enums are validated apart. */
function textPaths(type: GraphQLInputObjectType, prefix = ''): string[] {
  const paths: string[] = [];
  for (const field of Object.values(type.getFields())) {
    const t = getNullableType(field.type);
    const inner = isListType(t) ? getNullableType(t.ofType) : t;
    const at = `${prefix}${field.name}${isListType(t) ? '.0' : ''}`;
    if (isInputObjectType(inner)) paths.push(...textPaths(inner, `${at}.`));
    else if (
      isScalarType(inner) &&
      inner.name === 'String' &&
      // Validated codes (an identifier's value, a country), and a ticker's exchange, which needs a ticker unique to one entity.
      !['on', 'earliest', 'latest', 'currency', 'url', 'website', 'language', 'isoCode', 'value', 'country', 'exchange'].includes(field.name)
    )
      paths.push(at);
  }
  return paths;
}

function setPath(target: Record<string, any>, path: string, value: unknown): void {
  const keys = path.split('.');
  let at: any = target;
  for (const key of keys.slice(0, -1)) {
    at[key] ??= /^\d+$/.test(keys[keys.indexOf(key) + 1] ?? '') ? [{}] : {};
    at = at[key];
  }
  at[keys[keys.length - 1]] = value;
}

function getPath(target: any, path: string): unknown {
  return path.split('.').reduce((at, key) => (at === undefined || at === null ? undefined : at[key]), target);
}

/** The input object type that holds the last field of a path (for the FuzzyDateInput of founded.text). */
function holderType(type: GraphQLInputObjectType, path: string): GraphQLInputObjectType {
  let at = type;
  for (const key of path.split('.').slice(0, -1)) {
    if (/^\d+$/.test(key)) continue;
    const t = getNullableType(at.getFields()[key].type);
    at = (isListType(t) ? getNamedType(t) : t) as GraphQLInputObjectType;
  }
  return at;
}

/**
 * A date or amount that only has its wording must still state something: a year, or an unknown amount;
 * an identifier's locator needs an identifier (one of its own: an identifier names one entity).
 */
const ANCHORS: Record<string, (n: number) => Record<string, unknown>> = {
  FuzzyDateInput: () => ({ on: '2024' }),
  QuantityInput: () => ({ qualifier: 'UNKNOWN' }),
  IdentifierInput: (n) => ({ scheme: 'WIKIDATA', value: `Q${990000000 + n}` }),
};

/** Where the stored record keeps what the input path wrote (the export format mirrors the inputs). */
const STORED_AT: Record<string, string> = {
  'price.text': 'price.text',
  'sources.0.quote': 'sources.0.quote',
  'identifiers.0.locator': 'identifiers.0.locator',
};

describe('writes with metacharacters in every free-text input field', () => {
  const mutations = Object.values(getSchema().getMutationType()!.getFields()).filter((m) => m.name.startsWith('upsert'));

  it('has a base input for every upsert mutation (add one when the schema grows)', () => {
    for (const m of mutations)
      expect([m.name, Boolean(BASE_INPUTS[(getNamedType(m.args.find((a) => a.name === 'input')!.type) as GraphQLInputObjectType).name])]).toEqual([
        m.name,
        true,
      ]);
  });

  it('store each string exactly as data', async () => {
    await api.data('mutation($s: SourceInput!) { upsertSource(input: $s) { id } }', { s: BASE_INPUTS.SourceInput('inj-src') }, WRITER);
    await api.data('mutation($o: OrganizationInput!) { upsertOrganization(input: $o) { id } }', { o: BASE_INPUTS.OrganizationInput('inj-org') }, WRITER);
    let checked = 0;
    for (const mutation of mutations) {
      const inputType = getNamedType(mutation.args.find((a) => a.name === 'input')!.type) as GraphQLInputObjectType;
      for (const textPath of textPaths(inputType)) {
        for (const payload of PAYLOADS.slice(0, 5)) {
          const id = `inj-${mutation.name.toLowerCase()}-${checked}`;
          const input = BASE_INPUTS[inputType.name](mutation.name === 'upsertOrganization' ? 'inj-org' : mutation.name === 'upsertSource' ? 'inj-src' : id);
          setPath(input, textPath, payload);
          const holder = holderType(inputType, textPath).name;
          const parentPath = textPath.split('.').slice(0, -1).join('.');
          if (ANCHORS[holder] && parentPath) {
            const parent = getPath(input, parentPath) as Record<string, unknown>;
            if (!['on', 'earliest', 'latest', 'value', 'min', 'max', 'qualifier'].some((k) => k in parent)) Object.assign(parent, ANCHORS[holder](checked));
          }
          const answer = await api.execute(`mutation($i: ${inputType.name}!) { ${mutation.name}(input: $i) { __typename } }`, { i: input }, WRITER);
          expect([mutation.name, textPath, answer.errors]).toEqual([mutation.name, textPath, undefined]);
          const stored = (await readGraph(db.graph)).find((r) => r.id === input.id)!;
          expect([mutation.name, textPath, getPath(stored, STORED_AT[textPath] ?? textPath)]).toEqual([mutation.name, textPath, payload]);
          checked += 1;
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
  });
});
