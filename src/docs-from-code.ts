import fs from 'node:fs';
import path from 'node:path';
import { configDocs, PROJECT_ROOT } from './config';
import { recordTypesTable } from './ingest/record-types';
import { HEDGES, WORD_COUNTS } from './extraction/amounts';
import { readerWordsTable } from './extraction/facts/readers';
import { patternsTable } from './extraction/patterns';
import { rulesTable } from './resolution/rules';

/** Replaces what stands between a start marker (`<!-- name:start ... -->`) and `<!-- name:end -->`. */
function between(doc: string, name: string, content: string): string {
  const start = new RegExp(`<!-- ${name}:start[^>]*-->`).exec(doc);
  const to = doc.indexOf(`<!-- ${name}:end -->`);
  if (!start || to < start.index) throw new Error(`the document lacks the markers <!-- ${name}:start --> ... <!-- ${name}:end -->`);
  return `${doc.slice(0, start.index + start[0].length)}\n${content}\n${doc.slice(to)}`;
}

/** The README with its configuration table made anew from the table in src/config.ts. */
export function readmeWithConfigTable(readme: string): string {
  return between(readme, 'config-table', configDocs.readmeRows());
}

/** docs/import-format.md with its table of record types made anew from src/ingest/record-types.ts. */
export function importFormatWithRecordTypes(doc: string): string {
  return between(doc, 'record-types', recordTypesTable());
}

/** docs/entity-resolution.md with its rules made anew from src/resolution/rules.ts. */
export function resolutionDocWithRules(doc: string): string {
  return between(doc, 'resolution-rules', rulesTable());
}

/** docs/extraction.md with its patterns made anew from src/extraction/patterns.ts and amounts.ts. */
export function extractionDocWithPatterns(doc: string): string {
  return between(
    doc,
    'extraction-patterns',
    `${patternsTable(HEDGES, WORD_COUNTS)}\n\n### The parse reader's words (EXTRACTION_READER=parse)\n\nEach reader of \`src/extraction/facts/\` matches these lemmas at the places of the parse its comment names (agent, patient, apposition, possessor, "of", "as").\n\n${readerWordsTable()}`,
  );
}

if (require.main === module) {
  fs.writeFileSync(path.join(PROJECT_ROOT, '.env.example'), configDocs.envExample());
  const readmePath = path.join(PROJECT_ROOT, 'README.md');
  fs.writeFileSync(readmePath, readmeWithConfigTable(fs.readFileSync(readmePath, 'utf8')));
  const formatPath = path.join(PROJECT_ROOT, 'docs', 'import-format.md');
  fs.writeFileSync(formatPath, importFormatWithRecordTypes(fs.readFileSync(formatPath, 'utf8')));
  const resolutionPath = path.join(PROJECT_ROOT, 'docs', 'entity-resolution.md');
  fs.writeFileSync(resolutionPath, resolutionDocWithRules(fs.readFileSync(resolutionPath, 'utf8')));
  const extractionPath = path.join(PROJECT_ROOT, 'docs', 'extraction.md');
  fs.writeFileSync(extractionPath, extractionDocWithPatterns(fs.readFileSync(extractionPath, 'utf8')));
  console.log(
    'Wrote .env.example, the README configuration table, the record types of docs/import-format.md, the rules of docs/entity-resolution.md and the patterns of docs/extraction.md',
  );
}
