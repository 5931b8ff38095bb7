import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseCalendar, type FuzzyDate } from '../ingest/dates-and-quantities';
import { nameKey } from '../ingest/names';
import { extractArticle, type Extraction, type ExtractionServices } from './extract';
import type { Proposal } from './proposals';

/**
 * How good extraction is, against facts a person labelled: recall per fact type (of the facts the
 * text states, how many are proposed with the right figures), precision (of the proposals, how many
 * are right: labelled, or checked by hand and listed as also correct), and invented figures (a figure
 * a proposal gives that its quote does not hold). A labelled fact names entities as the graph or the
 * text names them and gives only the fields it checks.
 */
export interface LabelledFact {
  type: string;
  [field: string]: unknown;
}

export interface LabelledText {
  id: string;
  /** Path of the text, relative to the labels file. */
  file: string;
  published: string;
  title?: string;
  facts: LabelledFact[];
  /** Proposals checked by hand and right, though not among the labelled facts (a true statement the labeller left out). */
  alsoCorrect?: LabelledFact[];
  /** Facts the labels file keeps for the record but does not count (what the text implies but does not state). */
  notStated?: LabelledFact[];
}

/** The fields that say which fact a proposal is (the rest are checked). */
const KEYS: Record<string, string[]> = {
  LayoffEvent: ['organizations'],
  Role: ['person', 'organization', 'roleType'],
  Acquisition: ['acquirer', 'target'],
  Ownership: ['child', 'parent'],
  MarketPresence: ['organization', 'market'],
  Headquarters: ['organization'],
  FormerName: ['organization'],
  MarketMetric: ['market', 'basis'],
  Statistic: ['subject', 'property'],
  Claim: ['subject', 'property'],
  Entity: ['name'],
};

const norm = (v: unknown): string => {
  if (Array.isArray(v)) return v.map(norm).sort().join(' + ');
  const s = String(v);
  return nameKey(s) ?? s.toLowerCase();
};
const keyOf = (f: LabelledFact) => `${f.type}|${(KEYS[f.type] ?? []).map((k) => norm(f[k])).join('|')}`;
/** A label may accept other values of its first key field ("alternatives": the cut told at the parent division of both units). */
const keysOf = (f: LabelledFact) => [keyOf(f), ...((f.alternatives as unknown[][] | undefined) ?? []).map((alt) => keyOf({ ...f, [KEYS[f.type][0]]: alt }))];

/** A proposal as the facts it states, in the labels' terms (names, not ids). */
export function factsOfProposal(p: Proposal, nameOf: (id: string) => string): LabelledFact[] {
  const r = p.record as Record<string, unknown>;
  const name = (id: unknown) => nameOf(String(id));
  switch (p.factType) {
    case 'Organization':
    case 'Person':
    case 'Market': {
      const out: LabelledFact[] = [{ type: 'Entity', name: r.name }];
      if (r.headquarters) out.push({ type: 'Headquarters', organization: r.name, market: name(r.headquarters) });
      for (const former of (r.formerNames as string[]) ?? []) out.push({ type: 'FormerName', organization: r.name, formerName: former });
      return out;
    }
    case 'LayoffEvent':
      return [
        {
          type: 'LayoffEvent',
          organizations: (r.organizations as string[]).map(name),
          headcount: (r.headcount as { text: string }).text,
          share: r.shareOfWorkforce ?? null,
          announced: r.announced,
          regions: ((r.regions as Array<{ market: string }>) ?? []).map((x) => name(x.market)),
        },
      ];
    case 'Role':
      return [{ type: 'Role', person: name(r.person), organization: name(r.organization), roleType: r.roleType }];
    case 'Acquisition':
      return [
        {
          type: 'Acquisition',
          acquirer: name(r.acquirer),
          target: name(r.target),
          price: (r.price as { amount?: number })?.amount ?? null,
          completed: r.completed ?? null,
          announced: r.announced ?? null,
        },
      ];
    case 'Ownership':
      return [{ type: 'Ownership', child: name(r.child), parent: name(r.parent), kind: r.kind }];
    case 'MarketPresence':
      return [{ type: 'MarketPresence', organization: name(r.organization), market: name(r.market), status: r.status }];
    case 'MarketMetric':
      return [
        {
          type: 'MarketMetric',
          market: name((r.markets as string[])[0]),
          basis: r.basis,
          value: (r.value as { value?: number; min?: number }).value ?? (r.value as { min?: number }).min,
          period: r.period,
        },
      ];
    case 'Claim': {
      if (r.property === 'headquarters') return [{ type: 'Headquarters', organization: name(r.subject), market: r.text }];
      if (r.property === 'formerName') return [{ type: 'FormerName', organization: name(r.subject), formerName: r.text }];
      if (r.property === 'employees')
        return [{ type: 'Statistic', subject: name(r.subject), property: 'employees', value: (r.quantity as { text: string }).text }];
      return [
        {
          type: 'Claim',
          subject: name(r.subject),
          property: r.property,
          value: (r.quantity as { text?: string })?.text ?? (r.date as { text?: string })?.text ?? r.text,
        },
      ];
    }
    default:
      return [];
  }
}

function interval(v: unknown): [string, string] | null {
  if (!v) return null;
  if (typeof v === 'string') {
    const d = parseCalendar(v, 'date');
    return [d.earliest!, d.latest!];
  }
  const d = v as FuzzyDate;
  return [d.earliest ?? '0000-01-01', d.latest ?? '9999-12-31'];
}

/** The fields of a labelled fact that a proposal gets wrong (empty: right). */
export function wrongFields(expected: LabelledFact, found: LabelledFact): string[] {
  const wrong: string[] = [];
  for (const [field, want] of Object.entries(expected)) {
    if (['type', 'seed', 'why', 'alternatives'].includes(field) || (KEYS[expected.type] ?? []).includes(field) || want === undefined) continue;
    const got = found[field];
    if (['announced', 'completed', 'period'].includes(field)) {
      const [a, b] = [interval(want), interval(got)];
      // The day when the label gives a day; otherwise intervals that meet.
      const ok = a && b && (typeof want === 'string' && want.length === 10 ? a[0] === b[0] && a[1] === b[1] : a[0] <= b[1] && b[0] <= a[1]);
      if (!ok) wrong.push(field);
    } else if (typeof want === 'number') {
      if (typeof got !== 'number' || Math.abs(got - want) > 1e-6 * Math.max(1, Math.abs(want))) wrong.push(field);
    } else if (norm(want) !== norm(got)) wrong.push(field);
  }
  return wrong;
}

export interface TypeScore {
  labelled: number;
  found: number;
  proposed: number;
  correct: number;
}

export interface TextScore {
  id: string;
  byType: Record<string, TypeScore>;
  missed: Array<{ fact: LabelledFact; wrong?: string[] }>;
  incorrect: LabelledFact[];
  /** Figures a proposal gives that its quotes do not hold. */
  invented: string[];
}

/** Scores one text's extraction against its labels. */
export function scoreText(labels: LabelledText, extraction: Extraction): TextScore {
  const names = new Map<string, string>(extraction.known.map((k) => [k.id, k.name]));
  for (const p of extraction.proposals) for (const e of p.entities) if (!names.has(e.id)) names.set(e.id, e.name);
  const nameOf = (id: string) => names.get(id) ?? id;
  const proposed = extraction.proposals.flatMap((p) => factsOfProposal(p, nameOf).map((fact) => ({ fact, proposal: p })));
  // Entities named by the labelled facts, to score entity proposals against.
  const entityNames = new Set<string>();
  for (const f of [...labels.facts, ...(labels.alsoCorrect ?? [])])
    for (const k of ['organizations', 'organization', 'person', 'acquirer', 'target', 'child', 'parent', 'market', 'subject'])
      for (const n of ([] as unknown[]).concat(f[k] ?? [])) entityNames.add(norm(n));
  const score: TextScore = { id: labels.id, byType: {}, missed: [], incorrect: [], invented: [] };
  const of = (type: string) => (score.byType[type] ??= { labelled: 0, found: 0, proposed: 0, correct: 0 });

  const used = new Set<number>();
  for (const want of labels.facts) {
    of(want.type).labelled += 1;
    // Of the proposals of the same fact, the one that gets its fields right, else the first.
    const keys = keysOf(want);
    const same = proposed.map((p, k) => ({ p, k })).filter(({ p, k }) => !used.has(k) && keys.includes(keyOf(p.fact)));
    const i = (same.find(({ p }) => !wrongFields(want, p.fact).length) ?? same[0])?.k ?? -1;
    if (i < 0) {
      score.missed.push({ fact: want });
      continue;
    }
    used.add(i);
    const wrong = wrongFields(want, proposed[i].fact);
    if (wrong.length) score.missed.push({ fact: want, wrong });
    else of(want.type).found += 1;
    of(want.type).proposed += 1;
    if (!wrong.length) of(want.type).correct += 1;
    else score.incorrect.push(proposed[i].fact);
  }
  const extra = new Set((labels.alsoCorrect ?? []).flatMap(keysOf));
  proposed.forEach((p, k) => {
    if (used.has(k)) return;
    const t = of(p.fact.type);
    t.proposed += 1;
    const right = p.fact.type === 'Entity' ? entityNames.has(norm(p.fact.name)) : extra.has(keyOf(p.fact));
    if (right) t.correct += 1;
    else score.incorrect.push(p.fact);
  });
  // An entity labelled is found when some proposal names it.
  const named = new Set(extraction.proposals.flatMap((p) => p.entities.map((e) => norm(e.name))));
  of('Entity').labelled += entityNames.size;
  for (const n of entityNames) if (named.has(n)) of('Entity').found += 1;
  score.invented = inventedFigures(extraction);
  return score;
}

/** Every figure a proposal gives (headcount, price, value, quantity) must stand in one of the passages it cites. */
export function inventedFigures(extraction: Extraction): string[] {
  const out: string[] = [];
  for (const p of extraction.proposals) {
    const r = p.record as Record<string, unknown>;
    const figures = [r.headcount, r.price, r.value, r.quantity].filter(Boolean) as Array<{ text?: string; qualifier?: string }>;
    const passages = (r.sources as Array<{ locator: string }>).map((s) => {
      const [a, b] = s.locator.replace('characters ', '').split('-').map(Number);
      return extraction.text.slice(a, b);
    });
    for (const f of figures) if (f.qualifier !== 'UNKNOWN' && !passages.some((passage) => f.text && passage.includes(f.text))) out.push(`${p.id}: ${f.text}`);
  }
  return out;
}

/** Sums of text scores: per type and overall, recall and precision. */
export function summarize(scores: TextScore[]): {
  byType: Record<string, TypeScore & { recall: number | null; precision: number | null }>;
  overall: TypeScore & { recall: number; precision: number };
  invented: number;
} {
  const byType: Record<string, TypeScore> = {};
  for (const s of scores)
    for (const [type, t] of Object.entries(s.byType)) {
      const sum = (byType[type] ??= { labelled: 0, found: 0, proposed: 0, correct: 0 });
      sum.labelled += t.labelled;
      sum.found += t.found;
      sum.proposed += t.proposed;
      sum.correct += t.correct;
    }
  const ratio = (a: number, b: number) => (b ? Math.round((a / b) * 1000) / 1000 : null);
  const facts = Object.entries(byType).filter(([type]) => type !== 'Entity');
  const overall = facts.reduce(
    (o, [, t]) => ({ labelled: o.labelled + t.labelled, found: o.found + t.found, proposed: o.proposed + t.proposed, correct: o.correct + t.correct }),
    { labelled: 0, found: 0, proposed: 0, correct: 0 },
  );
  return {
    byType: Object.fromEntries(
      Object.entries(byType).map(([type, t]) => [type, { ...t, recall: ratio(t.found, t.labelled), precision: ratio(t.correct, t.proposed) }]),
    ),
    overall: { ...overall, recall: ratio(overall.found, overall.labelled) ?? 0, precision: ratio(overall.correct, overall.proposed) ?? 0 },
    invented: scores.reduce((n, s) => n + s.invented.length, 0),
  };
}

/** Reads a labels file (one text, or {texts: [...]}) with its texts (a text's path may be given instead by id): those whose file is missing are left out and named. */
export function readLabels(
  file: string,
  pathsById: Record<string, string | undefined> = {},
): { texts: Array<LabelledText & { text: string }>; missing: string[] } {
  const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as { texts?: LabelledText[] } & LabelledText;
  const missing: string[] = [];
  const texts = (raw.texts ?? [raw]).flatMap((t) => {
    const at = pathsById[t.id] ?? path.resolve(path.dirname(file), t.file);
    if (!fs.existsSync(at)) {
      missing.push(at);
      return [];
    }
    return [{ ...t, text: fs.readFileSync(at, 'utf8') }];
  });
  return { texts, missing };
}

/** Extracts each labelled text against the resolver and the parser and scores it; also the time each extraction took. */
export async function evaluate(
  texts: Array<LabelledText & { text: string }>,
  services: ExtractionServices,
): Promise<Array<TextScore & { ms: number; proposals: number }>> {
  const out: Array<TextScore & { ms: number; proposals: number }> = [];
  for (const t of texts) {
    const started = performance.now();
    const extraction = await extractArticle(services, t.text, { published: parseCalendar(t.published, 'published'), title: t.title ?? null });
    out.push({ ...scoreText(t, extraction), ms: performance.now() - started, proposals: extraction.proposals.length });
  }
  return out;
}
