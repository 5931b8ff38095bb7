import { cyclicOrganizations } from '../ingest/bulk-import';
import { FuzzyDate, InputProblem } from '../ingest/dates-and-quantities';
import { identifierKey } from '../ingest/identifiers';
import { publishedOf } from '../ingest/importer';
import { LoadProblem, RawRecord } from '../ingest/record-files';
import { normalizeRecord, NormalizedRecord } from '../ingest/records';
import { eachRecord, FirstLoadInput } from './inputs';
import type { IdentifierTwin } from '../ingest/identifier-twins';
import type { ImportFiles } from './import-files';
/**
 * One pass of a first load over its inputs (import-format files or public data sets through their
 * adapters): every record checked as the transactional importer checks it, and written to the CSV files.
 */
/** What --skip-invalid leaves out: a record by its location and id, or a whole row an adapter could not read. */
export const skipKey = (p: { file: string; line: number; id?: string }) => (p.id ? `${p.file}:${p.line}:${p.id}` : `${p.file}:${p.line}`);
const skipped = (skip: Set<string>, r: RawRecord) =>
  skip.has(`${r.file}:${r.line}`) || skip.has(`${r.file}:${r.line}:${String((r.value as { id?: unknown })?.id)}`);

/**
 * One pass over the inputs: every record checked (fields, duplicate ids, identifiers named twice,
 * references to what the load holds, parent-link cycles) and, when `files` is given, written. Two
 * organizations that carry one identifier come back as `twins` (the later written without it), for
 * the load to merge once the store is built.
 * Records at locations in `skip` are left out. Returns the problems found.
 */
export function pass(
  inputs: FirstLoadInput[],
  skip: Set<string>,
  files?: ImportFiles,
): { problems: LoadProblem[]; leftOut: Record<string, number>; byType: Record<string, number>; writtenBad: boolean; twins: IdentifierTwin[] } {
  const labels = new Map<string, string>();
  const identifiers = new Map<string, string>();
  const sourceDates = new Map<string, FuzzyDate | null>();
  // Only where a record is kept for the checks at the end, not the record: a million must fit in little memory.
  const deferred: Array<{ at: { file: string; line: number }; id: string; to: string; label: string; field: string }> = [];
  const parents = new Map<string, string[]>();
  const links: Array<{ at: { file: string; line: number }; id: string; child: string; parent: string }> = [];
  const problems: LoadProblem[] = [];
  const twins: IdentifierTwin[] = [];
  const byType: Record<string, number> = {};
  const refuse = (r: { file: string; line: number }, id: string | undefined, field: string | undefined, reason: string) =>
    problems.push({ file: r.file, line: r.line, ...(id ? { id } : {}), ...(field ? { field } : {}), reason });
  // Markets are shared by data sets (a country): the last statement of one wins, as when the sets are
  // imported one after another; they are few, and written at the end.
  const markets = new Map<string, { raw: RawRecord; input: number }>();
  let input = 0;
  const read = eachRecord(inputs, (raw, at) => {
    if (skipped(skip, raw)) return;
    input = at;
    let r: NormalizedRecord;
    try {
      r = normalizeRecord(raw.value, sourceDates);
    } catch (error) {
      if (!(error instanceof InputProblem)) throw error;
      return refuse(raw, (raw.value as { id?: string })?.id, error.field, error.message);
    }
    const restated = r.type === 'Market' ? markets.get(r.id) : undefined;
    if (restated?.input === input || (!restated && labels.has(r.id))) return refuse(raw, r.id, 'id', `id "${r.id}" is given twice in this load`);
    const elsewhere = new Set<string>();
    for (const i of r.identifiers) {
      const key = identifierKey(i.scheme, i.value);
      const holder = identifiers.get(key);
      if (!holder || holder === r.id) continue;
      // Two organizations of one identifier are one company: merged once the store is built (rule:identifier).
      if (r.type === 'Organization' && labels.get(holder) === 'Organization') elsewhere.add(key);
      else return refuse(raw, r.id, 'identifiers', `identifier ${key} already identifies "${holder}"`);
    }
    const refs = [
      ...r.edges.map((e) => ({ to: e.to, label: e.toLabel, field: e.field ?? e.type })),
      ...r.citations.map((c) => ({ to: c.source, label: 'Source', field: 'sources' })),
      ...(r.link
        ? [
            { to: r.link.child, label: 'Organization', field: 'child' },
            { to: r.link.parent, label: 'Organization', field: 'parent' },
          ]
        : []),
    ];
    for (const ref of refs) {
      const label = labels.get(ref.to);
      if (label === undefined) deferred.push({ at: { file: raw.file, line: raw.line }, id: r.id, ...ref });
      else if (ref.label !== 'Entity' && label !== ref.label) return refuse(raw, r.id, ref.field, `"${ref.to}" is a ${label}, not a ${ref.label}`);
    }
    labels.set(r.id, r.link ? 'Ownership' : r.label);
    if (elsewhere.size) {
      for (const key of elsewhere) twins.push({ id: r.id, other: identifiers.get(key)!, key });
      r.identifiers = r.identifiers.filter((i) => !elsewhere.has(identifierKey(i.scheme, i.value)));
    }
    const fresh = new Set<string>();
    for (const i of r.identifiers) {
      const key = identifierKey(i.scheme, i.value);
      if (!identifiers.has(key)) fresh.add(key);
      identifiers.set(key, r.id);
    }
    if (r.type === 'Source') sourceDates.set(r.id, publishedOf(r.props));
    if (r.link) {
      parents.set(r.link.child, [...(parents.get(r.link.child) ?? []), r.link.parent]);
      links.push({ at: { file: raw.file, line: raw.line }, id: r.id, child: r.link.child, parent: r.link.parent });
    }
    if (!restated) byType[r.type] = (byType[r.type] ?? 0) + 1;
    if (r.type === 'Market') markets.set(r.id, { raw, input });
    else files?.add(r, fresh);
  });
  for (const { raw } of markets.values()) files?.add(normalizeRecord(raw.value, sourceDates));
  // Records whose references could be checked only at the end were written already: leaving one out means writing again.
  const before = problems.length;
  for (const d of deferred) {
    const label = labels.get(d.to);
    if (label === undefined) refuse(d.at, d.id, d.field, `refers to "${d.to}", which this load does not have (a first load is of an empty database)`);
    else if (d.label !== 'Entity' && label !== d.label) refuse(d.at, d.id, d.field, `"${d.to}" is a ${label}, not a ${d.label}`);
  }
  const inCycle = cyclicOrganizations(parents);
  for (const l of links.filter((x) => inCycle.has(x.child) && inCycle.has(x.parent))) {
    refuse(l.at, l.id, 'parent', `would make ${l.child} its own ancestor (ownership cycle)`);
  }
  // The adapters report rows they cannot read each time they read them: those already left out are not news.
  const unread = read.problems.filter((p) => !skip.has(skipKey(p)));
  return { problems: [...unread, ...problems], leftOut: read.leftOut, byType, writtenBad: problems.length > before, twins };
}
