import fs from 'node:fs';
import path from 'node:path';
import { configDocs, PROJECT_ROOT } from './config';

/** The README's configuration table sits between these markers; `npm run config:docs` rewrites it. */
export const README_MARKERS = ['<!-- config-table:start (npm run config:docs) -->', '<!-- config-table:end -->'] as const;

/** The README with its configuration table made anew from the table in src/config.ts. */
export function readmeWithConfigTable(readme: string): string {
  const [start, end] = README_MARKERS;
  const from = readme.indexOf(start);
  const to = readme.indexOf(end);
  if (from < 0 || to < from) throw new Error(`README.md lacks the markers ${start} ... ${end}`);
  return `${readme.slice(0, from + start.length)}\n${configDocs.readmeRows()}\n${readme.slice(to)}`;
}

if (require.main === module) {
  fs.writeFileSync(path.join(PROJECT_ROOT, '.env.example'), configDocs.envExample());
  const readmePath = path.join(PROJECT_ROOT, 'README.md');
  fs.writeFileSync(readmePath, readmeWithConfigTable(fs.readFileSync(readmePath, 'utf8')));
  console.log('Wrote .env.example and the README configuration table from src/config.ts');
}
