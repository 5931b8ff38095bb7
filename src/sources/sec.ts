import fs from 'node:fs';
import path from 'node:path';
import { isValidLei, normalizeCik } from '../ingest/identifiers';
import { AdapterOutput, AdapterSink, Emit, dayOf } from './adapter';
import { cites, Dataset } from './dataset';
import { leiId } from './gleif';

/**
 * SEC EDGAR files as corpgraph records, read together (a file, or a folder of them):
 *  - company_tickers_exchange.json ({fields, data}: CIK, name, ticker, exchange) or company_tickers.json;
 *  - submissions JSON (CIK##########.json): name, tickers and exchanges, former names with their
 *    periods, state of incorporation, and the LEI.
 * A CIK becomes an organization (id `cik-<10 digits>`) with its CIK and tickers as identifiers. Where
 * SEC reports the registrant's LEI, the CIK is linked to the GLEIF entity instead: `cik-<cik>` becomes
 * a redirect to `lei-<lei>` (reason SAME_AS) carrying the CIK and tickers, so a look-up by CIK or
 * ticker answers the GLEIF entity and says so; former names and the state of incorporation are
 * claims about it. Load GLEIF first: a redirect's target must exist.
 */
export const cikId = (cik: string) => `cik-${cik}`;

interface Registrant {
  line: number;
  file: string;
  name: string;
  tickers: Map<string, string | undefined>;
  formerNames: Array<{ name: string; from: string | null; to: string | null }>;
  incorporatedIn?: string;
  lei?: string;
}

type Row = Record<string, unknown>;

export function readSec(files: string[], dataset: Dataset, emit?: Emit): AdapterOutput {
  const sink = new AdapterSink(files[0], dataset, emit);
  const registrants = new Map<string, Registrant>();
  const registrant = (cik: string, file: string, line: number, name: string): Registrant => {
    const r = registrants.get(cik) ?? { line, file, name, tickers: new Map(), formerNames: [] };
    registrants.set(cik, r);
    return r;
  };
  for (const file of files) {
    const name = path.basename(file);
    let parsed: Row;
    try {
      parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Row;
    } catch (error) {
      sink.problem(1, `${name}: not JSON (${(error as Error).message})`);
      continue;
    }
    if ('cik' in parsed) readSubmission(parsed, name, sink, registrant);
    else readTickers(parsed, name, sink, registrant);
  }
  for (const [cik, r] of [...registrants].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const sources = cites(dataset, `CIK ${cik}`);
    const identifiers = [
      { scheme: 'CIK', value: cik },
      ...[...r.tickers].map(([value, exchange]) => ({ scheme: 'TICKER', value, ...(exchange ? { exchange } : {}) })),
    ];
    const subject = r.lei ? leiId(r.lei) : cikId(cik);
    if (r.lei) {
      sink.add(r.line, { type: 'Redirect', id: cikId(cik), target: subject, reason: 'SAME_AS', name: r.name, identifiers, sources });
      if (r.incorporatedIn)
        sink.add(r.line, { type: 'Claim', id: `sec-${cik}-incorporated-in`, property: 'incorporatedIn', text: r.incorporatedIn, subject, sources });
    } else {
      sink.add(r.line, {
        type: 'Organization',
        id: cikId(cik),
        name: r.name,
        kind: 'COMPANY',
        identifiers,
        ...(r.formerNames.length ? { formerNames: [...new Set(r.formerNames.map((f) => f.name))] } : {}),
        ...(r.incorporatedIn ? { incorporatedIn: r.incorporatedIn } : {}),
        sources,
      });
    }
    // When each former name was in use: a claim per name, with its interval.
    r.formerNames.forEach((f, i) => {
      sink.add(r.line, {
        type: 'Claim',
        id: `sec-${cik}-former-name-${i + 1}`,
        property: 'formerName',
        text: f.name,
        ...(f.from || f.to ? { date: { earliest: f.from, latest: f.to, text: `in use ${f.from ?? '?'} to ${f.to ?? '?'}` } } : {}),
        subject,
        sources,
      });
    });
  }
  return sink.out;
}

/** EDGAR's two ticker files: {fields, data} with exchanges, or {"0": {cik_str, ticker, title}}. */
function readTickers(parsed: Row, file: string, sink: AdapterSink, registrant: (cik: string, file: string, line: number, name: string) => Registrant): void {
  const rows: Row[] = Array.isArray(parsed.fields)
    ? (parsed.data as unknown[][]).map((r) => Object.fromEntries((parsed.fields as string[]).map((f, i) => [f, r[i]])))
    : Object.values(parsed as Record<string, Row>).map((r) => ({ cik: r.cik_str, name: r.title, ticker: r.ticker }));
  rows.forEach((r, i) => {
    const line = i + 1;
    const cik = normalizeCik(String(r.cik ?? ''));
    if (!cik) return sink.problem(line, `${file}: cik: not a CIK, got ${JSON.stringify(r.cik)}`, 'cik');
    if (typeof r.name !== 'string' || !r.name.trim()) return sink.problem(line, `${file}: name: is required`, 'name');
    const reg = registrant(cik, file, line, r.name.trim());
    if (typeof r.ticker === 'string' && r.ticker.trim())
      reg.tickers.set(r.ticker.trim().toUpperCase(), typeof r.exchange === 'string' && r.exchange ? r.exchange : undefined);
  });
}

function readSubmission(s: Row, file: string, sink: AdapterSink, registrant: (cik: string, file: string, line: number, name: string) => Registrant): void {
  const cik = normalizeCik(String(s.cik ?? ''));
  if (!cik) return sink.problem(1, `${file}: cik: not a CIK, got ${JSON.stringify(s.cik)}`, 'cik');
  if (typeof s.name !== 'string' || !s.name.trim()) return sink.problem(1, `${file}: name: is required`, 'name');
  const reg = registrant(cik, file, 1, s.name.trim());
  reg.name = s.name.trim(); // the submissions name is the registrant's current name
  const exchanges = Array.isArray(s.exchanges) ? (s.exchanges as unknown[]) : [];
  (Array.isArray(s.tickers) ? (s.tickers as unknown[]) : []).forEach((t, i) => {
    if (typeof t === 'string' && t.trim())
      reg.tickers.set(t.trim().toUpperCase(), typeof exchanges[i] === 'string' && exchanges[i] ? (exchanges[i] as string) : undefined);
  });
  for (const f of Array.isArray(s.formerNames) ? (s.formerNames as Row[]) : []) {
    if (typeof f.name !== 'string' || !f.name.trim()) continue;
    reg.formerNames.push({
      name: f.name.trim(),
      from: typeof f.from === 'string' ? dayOf(f.from, 'formerNames.from') : null,
      to: typeof f.to === 'string' ? dayOf(f.to, 'formerNames.to') : null,
    });
  }
  if (typeof s.stateOfIncorporation === 'string' && s.stateOfIncorporation.trim()) reg.incorporatedIn = s.stateOfIncorporation.trim();
  const lei = typeof s.lei === 'string' ? s.lei.trim().toUpperCase() : '';
  if (lei && isValidLei(lei)) reg.lei = lei;
  else if (lei) sink.problem(1, `${file}: lei: not a valid LEI, got ${JSON.stringify(s.lei)}`, 'lei');
}
