import 'reflect-metadata';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { PROJECT_ROOT } from '../../src/config';
import { luceneQuery } from '../../src/graph/lucene';
import { fulltextLimit, searchKeys } from '../../src/graphql/search/search.service';
import { identifierKey, IdentifierScheme, IDENTIFIER_SCHEMES } from '../../src/ingest/identifiers';
import { startBenchNeo4j } from '../bench-neo4j';
import { RunningContender, startContenders } from './contenders';
import { latencyAtOne, post, throughput } from './measure';
import { loadRealGraph } from './real-graph';
import type { Contender } from './requests';

/**
 * The real-data scale of the suite: the real GLEIF Level 1 records (about 400k), SEC tickers and WARN
 * notices that npm run data fetches, loaded with corpgraph first-load (Neo4j's bulk importer) into the
 * benchmarks' own Neo4j (var/neo4j/bench-real, once), then search and identifier look-up against
 * @neo4j/graphql and raw Cypher on it: same answers first, then p50 at concurrency 1 and throughput at
 * 16, medians of three interleaved repeats. Results in bench/results/suite-real.json.
 *
 *   npm run bench -- --scale real        (or npm run bench:real [-- --reload] [-- --check])
 */
const HOME = path.join(PROJECT_ROOT, 'var', 'neo4j', 'bench-real');
const PORT = Number(process.env.BENCH_REAL_BOLT_PORT ?? 7692);
const log = (line: string) => console.log(line);
const REPEATS = 3;

type Json = Record<string, unknown>;
type Call = { body: Json; canonical: (answer: unknown) => unknown };
interface RealRequest {
  name: string;
  calls: Record<Contender, Call>;
}

const graphql = (query: string, variables: Json) => ({ query, variables });
const data = (r: unknown) => (r as { data: Json }).data;
const rows = (r: unknown) => (r as { rows: Json[] }).rows;
const pick = (list: Json[]) => list.map((o) => ({ id: o.id, name: o.name }));

function searchRequest(text: string): RealRequest {
  const peerArgs = { ...searchKeys(text), query: luceneQuery(text)!, limit: 10, fulltextLimit: fulltextLimit(10) };
  return {
    name: `search "${text}"`,
    calls: {
      corpgraph: {
        body: graphql('query Search($text: String!) { search(text: $text, types: [ORGANIZATION], first: 10) { node { id ... on Organization { name } } } }', {
          text,
        }),
        canonical: (r) => pick((data(r).search as Array<{ node: Json }>).map((h) => h.node)),
      },
      'neo4j-graphql': {
        body: graphql(
          'query Search($key: String, $acronym: String, $query: String!, $limit: Int!, $fulltextLimit: Int!) { rankedOrganizations(key: $key, acronym: $acronym, query: $query, limit: $limit, fulltextLimit: $fulltextLimit) { id name } }',
          peerArgs,
        ),
        canonical: (r) => pick(data(r).rankedOrganizations as Json[]),
      },
      'raw-cypher': { body: { ...peerArgs, limit: 10 }, canonical: (r) => pick(rows(r)) },
    },
  };
}

function identifierRequest(scheme: IdentifierScheme, value: string): RealRequest {
  const key = identifierKey(scheme, IDENTIFIER_SCHEMES[scheme].canonical(value)!);
  return {
    name: `${scheme} look-up`,
    calls: {
      corpgraph: {
        body: graphql('query ById($scheme: IdentifierScheme!, $value: String!) { company(identifier: { scheme: $scheme, value: $value }) { id name } }', {
          scheme,
          value,
        }),
        canonical: (r) => pick([data(r).company as Json]),
      },
      'neo4j-graphql': {
        body: graphql('query ById($key: ID!) { identifiers(where: { key: { eq: $key } }) { identifies { id name } } }', { key }),
        canonical: (r) => pick((data(r).identifiers as Array<{ identifies: Json[] }>)[0].identifies),
      },
      'raw-cypher': { body: { key }, canonical: (r) => pick(rows(r)) },
    },
  };
}

const REQUESTS: RealRequest[] = [
  searchRequest('Amazon'),
  searchRequest('Microsoft'),
  searchRequest('MGM'),
  identifierRequest('LEI', '8JA4NT75BITP5LG6P072'),
  identifierRequest('CIK', '1018724'),
];
const RAW_ROUTE = (name: string) => (name.startsWith('search') ? 'real-search' : 'real-identifier');

async function answer(c: RunningContender, request: RealRequest): Promise<unknown> {
  const agent = new http.Agent({ keepAlive: false });
  try {
    return request.calls[c.name].canonical(await post(agent, urlOf(c, request), JSON.stringify(request.calls[c.name].body)));
  } finally {
    agent.destroy();
  }
}

const urlOf = (c: RunningContender, r: RealRequest) => c.url(RAW_ROUTE(r.name));
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export async function runRealScale({ reload = false, check = false }: { reload?: boolean; check?: boolean } = {}): Promise<void> {
  log('\n== real: the real GLEIF, SEC and WARN data');
  const load = await loadRealGraph(HOME, PORT, { reload });
  log(
    `Real data: ${load.records.toLocaleString('en-US')} records, first load ${load.seconds.toFixed(1)} s (${Math.round(load.records / load.seconds)} records/s)`,
  );
  process.env.BENCH_NEO4J_HEAP_MB ??= '2048';
  process.env.BENCH_NEO4J_PAGECACHE_MB ??= '1024';
  const neo4j = await startBenchNeo4j({ name: 'bench-real', port: PORT });
  const contenders = await startContenders(neo4j);
  const results: Array<Json> = [];
  try {
    for (const request of REQUESTS) {
      const answers = await Promise.all(contenders.map((c) => answer(c, request)));
      const same = answers.every((a) => isDeepStrictEqual(a, answers[0]));
      log(`  same data: ${request.name}${same ? '' : ' - NO'}`);
      if (!same)
        throw new Error(`The contenders disagree on ${request.name}:\n${answers.map((a, i) => `${contenders[i].name}: ${JSON.stringify(a)}`).join('\n')}`);
      if (check) continue;
      const p50: Record<string, number[]> = {};
      const rps: Record<string, number[]> = {};
      for (let repeat = 0; repeat < REPEATS; repeat += 1) {
        for (const c of contenders) {
          const body = JSON.stringify(request.calls[c.name].body);
          await throughput(urlOf(c, request), body, 4, 1); // warm-up
          (p50[c.name] ??= []).push((await latencyAtOne(urlOf(c, request), body, 2)).p50);
          (rps[c.name] ??= []).push((await throughput(urlOf(c, request), body, 16, 4)).perSecond);
        }
      }
      const row = Object.fromEntries(contenders.map((c) => [c.name, { p50Ms: median(p50[c.name]), perSecond: median(rps[c.name]) }])) as Record<
        Contender,
        { p50Ms: number; perSecond: number }
      >;
      results.push({
        request: request.name,
        answer: answers[0],
        ...row,
        p50VsRaw: row.corpgraph.p50Ms / row['raw-cypher'].p50Ms,
        throughputVsPeer: row.corpgraph.perSecond / row['neo4j-graphql'].perSecond,
      });
      log(
        `  ${request.name}: p50 corpgraph ${row.corpgraph.p50Ms.toFixed(2)} ms, peer ${row['neo4j-graphql'].p50Ms.toFixed(2)}, raw ${row['raw-cypher'].p50Ms.toFixed(2)}; ` +
          `throughput c=16 corpgraph ${row.corpgraph.perSecond.toFixed(0)}/s, peer ${row['neo4j-graphql'].perSecond.toFixed(0)}/s, raw ${row['raw-cypher'].perSecond.toFixed(0)}/s`,
      );
    }
    if (!check) {
      const out = {
        when: new Date().toISOString(),
        load,
        requests: results,
        peakRssMb: Object.fromEntries(contenders.map((c) => [c.name, Math.round(c.peakRssMb())])),
      };
      fs.writeFileSync(path.join(PROJECT_ROOT, 'bench', 'results', 'suite-real.json'), JSON.stringify(out, null, 2) + '\n');
      log('Wrote bench/results/suite-real.json');
    }
  } finally {
    for (const c of contenders) await c.stop();
    await neo4j.stop();
  }
}

if (require.main === module) {
  void runRealScale({ reload: process.argv.includes('--reload'), check: process.argv.includes('--check') }).catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
