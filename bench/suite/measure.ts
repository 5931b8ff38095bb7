import autocannon from 'autocannon';
import http from 'node:http';

/** One HTTP POST of a JSON body over a kept-alive connection; resolves with the parsed answer. */
export function post(agent: http.Agent, url: string, body: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          if (res.statusCode !== 200) return reject(new Error(`HTTP ${res.statusCode} from ${url}: ${text.slice(0, 500)}`));
          try {
            resolve(JSON.parse(text));
          } catch (error) {
            reject(error);
          }
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** A body with an error in it: a GraphQL error list, or the raw endpoint's error. */
export function failed(body: string): boolean {
  return body.includes('"errors":[') || body.startsWith('{"error"');
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export interface LatencyResult {
  samples: number;
  p50: number;
  p99: number;
}

/**
 * Latency at concurrency 1: one request after the other on one kept-alive connection, for at most
 * `seconds` (and at least `minSamples`, at most `maxSamples` requests), timed to the microsecond.
 */
export async function latencyAtOne(url: string, body: string, seconds: number, minSamples = 20, maxSamples = 400): Promise<LatencyResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const times: number[] = [];
  const until = performance.now() + seconds * 1000;
  try {
    while (times.length < maxSamples && (times.length < minSamples || performance.now() < until)) {
      const started = performance.now();
      const answer = await post(agent, url, body);
      times.push(performance.now() - started);
      const { errors, error } = answer as { errors?: unknown; error?: unknown };
      if (errors || error) throw new Error(`error answer from ${url}: ${JSON.stringify(answer).slice(0, 300)}`);
    }
  } finally {
    agent.destroy();
  }
  times.sort((a, b) => a - b);
  return { samples: times.length, p50: percentile(times, 50), p99: percentile(times, 99) };
}

export interface ThroughputResult {
  requests: number;
  perSecond: number;
  p99: number;
  errors: number;
}

/** Throughput and p99 at a concurrency (autocannon, kept-alive connections) for `seconds`; every answer checked for errors. */
export async function throughput(url: string, body: string, connections: number, seconds: number): Promise<ThroughputResult> {
  const result = await autocannon({
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
    connections,
    duration: seconds,
    verifyBody: (answer) => !failed(String(answer ?? '')),
  });
  const errors = result.errors + result.timeouts + result.non2xx + (result.mismatches ?? 0);
  return { requests: result.requests.total, perSecond: result.requests.total / seconds, p99: result.latency.p99, errors };
}
