import { AdapterOutput, AdapterSink, Emit, dayOf, RowProblem } from './adapter';
import { slugForId } from '../ingest/names';
import { cites, Dataset } from './dataset';

/**
 * A layoffs.fyi-style tracker export (`company, location, industry, total_laid_off,
 * percentage_laid_off, date, stage, country, funds_raised`): a layoff event per row with the company
 * as named (id `tracker-<date>-<company>`), an empty count as unknown (never 0), the percentage as the
 * share of the workforce, the country as the market it affects. Its source kind is LAYOFF_TRACKER, so
 * roll-ups can keep it apart from news and notices.
 */
export function readLayoffTracker(file: string, dataset: Dataset, emit?: Emit): AdapterOutput {
  const sink = new AdapterSink(file, dataset, emit);
  const seen = new Map<string, number>();
  return sink.eachCsvRow(file, (row) => {
    const company = row.get('company');
    if (!company) throw new RowProblem('company', 'is required');
    const date = dayOf(row.get('date'), 'date');
    if (!date) throw new RowProblem('date', 'is required');
    const total = row.get('total_laid_off');
    if (total && !/^\d+$/.test(total)) throw new RowProblem('total_laid_off', `must be a whole number or empty, got ${JSON.stringify(total)}`);
    const pct = row.get('percentage_laid_off');
    const share = pct ? Number(pct.replace('%', '')) / (pct.includes('%') || Number(pct) > 1 ? 100 : 1) : null;
    if (share !== null && !(share >= 0 && share <= 1))
      throw new RowProblem('percentage_laid_off', `must be a share or a percentage, got ${JSON.stringify(pct)}`);
    const base = `tracker-${date}-${slugForId(company, 50)}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    const countryName = row.get('country');
    const market = countryName ? sink.market(`tracker-country-${slugForId(countryName)}`, { name: countryName, kind: 'COUNTRY' }) : null;
    sink.add(row.line, {
      type: 'LayoffEvent',
      id: n > 1 ? `${base}-${n}` : base,
      employerName: company,
      announced: { on: date },
      ...(total ? { headcount: Number(total) } : {}),
      ...(share !== null ? { shareOfWorkforce: share } : {}),
      description: [
        row.get('industry') && `Industry: ${row.get('industry')}`,
        row.get('stage') && `stage: ${row.get('stage')}`,
        row.get('location') && `location: ${row.get('location')}`,
      ]
        .filter(Boolean)
        .join('; '),
      ...(market ? { regions: [{ market }] } : {}),
      sources: cites(dataset, `${company} ${date}`),
    });
  });
}
