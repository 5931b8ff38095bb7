import { GraphClient } from '../graph/graph-client';
import type { Logger } from '../logger';
import { loadRecordFiles, LoadSummary } from './importer';

/** Loads the seed graph when the database holds no entity yet; an existing graph is left as it is. */
export async function seedIfEmpty(graph: GraphClient, seedDir: string, logger: Logger): Promise<LoadSummary | undefined> {
  const [{ empty }] = await graph.read('admin/is-empty');
  if (!empty) {
    logger.info({ event: 'seed_skipped' }, 'Graph already holds data; seed not loaded');
    return undefined;
  }
  const summary = await loadRecordFiles(graph, seedDir, 'seed');
  logger.info({ event: 'seed_loaded', ...summary }, `Seed graph loaded: ${summary.records} records`);
  return summary;
}
