import 'reflect-metadata';
import { openDataset, Scale } from './dataset';

/** Loads (or checks) the graph of each scale given, without measuring: `node dist/bench/suite/load-only.js 1m`. */
async function main(): Promise<void> {
  for (const scale of process.argv.slice(2) as Scale[]) {
    const dataset = await openDataset(scale, (line) => console.log(line));
    console.log(JSON.stringify(dataset.info));
    await dataset.neo4j.stop();
  }
}

void main();
