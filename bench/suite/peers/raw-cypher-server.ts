import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { PROJECT_ROOT } from '../../../src/config';
import { peerDriver } from './peer-driver';
import { toNeo4jDate, toParams, toPlain } from '../../../src/graph/values';

/**
 * The floor: each request's hand-written Cypher (bench/suite/raw/<name>.cypher) run through
 * neo4j-driver as an auto-commit read, behind the thinnest HTTP endpoint (POST /<name>, JSON
 * parameters in, JSON rows out), so that all three contenders are measured through the same
 * client, over the same kind of connection. Same driver and pool settings as corpgraph.
 */
const DATE_PARAMETERS = new Set(['today', 'announcedFrom', 'announcedTo', 'afterDate']);

async function main(): Promise<void> {
  const { driver, config } = peerDriver();
  const dir = path.join(PROJECT_ROOT, 'bench', 'suite', 'raw');
  const queries = new Map(fs.readdirSync(dir).map((f) => [f.replace(/\.cypher$/, ''), fs.readFileSync(path.join(dir, f), 'utf8')]));

  const server = http.createServer((req, res) => {
    const cypher = queries.get((req.url ?? '').slice(1));
    if (req.method !== 'POST' || !cypher) {
      res.writeHead(404).end();
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        try {
          const raw = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
          const params = toParams(raw) as Record<string, unknown>;
          for (const key of Object.keys(raw)) if (DATE_PARAMETERS.has(key)) params[key] = toNeo4jDate(raw[key] as string | null);
          const session = driver.session({ database: config.neo4j.database, defaultAccessMode: 'READ' });
          try {
            // An auto-commit query: one message and one round trip, the cheapest way the driver reads.
            const result = await session.run(cypher, params);
            const body = JSON.stringify({ rows: result.records.map((r) => toPlain(r.toObject())) });
            res.writeHead(200, { 'content-type': 'application/json' }).end(body);
          } finally {
            await session.close();
          }
        } catch (error) {
          console.error(`${req.url}: ${(error as Error).message}`);
          res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ error: (error as Error).message }));
        }
      })();
    });
  });
  server.keepAliveTimeout = 65_000;
  server.listen(Number(process.env.PORT ?? 4330), '127.0.0.1', () => console.log(`PEER_READY http://127.0.0.1:${process.env.PORT ?? 4330}/`));
  const stop = () => server.close(() => void driver.close().then(() => process.exit(0)));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
