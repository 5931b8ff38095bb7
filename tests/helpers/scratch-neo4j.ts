import type { Driver } from 'neo4j-driver';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/config';
import { CypherCatalog } from '../../src/graph/cypher-catalog';
import { GraphClient } from '../../src/graph/graph-client';
import { applySchema } from '../../src/graph/migrate';
import { LocalNeo4j } from '../../src/local-neo4j/local-neo4j';
import { createLogger } from '../../src/logger';
import { driverFor } from '../../src/graph/driver';
import { firstLoad, FirstLoadOptions, FirstLoadResult } from '../../src/first-load/first-load';
import type { FirstLoadInput } from '../../src/first-load/inputs';

/** A second, empty Neo4j for tests that need one (import into an empty database, kill and resume). */
export class ScratchNeo4j {
  private local?: LocalNeo4j;
  driver!: Driver;
  graph!: GraphClient;
  connection!: { uri: string; user: string; password: string };

  async start(): Promise<this> {
    this.local = new LocalNeo4j(
      {
        home: path.join(PROJECT_ROOT, 'var', 'neo4j', 'scratch'),
        boltPort: Number(process.env.TEST_SCRATCH_BOLT_PORT ?? 7691),
        heapMb: 768,
        pageCacheMb: 256,
        txTimeoutMs: 60000,
        portVariable: 'TEST_SCRATCH_BOLT_PORT',
      },
      createLogger('warn'),
    );
    this.connection = await this.local.start();
    this.driver = driverFor(this.connection);
    this.graph = new GraphClient(this.driver, 'neo4j', CypherCatalog.load(), 60000);
    await this.empty();
    return this;
  }

  /** Deletes everything and (re)applies the schema. */
  async empty(): Promise<void> {
    await this.graph.write('admin/delete-all');
    await applySchema(this.graph);
  }

  /** Stops only the database (as a crash or an operator would), keeping this helper's driver. */
  async stopDatabase(): Promise<void> {
    await this.local?.stop();
  }

  /** Starts the database again on the same port and data. */
  async startDatabase(): Promise<void> {
    await this.local!.start();
  }

  /** Replaces the database with a first load of `inputs` through the offline bulk importer (stopping and starting it). */
  async firstLoad(inputs: FirstLoadInput[], options: FirstLoadOptions): Promise<FirstLoadResult> {
    await this.local!.stop();
    try {
      return await firstLoad(this.local!, inputs, options, async () => {
        await this.local!.start();
        return this.graph;
      });
    } finally {
      // A refused load never stopped to import: the database is started again as it was.
      if (!this.local!.started) await this.local!.start();
    }
  }

  async stop(): Promise<void> {
    await this.driver?.close();
    await this.local?.stop();
  }
}
