import type { RawRecord } from '../ingest/record-files';

/** A data set as a source: what every fact an adapter makes cites, with the row it came from as the locator. */
export interface Dataset {
  /** Source id, e.g. "dataset-gleif-lei-2026-11-26". */
  id: string;
  title: string;
  publisher: string;
  /** A release, a package version or a file date. */
  version: string;
  /** Day the data was retrieved (YYYY-MM-DD). */
  retrieved: string;
  licence: string;
  /** Its source kind: REGISTRY (GLEIF, SEC), WARN_NOTICES or LAYOFF_TRACKER; roll-ups can keep kinds apart. */
  kind: 'REGISTRY' | 'WARN_NOTICES' | 'LAYOFF_TRACKER';
  description?: string;
  url?: string;
}

export function datasetSource(d: Dataset, file: string): RawRecord {
  return {
    file,
    line: 0,
    value: {
      type: 'Source',
      id: d.id,
      kind: d.kind,
      title: d.title,
      publishers: [d.publisher],
      version: d.version,
      retrieved: { on: d.retrieved },
      licence: d.licence,
      ...(d.description ? { description: d.description } : {}),
      ...(d.url ? { url: d.url } : {}),
    },
  };
}

/** A citation of the data set's row. */
export const cites = (d: Dataset, locator: string) => [{ source: d.id, locator }];

const REGION_NAMES = new Intl.DisplayNames(['en'], { type: 'region' });

/** The country market of an ISO 3166-1 alpha-2 code (its English name from the runtime's CLDR data). */
export function countryMarket(code: string, d: Dataset, file: string): RawRecord {
  let name = code;
  try {
    name = REGION_NAMES.of(code) ?? code;
  } catch {
    // An unknown code keeps the code as its name.
  }
  return { file, line: 0, value: { type: 'Market', id: `country-${code.toLowerCase()}`, name, kind: 'COUNTRY', isoCode: code, sources: [{ source: d.id }] } };
}
