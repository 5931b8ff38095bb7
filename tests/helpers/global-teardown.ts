import type { LocalNeo4j } from '../../src/local-neo4j/local-neo4j';

export default async function globalTeardown(): Promise<void> {
  await (globalThis as { __corpgraphTestNeo4j?: LocalNeo4j }).__corpgraphTestNeo4j?.stop();
}
