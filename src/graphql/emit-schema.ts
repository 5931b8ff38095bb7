import fs from 'node:fs';
import path from 'node:path';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { PROJECT_ROOT } from '../config';
import { getSchema } from './schema';

export const SCHEMA_FILE = path.join(PROJECT_ROOT, 'schema', 'schema.graphql');

/** The SDL as committed in schema/schema.graphql: sorted, so that diffs show real changes only. */
export function printedSchema(): string {
  return `# Generated from the type-graphql classes in src/graphql by \`npm run schema\`. Do not edit.\n\n${printSchema(lexicographicSortSchema(getSchema()))}\n`;
}

if (require.main === module) {
  fs.mkdirSync(path.dirname(SCHEMA_FILE), { recursive: true });
  fs.writeFileSync(SCHEMA_FILE, printedSchema());
  console.log(`Wrote ${path.relative(process.cwd(), SCHEMA_FILE)}`);
}
