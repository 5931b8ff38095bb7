import type { DatasetInfo, Scale } from './dataset';
import type { LatencyResult, ThroughputResult } from './measure';
import { CONTENDERS, Contender } from './requests';

export interface ContenderFigures {
  /** Concurrency 1: median over the repeats of each repeat's p50 and p99, in ms. */
  c1: { p50: number; p99: number; repeats: LatencyResult[] };
  /** Concurrency 16: median over the repeats of requests per second and p99 (ms). */
  c16: { perSecond: number; p99: number; errors: number; repeats: ThroughputResult[] };
}

export interface RequestFigures {
  name: string;
  title: string;
  scaleFree: boolean;
  contenders: Record<Contender, ContenderFigures>;
  ratios: {
    /** corpgraph p50 / raw Cypher p50 at concurrency 1 (target at most 1.3). */
    p50VsRaw: number;
    /** corpgraph req/s / @neo4j/graphql req/s at concurrency 16 (target at least 1.25). */
    throughputVsPeer: number;
    /** @neo4j/graphql p50 / corpgraph p50 at concurrency 1 (target at least 1: never slower). */
    c1SpeedupVsPeer: number;
  };
}

export interface SuiteResult {
  scale: Scale;
  when: string;
  note: string;
  dataset: DatasetInfo;
  settings: { repeats: number; latencySeconds: number; throughputSeconds: number; connections: number; warmupSeconds: number };
  requests: RequestFigures[];
  /** Peak resident memory (VmHWM) of each API process over the run, MB. */
  peakRssMb: Record<Contender, number>;
  targets: TargetCheck[];
}

export interface TargetCheck {
  target: string;
  request?: string;
  value: number;
  limit: number;
  met: boolean;
}

export const NOTE =
  'On this 2-core machine Neo4j, the API process and the load generator share the cores: absolute figures are ' +
  'low and vary between machines; the ratios, measured in one run with the contenders interleaved, are what counts.';

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

/** The targets of one scale's run (and, given the 10k run, the 1M-versus-10k growth target). */
export function checkTargets(result: Omit<SuiteResult, 'targets'>, smallest?: SuiteResult): TargetCheck[] {
  const checks: TargetCheck[] = [];
  for (const r of result.requests) {
    if (result.scale !== '100k')
      checks.push({
        target: 'corpgraph p50 / raw Cypher p50 <= 1.3',
        request: r.name,
        value: round(r.ratios.p50VsRaw),
        limit: 1.3,
        met: r.ratios.p50VsRaw <= 1.3,
      });
    checks.push({
      target: 'corpgraph / @neo4j/graphql throughput at c=16 >= 1.25',
      request: r.name,
      value: round(r.ratios.throughputVsPeer),
      limit: 1.25,
      met: r.ratios.throughputVsPeer >= 1.25,
    });
    checks.push({
      target: 'corpgraph never slower than @neo4j/graphql at c=1 (speed-up >= 1)',
      request: r.name,
      value: round(r.ratios.c1SpeedupVsPeer),
      limit: 1,
      met: r.ratios.c1SpeedupVsPeer >= 1,
    });
    const base = smallest?.requests.find((s) => s.name === r.name);
    if (result.scale === '1m' && r.scaleFree && base) {
      const growth = r.contenders.corpgraph.c1.p50 / base.contenders.corpgraph.c1.p50;
      checks.push({ target: 'corpgraph p50 at 1M / p50 at 10k <= 2', request: r.name, value: round(growth), limit: 2, met: growth <= 2 });
    }
  }
  const failed = result.requests.reduce((n, r) => n + r.contenders.corpgraph.c16.errors, 0);
  checks.push({ target: 'corpgraph answers every request under load without an error', value: failed, limit: 0, met: failed === 0 });
  checks.push({
    target: 'corpgraph peak RSS under load <= 300 MB',
    value: round(result.peakRssMb.corpgraph, 0),
    limit: 300,
    met: result.peakRssMb.corpgraph <= 300,
  });
  return checks;
}

const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length));
const lpad = (s: string, n: number) => (s.length >= n ? s : ' '.repeat(n - s.length) + s);
const SHORT: Record<Contender, string> = { corpgraph: 'corpgraph', 'neo4j-graphql': '@neo4j/gql', 'raw-cypher': 'raw Cypher' };

/** The table printed at the end of a run: absolute figures, then ratios and targets. */
export function table(result: SuiteResult): string {
  const lines: string[] = [];
  lines.push(
    `corpgraph benchmark, ${result.scale} organizations (${result.dataset.records.toLocaleString('en-US')} records, loaded at ${result.dataset.recordsPerSecond.toLocaleString('en-US')} records/s)`,
  );
  lines.push(NOTE);
  lines.push('');
  const head = [
    pad('request', 36),
    ...CONTENDERS.map((c) => lpad(`${SHORT[c]} p50/p99 c=1`, 26)),
    ...CONTENDERS.map((c) => lpad(`${SHORT[c]} req/s c=16`, 22)),
  ];
  lines.push(head.join(''));
  for (const r of result.requests) {
    const c1 = CONTENDERS.map((c) => lpad(`${r.contenders[c].c1.p50.toFixed(1)} / ${r.contenders[c].c1.p99.toFixed(1)} ms`, 26));
    const c16 = CONTENDERS.map((c) => {
      const errors = r.contenders[c].c16.errors ? ` ${r.contenders[c].c16.errors} err` : '';
      return lpad(`${r.contenders[c].c16.perSecond.toFixed(0)} (p99 ${r.contenders[c].c16.p99.toFixed(0)} ms)${errors}`, 22);
    });
    lines.push([pad(r.title, 36), ...c1, ...c16].join(''));
  }
  lines.push('');
  lines.push([pad('request', 36), lpad('p50 vs raw (<=1.3)', 20), lpad('req/s vs peer (>=1.25)', 24), lpad('c=1 speed-up vs peer (>=1)', 28)].join(''));
  for (const r of result.requests) {
    lines.push(
      [
        pad(r.title, 36),
        lpad(`${r.ratios.p50VsRaw.toFixed(2)}x`, 20),
        lpad(`${r.ratios.throughputVsPeer.toFixed(2)}x`, 24),
        lpad(`${r.ratios.c1SpeedupVsPeer.toFixed(2)}x`, 28),
      ].join(''),
    );
  }
  lines.push('');
  lines.push(`peak RSS: ${CONTENDERS.map((c) => `${SHORT[c]} ${result.peakRssMb[c].toFixed(0)} MB`).join(', ')}`);
  const missed = result.targets.filter((t) => !t.met);
  lines.push(`targets: ${result.targets.length - missed.length} of ${result.targets.length} met`);
  for (const t of missed) lines.push(`  missed: ${t.target}${t.request ? ` [${t.request}]` : ''}: ${t.value}`);
  return lines.join('\n');
}

const COLORS: Record<Contender, string> = { corpgraph: '#1f77b4', 'neo4j-graphql': '#ff7f0e', 'raw-cypher': '#7f7f7f' };
const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** Grouped bars, one group per request, one bar per contender; log scale when values span decades. */
function panel(
  x: number,
  y: number,
  w: number,
  h: number,
  title: string,
  unit: string,
  requests: RequestFigures[],
  value: (f: ContenderFigures) => number,
): string {
  const values = requests.flatMap((r) => CONTENDERS.map((c) => value(r.contenders[c])));
  const max = Math.max(...values);
  const min = Math.max(Math.min(...values), max / 1e4);
  const log = max / min > 30;
  const scale = (v: number) => (log ? (Math.log10(Math.max(v, min / 2)) - Math.log10(min / 2)) / (Math.log10(max) - Math.log10(min / 2)) : v / max);
  const parts = [`<text x="${x}" y="${y - 8}" font-size="13" font-weight="bold">${escape(title)} (${unit}${log ? ', log scale' : ''})</text>`];
  parts.push(`<line x1="${x}" y1="${y + h}" x2="${x + w}" y2="${y + h}" stroke="#333"/>`);
  const group = w / requests.length;
  const bar = (group - 16) / CONTENDERS.length;
  requests.forEach((r, i) => {
    CONTENDERS.forEach((c, j) => {
      const v = value(r.contenders[c]);
      const bh = Math.max(1, scale(v) * (h - 14));
      const bx = x + i * group + 8 + j * bar;
      parts.push(
        `<rect x="${bx.toFixed(1)}" y="${(y + h - bh).toFixed(1)}" width="${(bar - 2).toFixed(1)}" height="${bh.toFixed(1)}" fill="${COLORS[c]}"><title>${escape(`${SHORT[c]}: ${v.toFixed(1)} ${unit}`)}</title></rect>`,
      );
      parts.push(
        `<text x="${(bx + bar / 2 - 1).toFixed(1)}" y="${(y + h - bh - 3).toFixed(1)}" font-size="9" text-anchor="middle">${v >= 100 ? v.toFixed(0) : v.toFixed(1)}</text>`,
      );
    });
    parts.push(
      `<text x="${(x + i * group + group / 2).toFixed(1)}" y="${y + h + 14}" font-size="10" text-anchor="middle">${escape(r.title.split(' ').slice(0, 3).join(' '))}</text>`,
    );
  });
  return parts.join('\n');
}

/** The chart the README shows: latency at c=1 and throughput at c=16 per request and contender. */
export function chart(result: SuiteResult): string {
  const width = 1000;
  const height = 560;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif" viewBox="0 0 ${width} ${height}">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    `<text x="20" y="24" font-size="15" font-weight="bold">corpgraph vs @neo4j/graphql vs raw Cypher, ${result.scale} organizations (${result.when.slice(0, 10)})</text>`,
    panel(40, 70, width - 80, 170, 'p50 latency at concurrency 1, lower is better', 'ms', result.requests, (f) => f.c1.p50),
    panel(40, 330, width - 80, 170, 'throughput at concurrency 16, higher is better', 'req/s', result.requests, (f) => f.c16.perSecond),
  ];
  CONTENDERS.forEach((c, i) => {
    parts.push(
      `<rect x="${40 + i * 170}" y="${height - 28}" width="12" height="12" fill="${COLORS[c]}"/><text x="${58 + i * 170}" y="${height - 18}" font-size="12">${escape(c === 'neo4j-graphql' ? '@neo4j/graphql 7' : c === 'raw-cypher' ? 'raw Cypher (driver)' : 'corpgraph')}</text>`,
    );
  });
  parts.push(`<text x="560" y="${height - 18}" font-size="10" fill="#555">2 cores shared by Neo4j, API and load generator: compare ratios</text>`);
  parts.push('</svg>');
  return parts.join('\n') + '\n';
}
