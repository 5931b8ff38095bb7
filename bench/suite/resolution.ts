import 'reflect-metadata';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig, PROJECT_ROOT } from '../../src/config';
import { CypherCatalog } from '../../src/graph/cypher-catalog';
import { GraphClient } from '../../src/graph/graph-client';
import { CsvRow, readCsvRows } from '../../src/ingest/csv-rows';
import { createLogger } from '../../src/logger';
import { proposeOrganizationTwins, resolveEmployerNames } from '../../src/resolution/auto-resolve';
import { Candidate, candidatesParams, FULLTEXT_CANDIDATES, PreparedName, prepareName, rankCandidates } from '../../src/resolution/candidates';
import { verdictFor } from '../../src/resolution/decisions';
import { THRESHOLDS } from '../../src/resolution/rules';
import { createApp } from '../../src/server';
import { startBenchNeo4j } from '../bench-neo4j';
import { latencyAtOne, throughput } from './measure';
import { loadRealGraph } from './real-graph';

/**
 * Entity resolution on the real-data graph (GLEIF, SEC, WARN; bench/suite/real-graph.ts), loaded
 * afresh into its own Neo4j (var/neo4j/bench-resolution) because the run writes decisions:
 *   1. quality against the labelled sets in eval/resolution/ (precision of automatic decisions, recall
 *      of the top candidate), before anything is decided;
 *   2. the API's resolutionCandidates over HTTP: p50 at concurrency 1 over the labelled names, and
 *      names per second at 16;
 *   3. an automatic run over every unlinked WARN employer name: time, decisions, notices linked; then
 *      the proposals of organizations that share a name key.
 * Results in bench/results/resolution.json.
 *
 *   npm run bench:resolution [-- --keep]          (--keep: reuse the loaded graph, skip the full run)
 *   npm run bench:resolution -- --dump 300        (candidates of a sample of WARN names, for labelling)
 *   npm run bench:resolution -- --dump-sec 100    (candidates of a sample of SEC filers among the other organizations)
 */
const HOME = path.join(PROJECT_ROOT, 'var', 'neo4j', 'bench-resolution');
const PORT = Number(process.env.BENCH_RESOLUTION_BOLT_PORT ?? 7693);
const EVAL = path.join(PROJECT_ROOT, 'eval', 'resolution');
const log = (line: string) => console.log(line);
const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i < 0 ? undefined : process.argv[i + 1];
};

interface Labelled {
  name: string;
  country: string | null;
  /** Organization ids the name may be resolved to (its company, or any of the family); empty: none in the graph. */
  expected: string[];
  set: string;
}

function readLabels(file: string, set: string): Labelled[] {
  const rows: CsvRow[] = [];
  for (const row of readCsvRows(path.join(EVAL, file))) {
    if ('problem' in row) throw new Error(`${file}:${row.line} ${row.problem}`);
    rows.push(row);
  }
  return rows.map((r) => ({
    name: r.get('name'),
    country: r.get('country') || null,
    expected: r.get('expected') ? r.get('expected').split('|') : [],
    set,
  }));
}

async function candidatesFor(
  graph: GraphClient,
  names: Array<{ name: string; country: string | null }>,
  first = 5,
): Promise<Array<{ prepared: PreparedName; candidates: Candidate[] }>> {
  const out: Array<{ prepared: PreparedName; candidates: Candidate[] }> = [];
  for (let start = 0; start < names.length; start += 100) {
    const prepared = names.slice(start, start + 100).map((n, i) => prepareName({ name: n.name.slice(0, 200), country: n.country }, start + i));
    const rows = await graph.read('resolution/candidates', candidatesParams(prepared, FULLTEXT_CANDIDATES));
    const ranked = rankCandidates(rows, prepared, first);
    for (const p of prepared) out.push({ prepared: p, candidates: ranked.get(p.ref) ?? [] });
  }
  return out;
}

/** Precision of automatic decisions and recall of the top candidate, per labelled set and overall. */
async function evaluate(graph: GraphClient, labelled: Labelled[]) {
  const found = await candidatesFor(graph, labelled);
  const bySet: Record<
    string,
    { names: number; withMatch: number; top1Correct: number; auto: number; autoCorrect: number; autoWrong: string[]; top1Wrong: string[] }
  > = {};
  for (const [i, l] of labelled.entries()) {
    const s = (bySet[l.set] ??= { names: 0, withMatch: 0, top1Correct: 0, auto: 0, autoCorrect: 0, autoWrong: [], top1Wrong: [] });
    const { prepared, candidates } = found[i];
    // A pair set asks which other organization a name means: the organization it was taken from is not an answer.
    const own = l.set === 'sec-gleif' ? candidates.filter((c) => !String(c.node.id).startsWith('cik-')) : candidates;
    // A candidate is right when it is an expected organization or belongs to one (an establishment an earlier run made, a subsidiary).
    const right = (c: Candidate | undefined) => Boolean(c) && [String(c!.node.id), ...c!.ancestorIds].some((id) => l.expected.includes(id));
    const top = own[0] ? String(own[0].node.id) : null;
    s.names += 1;
    if (l.expected.length) {
      s.withMatch += 1;
      if (right(own[0])) s.top1Correct += 1;
      else s.top1Wrong.push(`${l.name} -> ${top ?? 'nothing'} (expected ${l.expected.join('|')})`);
    }
    const verdict = verdictFor(prepared, own);
    if (verdict?.status === 'ACCEPTED') {
      s.auto += 1;
      if (right(verdict.candidate)) s.autoCorrect += 1;
      else s.autoWrong.push(`${l.name} -> ${String(verdict.candidate.node.id)} (expected ${l.expected.join('|') || 'none'})`);
    }
  }
  const total = Object.values(bySet).reduce(
    (t, s) => ({
      withMatch: t.withMatch + s.withMatch,
      top1Correct: t.top1Correct + s.top1Correct,
      auto: t.auto + s.auto,
      autoCorrect: t.autoCorrect + s.autoCorrect,
    }),
    { withMatch: 0, top1Correct: 0, auto: 0, autoCorrect: 0 },
  );
  const ratio = (a: number, b: number) => (b ? Math.round((a / b) * 10000) / 10000 : null);
  return {
    sets: Object.fromEntries(
      Object.entries(bySet).map(([set, s]) => [
        set,
        { ...s, top1Recall: ratio(s.top1Correct, s.withMatch), autoPrecision: ratio(s.autoCorrect, s.auto), autoRecall: ratio(s.autoCorrect, s.withMatch) },
      ]),
    ),
    overall: {
      ...total,
      top1Recall: ratio(total.top1Correct, total.withMatch),
      autoPrecision: ratio(total.autoCorrect, total.auto),
      autoRecall: ratio(total.autoCorrect, total.withMatch),
    },
  };
}

/** A sample of WARN employer names with their candidates, for labelling: half by hash, half among names with a candidate worth a look. */
async function dump(graph: GraphClient, size: number): Promise<void> {
  const rows = await graph.read('resolution/employer-names');
  const hash = (s: string) => crypto.createHash('sha256').update(s).digest('hex');
  const names = rows
    .map((r) => ({ name: String(r.name), country: (r.country as string | null) ?? null, notices: Number(r.notices) }))
    .sort((a, b) => (hash(a.name) < hash(b.name) ? -1 : 1));
  const random = names.slice(0, size / 2);
  const rest = names.slice(size / 2, size * 20);
  const withCandidates = (await candidatesFor(graph, rest, 3)).filter((f) => (f.candidates[0]?.score ?? 0) >= THRESHOLDS.REVIEW_FLOOR - 0.1).slice(0, size / 2);
  const found = [
    ...(await candidatesFor(graph, random, 3)).map((f) => ({ ...f, stratum: 'random' })),
    ...withCandidates.map((f) => ({ ...f, stratum: 'candidates' })),
  ];
  const out = found.map((f) =>
    [
      f.stratum,
      f.prepared.name,
      f.prepared.country ?? '',
      ...f.candidates.flatMap((c) => [
        String(c.node.id),
        String(c.node.name),
        String(c.node.country ?? ''),
        String(c.score),
        c.reasons.map((r) => r.kind).join('+'),
      ]),
    ].join('\t'),
  );
  const file = path.join(PROJECT_ROOT, 'var', 'resolution-sample.tsv');
  fs.writeFileSync(file, out.join('\n') + '\n');
  log(`Wrote ${out.length} names with their candidates to ${path.relative(PROJECT_ROOT, file)}`);
}

/** A sample of SEC filers' names with their candidates among the other organizations, for labelling pairs. */
async function dumpSec(graph: GraphClient, size: number): Promise<void> {
  const file = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'var', 'data', 'sec', 'company_tickers_exchange.json'), 'utf8')) as {
    fields: string[];
    data: unknown[][];
  };
  const [cik, name] = ['cik', 'name'].map((f) => file.fields.indexOf(f));
  const hash = (s: string) => crypto.createHash('sha256').update(s).digest('hex');
  const filers = [...new Map(file.data.map((r) => [Number(r[cik]), String(r[name])])).entries()].sort((a, b) => (hash(a[1]) < hash(b[1]) ? -1 : 1));
  const found = await candidatesFor(
    graph,
    filers.slice(0, size * 4).map(([, n]) => ({ name: n, country: null })),
    6,
  );
  const lines = found
    .map((f, i) => ({ f, cik: filers[i][0] }))
    .filter(({ f }, i) => i < size / 2 || f.candidates.some((c) => !String(c.node.id).startsWith('cik-') && c.score >= 0.6))
    .slice(0, size)
    .map(({ f, cik: number }) =>
      [
        number,
        f.prepared.name,
        ...f.candidates
          .filter((c) => !String(c.node.id).startsWith('cik-'))
          .slice(0, 3)
          .flatMap((c) => [String(c.node.id), String(c.node.name), String(c.node.country ?? ''), String(c.score)]),
      ].join('\t'),
    );
  const out = path.join(PROJECT_ROOT, 'var', 'resolution-sec-sample.tsv');
  fs.writeFileSync(out, lines.join('\n') + '\n');
  log(`Wrote ${lines.length} SEC filers with their candidates to ${path.relative(PROJECT_ROOT, out)}`);
}

const CANDIDATES =
  'query Candidates($name: String!, $country: String) { resolutionCandidates(name: $name, country: $country, first: 5) { organization { id name } score } }';

async function main(): Promise<void> {
  const keep = process.argv.includes('--keep') || process.argv.includes('--dump') || process.argv.includes('--dump-sec');
  const load = await loadRealGraph(HOME, PORT, { reload: !keep });
  log(`Real data: ${load.records.toLocaleString('en-US')} records, loaded in ${load.seconds.toFixed(1)} s`);
  process.env.BENCH_NEO4J_HEAP_MB ??= '2048';
  process.env.BENCH_NEO4J_PAGECACHE_MB ??= '1024';
  const neo4j = await startBenchNeo4j({ name: 'bench-resolution', port: PORT });
  const graph = new GraphClient(neo4j.driver, loadConfig().neo4j.database, CypherCatalog.load(), 3_600_000);
  try {
    const dumpSize = arg('--dump');
    if (dumpSize) return await dump(graph, Number(dumpSize));
    const secSize = arg('--dump-sec');
    if (secSize) return await dumpSec(graph, Number(secSize));

    const labelled = [...readLabels('warn-employers.csv', 'warn'), ...readLabels('sec-gleif-pairs.csv', 'sec-gleif')];
    const quality = await evaluate(graph, labelled);
    for (const [set, s] of Object.entries(quality.sets)) {
      log(
        `  ${set}: ${s.names} names (${s.withMatch} with a match): top-1 recall ${s.top1Recall}, automatic ${s.auto} at precision ${s.autoPrecision} (recall ${s.autoRecall})`,
      );
      for (const wrong of s.autoWrong) log(`    automatic and wrong: ${wrong}`);
    }
    log(`  overall: top-1 recall ${quality.overall.top1Recall} (target >= 0.9), automatic precision ${quality.overall.autoPrecision} (target >= 0.99)`);

    // The API's own answer time: an in-process server, as a client sees it over HTTP.
    const app = createApp({
      config: loadConfig({ ...process.env, RATE_LIMIT_PER_MINUTE: '0', RATE_LIMIT_EXPENSIVE_PER_MINUTE: '0', LOG_LEVEL: 'silent' }),
      graph,
      logger: createLogger('silent'),
      isSchemaApplied: () => true,
    });
    const port = await app.listen(0, '127.0.0.1');
    const url = `http://127.0.0.1:${port}/graphql`;
    const samples: number[] = [];
    for (const l of labelled) {
      const body = JSON.stringify({ query: CANDIDATES, variables: { name: l.name.slice(0, 200), country: l.country } });
      const started = process.hrtime.bigint();
      await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      samples.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
    samples.sort((a, b) => a - b);
    const one = await latencyAtOne(url, JSON.stringify({ query: CANDIDATES, variables: { name: 'Amazon Logistics - DLA3', country: 'US' } }), 3);
    const at16 = await throughput(url, JSON.stringify({ query: CANDIDATES, variables: { name: 'Amazon Logistics - DLA3', country: 'US' } }), 16, 5);
    await app.stop();
    const latency = {
      labelledNames: samples.length,
      p50Ms: samples[Math.floor(samples.length / 2)],
      p95Ms: samples[Math.floor(samples.length * 0.95)],
      oneNameP50Ms: one.p50,
      namesPerSecondAt16: at16.perSecond,
    };
    log(
      `  resolutionCandidates: p50 ${latency.p50Ms.toFixed(1)} ms over ${samples.length} labelled names (p95 ${latency.p95Ms.toFixed(1)}; target p50 < 20 ms), ` +
        `${latency.namesPerSecondAt16.toFixed(0)} names/s at c=16`,
    );

    let run: unknown = null;
    if (!process.argv.includes('--keep')) {
      const names = await resolveEmployerNames(graph, { onBatch: (done, total) => process.stdout.write(`\r  resolving ${done} of ${total} names`) });
      process.stdout.write('\n');
      const twins = await proposeOrganizationTwins(graph);
      const { decisions, ...summary } = names;
      // A sample of the automatic decisions to check by hand beyond the labelled sets: salted, so not the labelled names again.
      const hash = (text: string) => crypto.createHash('sha256').update(`automatic-sample:${text}`).digest('hex');
      const automaticSample = decisions
        .filter((d) => d.status === 'ACCEPTED')
        .sort((a, b) => (hash(a.name) < hash(b.name) ? -1 : 1))
        .slice(0, 50)
        .map((d) => ({ name: d.name, kind: d.kind, candidate: d.candidateId, score: d.score, evidence: d.reasons.map((r) => r.kind).join('+') }));
      run = { ...summary, namesPerSecond: Math.round(summary.names / (summary.ms / 1000)), organizationTwins: twins, automaticSample };
      log(
        `  all WARN notices: ${summary.notices.toLocaleString('en-US')} notices under ${summary.names.toLocaleString('en-US')} unlinked names resolved in ${(summary.ms / 1000).toFixed(1)} s: ` +
          `${summary.accepted.SAME_AS} same-as and ${summary.accepted.ESTABLISHMENT_OF} establishment decisions (${summary.linked} notices linked), ${summary.pending} for review, ${summary.unmatched} without a candidate`,
      );
      log(`  organizations sharing a name key: ${twins.groups} groups, ${twins.proposed} merges proposed for review (${(twins.ms / 1000).toFixed(1)} s)`);
    }
    const out = { when: new Date().toISOString(), load: { records: load.records, seconds: load.seconds }, thresholds: THRESHOLDS, quality, latency, run };
    fs.writeFileSync(path.join(PROJECT_ROOT, 'bench', 'results', 'resolution.json'), JSON.stringify(out, null, 2) + '\n');
    log('Wrote bench/results/resolution.json');
  } finally {
    await neo4j.stop();
  }
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
