import 'reflect-metadata';
import { connectGraph, GraphConnection } from './connect';
import { loadConfig } from './config';
import { ConfigError, StartupError } from './errors/errors';
import { applySchema } from './graph/migrate';
import { seedIfEmpty } from './ingest/seed';
import { createLogger } from './logger';
import { isPortFree } from './local-neo4j/ports';
import { WAYS_IN } from './graphql/plugins/landing-page';
import { App, createApp, GRAPHQL_PATH } from './server';

/** Starts corpgraph: config -> Neo4j (external or local) -> constraints -> seed -> HTTP; stops it all on SIGINT/SIGTERM. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`corpgraph: configuration error: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  let connection: GraphConnection | undefined;
  let app: App | undefined;
  let schemaApplied = false;
  let stopping = false;

  const shutdown = async (signal: string) => {
    if (stopping) {
      logger.warn({ event: 'shutdown_forced', signal }, 'Second signal: exiting now');
      process.exit(1);
    }
    stopping = true;
    logger.info({ event: 'shutdown', signal }, 'Shutting down: draining requests, closing Neo4j');
    try {
      await app?.stop();
      await connection?.close();
      logger.info({ event: 'stopped' }, 'Stopped');
      process.exit(0);
    } catch (error) {
      logger.error({ event: 'shutdown_failed', err: error }, 'Shutdown failed');
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  try {
    // Fail before the slow Neo4j start when the HTTP port is taken.
    if (config.port !== 0 && !(await isPortFree(config.port, config.host))) {
      throw new StartupError(`Port ${config.port} is already in use on ${config.host}. Set PORT to a free port, or stop what holds it.`);
    }
    connection = await connectGraph(config, logger);
    // Start-up work runs once and may meet a busy machine: it has its own, longer timeout.
    const startupGraph = connection.graph.withTimeout(config.neo4j.startupTimeoutMs);
    const statements = await applySchema(startupGraph);
    schemaApplied = true;
    logger.info({ event: 'schema_applied', statements }, 'Constraints and indexes applied');
    if (config.seedOnEmpty) await seedIfEmpty(startupGraph, config.seedDir, logger);
    app = createApp({ config, graph: connection.graph, logger, isSchemaApplied: () => schemaApplied });
    const port = await app.listen(config.port, config.host);
    const base = `http://${config.host === '0.0.0.0' || config.host === '127.0.0.1' ? 'localhost' : config.host}:${port}`;
    const url = `${base}${GRAPHQL_PATH}`;
    logger.info({ event: 'listening', url }, `corpgraph is ready at ${url}`);
    if (config.env !== 'production') {
      process.stdout.write(
        `\ncorpgraph is ready: ${url}\n` +
          `  Apollo Sandbox: ${url} (open it in a browser; it loads from Apollo's CDN)\n` +
          WAYS_IN.map((w) => `  ${w.label}: ${base}${w.path} (${w.note})\n`).join('') +
          'Ctrl-C stops the API and its Neo4j.\n\n',
      );
    }
  } catch (error) {
    const message = error instanceof StartupError || error instanceof ConfigError ? error.message : ((error as Error).stack ?? String(error));
    logger.fatal({ event: 'startup_failed' }, message.split('\n')[0]);
    console.error(`corpgraph: could not start: ${message}`);
    await app?.stop().catch(() => undefined);
    await connection?.close().catch(() => undefined);
    process.exit(1);
  }
}

void main();
