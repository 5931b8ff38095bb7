import 'reflect-metadata';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { PROJECT_ROOT } from '../../src/config';
import { RunningContender, startContenders } from './contenders';
import { openDataset, Scale, SCALES } from './dataset';
import { runRealScale } from './real-data';
import { latencyAtOne, post, throughput } from './measure';
import { chart, checkTargets, median, NOTE, RequestFigures, SuiteResult, table } from './report';
import { BenchRequest, Call, CONTENDERS, Contender, cursorsAfterPage1, REQUESTS } from './requests';

/**
 * The performance suite: corpgraph against the Neo4j GraphQL Library and hand-written Cypher on the
 * same Neo4j and the same generated graph. For each scale: check that the three return the same
 * data for each request, warm up, then three interleaved repeats of latency at concurrency 1 and
 * throughput at concurrency 16; medians, ratios and targets go to bench/results/suite-<scale>.json,
 * a table to the console and a chart to bench/results/suite-<scale>.svg.
 *
 *   npm run bench                         the 10k scale, a few minutes
 *   npm run bench -- --scale 1m           100k, 1m, real or all (10k,100k,1m,real); loads a scale's graph once
 *                                         (real: search and identifier look-up on the real-data graph, real-data.ts)
 *   npm run bench -- --smoke              only the check that the three agree (10k), what CI runs
 *   npm run bench -- --only chain,family  some requests only (names or their first word), printed, not written
 */
function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
}

const settings = {
  repeats: Number(option('repeats', '3')),
  latencySeconds: Number(option('latency-seconds', '2')),
  throughputSeconds: Number(option('throughput-seconds', '4')),
  connections: 16,
  warmupSeconds: Number(option('warmup-seconds', '2')),
};
const RESULTS = path.join(PROJECT_ROOT, 'bench', 'results');
const log = (line: string) => console.log(line);

type Plan = { request: BenchRequest; calls: Record<Contender, Call> };

async function ask(contender: RunningContender, request: string, call: Call): Promise<unknown> {
  const agent = new http.Agent({ keepAlive: false });
  try {
    return call.canonical(await post(agent, contender.url(request), JSON.stringify(call.body)));
  } finally {
    agent.destroy();
  }
}

/** The calls of every request; the paged one asks each contender for page 1 to learn its cursor. */
async function plan(contenders: RunningContender[], samples: Parameters<BenchRequest['calls']>[0], only: string[] | null): Promise<Plan[]> {
  const plans: Plan[] = [];
  for (const request of REQUESTS.filter((r) => !only || only.some((o) => r.name === o || r.name.startsWith(`${o}-`)))) {
    let cursors = null;
    if (request.paged) {
      const first = request.calls(samples, null);
      const answers = {} as Record<Contender, unknown>;
      for (const c of contenders) answers[c.name] = await post(new http.Agent(), c.url(request.name), JSON.stringify(first[c.name].body));
      cursors = cursorsAfterPage1(answers);
    }
    plans.push({ request, calls: request.calls(samples, cursors) });
  }
  return plans;
}

/** A benchmark of different answers is worthless: every request must give the same data from all three. */
async function checkSameData(contenders: RunningContender[], plans: Plan[]): Promise<void> {
  const problems: string[] = [];
  for (const { request, calls } of plans) {
    const answers = await Promise.all(contenders.map((c) => ask(c, request.name, calls[c.name])));
    const size = Array.isArray(answers[0]) ? `${(answers[0] as unknown[]).length} items` : 'one object';
    if (Array.isArray(answers[0]) && (answers[0] as unknown[]).length === 0) problems.push(`${request.name}: empty answer, nothing to compare`);
    for (let i = 1; i < answers.length; i += 1) {
      if (!isDeepStrictEqual(answers[0], answers[i])) {
        problems.push(
          `${request.name}: ${contenders[i].name} differs from corpgraph\n  corpgraph: ${JSON.stringify(answers[0]).slice(0, 600)}\n  ${contenders[i].name}: ${JSON.stringify(answers[i]).slice(0, 600)}`,
        );
      }
    }
    log(`  same data: ${request.name} (${size})${problems.some((p) => p.startsWith(request.name)) ? ' - NO' : ''}`);
  }
  if (problems.length) throw new Error(`The contenders disagree:\n${problems.join('\n')}`);
}

/** Rotates the contenders' order from repeat to repeat, so that none always runs first or last. */
const rotated = <T>(list: T[], by: number): T[] => list.map((_, i) => list[(i + by) % list.length]);

async function runScale(scale: Scale, smoke: boolean, only: string[] | null): Promise<SuiteResult | null> {
  log(`\n== ${scale}: ${SCALES[scale].organizations.toLocaleString('en-US')} organizations`);
  const dataset = await openDataset(scale, log);
  const contenders = await startContenders(dataset.neo4j);
  try {
    const plans = await plan(contenders, dataset.samples, only);
    if (!plans.length) throw new Error(`--only: no request named ${only!.join(', ')} (${REQUESTS.map((r) => r.name).join(', ')})`);
    await checkSameData(contenders, plans);
    if (smoke) return null;

    log(`  warm-up: ${settings.warmupSeconds} s per request and contender`);
    for (const { request, calls } of plans) {
      for (const c of contenders) await throughput(c.url(request.name), JSON.stringify(calls[c.name].body), 4, settings.warmupSeconds);
    }
    const c1: Record<string, Record<Contender, Awaited<ReturnType<typeof latencyAtOne>>[]>> = {};
    const c16: Record<string, Record<Contender, Awaited<ReturnType<typeof throughput>>[]>> = {};
    for (const { request } of plans) {
      c1[request.name] = { corpgraph: [], 'neo4j-graphql': [], 'raw-cypher': [] };
      c16[request.name] = { corpgraph: [], 'neo4j-graphql': [], 'raw-cypher': [] };
    }
    for (let repeat = 0; repeat < settings.repeats; repeat += 1) {
      log(`  repeat ${repeat + 1}/${settings.repeats}: latency at concurrency 1`);
      for (const { request, calls } of plans) {
        for (const c of rotated(contenders, repeat))
          c1[request.name][c.name].push(await latencyAtOne(c.url(request.name), JSON.stringify(calls[c.name].body), settings.latencySeconds));
      }
      log(`  repeat ${repeat + 1}/${settings.repeats}: throughput at concurrency ${settings.connections}`);
      for (const { request, calls } of plans) {
        for (const c of rotated(contenders, repeat)) {
          const run = await throughput(c.url(request.name), JSON.stringify(calls[c.name].body), settings.connections, settings.throughputSeconds);
          // Kept and shown, not fatal: one slow moment should not cost an hour-long run its other figures.
          if (run.errors) log(`    ${c.name}: ${run.errors} of ${run.requests} ${request.name} requests failed under load (see var/bench/${c.name}.log)`);
          c16[request.name][c.name].push(run);
        }
      }
    }
    const requests: RequestFigures[] = plans.map(({ request }) => {
      const figures = Object.fromEntries(
        CONTENDERS.map((c) => {
          const lat = c1[request.name][c];
          const thr = c16[request.name][c];
          return [
            c,
            {
              c1: { p50: median(lat.map((l) => l.p50)), p99: median(lat.map((l) => l.p99)), repeats: lat },
              c16: {
                perSecond: median(thr.map((t) => t.perSecond)),
                p99: median(thr.map((t) => t.p99)),
                errors: thr.reduce((s, t) => s + t.errors, 0),
                repeats: thr,
              },
            },
          ];
        }),
      ) as RequestFigures['contenders'];
      return {
        name: request.name,
        title: request.title,
        scaleFree: request.scaleFree,
        contenders: figures,
        ratios: {
          p50VsRaw: figures.corpgraph.c1.p50 / figures['raw-cypher'].c1.p50,
          throughputVsPeer: figures.corpgraph.c16.perSecond / figures['neo4j-graphql'].c16.perSecond,
          c1SpeedupVsPeer: figures['neo4j-graphql'].c1.p50 / figures.corpgraph.c1.p50,
        },
      };
    });
    const peakRssMb = Object.fromEntries(contenders.map((c) => [c.name, c.peakRssMb()])) as Record<Contender, number>;
    const partial = { scale, when: new Date().toISOString(), note: NOTE, dataset: dataset.info, settings, requests, peakRssMb };
    const smallestFile = path.join(RESULTS, 'suite-10k.json');
    const smallest = scale === '1m' && fs.existsSync(smallestFile) ? (JSON.parse(fs.readFileSync(smallestFile, 'utf8')) as SuiteResult) : undefined;
    return { ...partial, targets: checkTargets(partial, smallest) };
  } finally {
    for (const c of contenders) await c.stop();
    await dataset.neo4j.stop();
  }
}

async function main(): Promise<void> {
  const smoke = process.argv.includes('--smoke');
  const only = process.argv.includes('--only') ? option('only', '').split(',') : null;
  const chosen = option('scale', '10k');
  const asked = chosen === 'all' ? [...Object.keys(SCALES), 'real'] : chosen.split(',');
  for (const scale of asked)
    if (!(scale in SCALES) && scale !== 'real') throw new Error(`--scale: one of ${Object.keys(SCALES).join(', ')}, real or all, got ${scale}`);
  const scales = asked.filter((s): s is Scale => s in SCALES);
  for (const scale of smoke ? (['10k'] as Scale[]) : scales) {
    const result = await runScale(scale, smoke, smoke ? null : only);
    if (!result) {
      log('smoke: corpgraph, @neo4j/graphql and raw Cypher return the same data for all six requests');
      continue;
    }
    if (only) {
      log('\n' + table(result) + '\n(--only: not written to bench/results)');
      continue;
    }
    fs.mkdirSync(RESULTS, { recursive: true });
    fs.writeFileSync(path.join(RESULTS, `suite-${scale}.json`), JSON.stringify(result, null, 2) + '\n');
    fs.writeFileSync(path.join(RESULTS, `suite-${scale}.svg`), chart(result));
    log('\n' + table(result));
    log(`\nwritten: bench/results/suite-${scale}.json and suite-${scale}.svg`);
  }
  if (!smoke && asked.includes('real')) await runRealScale({ reload: process.argv.includes('--reload') });
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
