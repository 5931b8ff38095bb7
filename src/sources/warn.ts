import { AdapterOutput, AdapterSink, Emit, dayOf, RowProblem } from './adapter';
import { cites, Dataset } from './dataset';

/**
 * WARN Act notices in the consolidated schema of public WARN aggregators (warn-transformer's
 * `location, jobs, effective_date, notice_date, is_temporary, postal_code, company, hash_id,
 * is_amendment, is_closure`): each notice a layoff event (id `warn-<hash>`) with the employer's name
 * exactly as filed, the state as the market it affects (the location text as its note), an empty
 * `jobs` as an unknown count (never 0), and an amendment pointing at the notice it amends: the latest
 * earlier notice of the same employer name in the same state (roll-ups then count only the amendment).
 */
const STATE = /^[A-Z]{2}$/;

const flag = (value: string, column: string): boolean | undefined => {
  const v = value.toLowerCase();
  if (v === '') return undefined;
  if (v === 'true') return true;
  if (v === 'false') return false;
  throw new RowProblem(column, `must be True, False or empty, got ${JSON.stringify(value)}`);
};

export function readWarnNotices(file: string, dataset: Dataset, emit?: Emit): AdapterOutput {
  const sink = new AdapterSink(file, dataset, emit);
  const country = sink.country('US');
  // Earlier notices by state and employer (lower case), to find what an amendment amends.
  const earlier = new Map<string, Array<{ id: string; day: string }>>();
  // Amendments wait for the end: the notice an amendment amends may come later in the file.
  const pendingAmendments: Array<{ line: number; value: Record<string, unknown>; key: string; day: string }> = [];
  sink.eachCsvRow(file, (row) => {
    const hash = row.get('hash_id');
    if (!/^[0-9a-f]{16,}$/.test(hash)) throw new RowProblem('hash_id', `must be the notice's hex hash, got ${JSON.stringify(hash)}`);
    const state = row.get('postal_code').toUpperCase();
    if (!STATE.test(state)) throw new RowProblem('postal_code', `must be a state code, got ${JSON.stringify(state)}`);
    const employer = row.get('company');
    if (!employer) throw new RowProblem('company', 'is required');
    const notice = dayOf(row.get('notice_date'), 'notice_date');
    const effective = dayOf(row.get('effective_date'), 'effective_date');
    if (!notice && !effective) throw new RowProblem('notice_date', 'a notice needs a notice date or an effective date');
    const jobs = row.get('jobs');
    if (jobs && !/^\d+$/.test(jobs)) throw new RowProblem('jobs', `must be a whole number or empty, got ${JSON.stringify(jobs)}`);
    const market = sink.market(`us-${state.toLowerCase()}`, { name: state, kind: 'REGION', isoCode: `US-${state}`, within: country });
    const id = `warn-${hash.slice(0, 24)}`;
    const temporary = flag(row.get('is_temporary'), 'is_temporary');
    const closure = flag(row.get('is_closure'), 'is_closure');
    const value: Record<string, unknown> = {
      type: 'LayoffEvent',
      id,
      employerName: employer,
      // No notice date filed: the notice came by the effective date at the latest (that is what WARN requires).
      announced: notice ? { on: notice } : { latest: effective, text: 'notice date not given; by the effective date' },
      ...(effective ? { effective: { on: effective } } : {}),
      ...(jobs ? { headcount: Number(jobs) } : {}),
      ...(temporary !== undefined ? { temporary } : {}),
      ...(closure !== undefined ? { closure } : {}),
      channels: ['FILING'],
      regions: [{ market, ...(row.get('location') ? { note: row.get('location').slice(0, 300) } : {}) }],
      sources: cites(dataset, hash),
    };
    const key = `${state}\u0000${employer.toLowerCase()}`;
    const day = notice ?? effective!;
    if (flag(row.get('is_amendment'), 'is_amendment')) {
      pendingAmendments.push({ line: row.line, value, key, day });
      return;
    }
    earlier.set(key, [...(earlier.get(key) ?? []), { id, day }]);
    sink.add(row.line, value);
  });
  for (const a of pendingAmendments) {
    const amended = (earlier.get(a.key) ?? []).filter((n) => n.day <= a.day).sort((x, y) => (x.day < y.day ? 1 : x.day > y.day ? -1 : 0))[0];
    if (amended) a.value.amends = amended.id;
    sink.add(a.line, a.value);
  }
  return sink.out;
}
