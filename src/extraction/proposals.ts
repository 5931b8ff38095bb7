import crypto from 'node:crypto';
import type { FuzzyDate } from '../ingest/dates-and-quantities';
import { slugForId } from '../ingest/names';
import type { Finding } from './facts/finding';
import { DEMONYMS, type KnownEntity } from './gazetteer';
import type { FoundLayoff } from './facts/layoff';
import type { EntityRef } from './reading/sentence-view';

/**
 * Findings as the import format's records, ready for review: the article as a Source (title,
 * publisher, authors, publication date, URL), each new entity as an Organization, Person or Market,
 * each fact as its record citing the article with the quote and the passage's offsets as locator.
 * Ids are derived from what the fact is (the same article and fact give the same id), so a second
 * run proposes nothing twice. A statement of a fact the article states again with another figure
 * ("close to $1 billion" beside "$970 million") is a Claim about it, ranked NORMAL, as the seed does
 * by hand; a headquarters or former name of an organization the graph already holds is a Claim too,
 * since extraction never rewrites a record it did not make.
 */
export interface ArticleMeta {
  published: FuzzyDate;
  title?: string | null;
  publishers?: string[];
  authors?: string[];
  url?: string | null;
}

/** What a proposal states, for the review queue and for the evaluation: the kinds, described once. */
export const FACT_TYPES = {
  Organization: 'A new organization the article names (one the graph holds is referred to, never proposed again).',
  Person: 'A new person the article names.',
  Market: 'A new market (a country, a city) the article names.',
  Role: 'A role of a person in an organization: the title as written and its type.',
  Acquisition: 'An acquisition: acquirer, target, price, announced and completed dates.',
  Ownership: 'A parent link: a subsidiary or a division of another organization.',
  LayoffEvent: 'A round of job cuts: the organizations, the headcount as stated, the share of the workforce, the date, who announced it and how.',
  MarketPresence: 'A market entry or exit (with its reason), or a presence in a segment.',
  Headquarters: 'Where a new organization is based (on its record).',
  FormerName: 'A name a new organization had before (on its record).',
  MarketMetric: 'A figure about a market for a period, measured or forecast.',
  Statistic: 'A figure of an organization (its workforce), as a claim about it.',
  Claim: 'Another statement of a property: a second price or date of a deal, the headquarters or former name of an organization the graph holds.',
} as const;
export type FactType = keyof typeof FACT_TYPES;
/** The schema's name of a fact type (LAYOFF_EVENT for LayoffEvent). */
export const factTypeEnumName = (type: string) => type.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase();
export const factTypeOfEnumName = (name: string) => (Object.keys(FACT_TYPES) as FactType[]).find((t) => factTypeEnumName(t) === name)!;

export interface Proposal {
  id: string;
  factType: FactType;
  summary: string;
  /** The import-format record accepting it writes (with its citation of the article). */
  record: Record<string, unknown> & { type: string; id: string };
  /** Proposals of new entities this one refers to: accepted with it. */
  requires: string[];
  /** The sentence that states it (offsets in the text). */
  start: number;
  end: number;
  quote: string;
  /** Ids of the entities it names, known or new, by their part in the fact. */
  entities: Array<{ part: string; id: string; name: string; known: boolean }>;
}

const ORDER = Object.keys(FACT_TYPES);
const hash = (text: string, n = 10) => crypto.createHash('sha256').update(text).digest('hex').slice(0, n);

/** The article's source id: the same text is the same source. */
export function articleSourceId(text: string, meta: ArticleMeta): string {
  const title = meta.title ? slugForId(meta.title, 40) : '';
  return `src-article-${title ? `${title}-` : ''}${hash(text, 8)}`;
}

export function articleSource(text: string, meta: ArticleMeta): Record<string, unknown> & { type: string; id: string } {
  // Without a title, the article's first line is what it calls itself.
  const firstLine = text
    .split('\n')
    .find((l) => l.trim())!
    .trim();
  return sourceRecordOf(articleSourceId(text, meta), meta.title ?? firstLine, meta);
}

/** The Source record of an article: what its metadata gives, nothing more. */
export function sourceRecordOf(id: string, title: string, meta: ArticleMeta): Record<string, unknown> & { type: string; id: string } {
  return {
    type: 'Source',
    id,
    kind: 'NEWS_ARTICLE',
    title: title.slice(0, 500),
    ...(meta.publishers?.length ? { publishers: meta.publishers } : {}),
    ...(meta.authors?.length ? { authors: meta.authors } : {}),
    ...(meta.url ? { url: meta.url } : {}),
    language: 'en',
    published: { earliest: meta.published.earliest, latest: meta.published.latest, ...(meta.published.text ? { text: meta.published.text } : {}) },
  };
}

function acquisitionSummary(record: Record<string, unknown>, acquirer: string, target: string): string {
  const price = record.price as { text: string } | undefined;
  const when = (record.completed ?? record.announced) as { text?: string } | undefined;
  return `${acquirer} ${record.status === 'COMPLETED' ? 'acquired' : 'agreed to acquire'} ${target}${price ? ` for ${price.text}` : ''}${when?.text ? ` (${when.text})` : ''}`;
}

const dateField = (d: FuzzyDate) => ({ earliest: d.earliest, latest: d.latest, precision: d.precision, ...(d.text ? { text: d.text } : {}) });

export function buildProposals(text: string, meta: ArticleMeta, known: KnownEntity[], findings: Finding[], layoffs: FoundLayoff[]): Proposal[] {
  const source = articleSourceId(text, meta);
  const out = new Map<string, Proposal>();
  const entityProposal = new Map<string, string>();
  const knownIds = new Set(known.map((k) => k.id));
  const cite = (start: number, end: number, quote: string) => [{ source, quote: quote.slice(0, 200), locator: `characters ${start}-${end}` }];

  /** The id a reference writes: the graph's, or the new entity's slug (its proposal made on first use). */
  const idOf = (ref: EntityRef, extra: Record<string, unknown> = {}): string => {
    if (ref.known || knownIds.has(ref.id)) return ref.id;
    const id = slugForId(ref.name, 60) || `entity-${hash(ref.name, 6)}`;
    if (!entityProposal.has(ref.id)) {
      const record = { type: ref.type, id, name: ref.name, ...kindOf(ref), ...extra, sources: cite(ref.start, ref.end, text.slice(ref.start, ref.end)) };
      const p = add(ref.type, record, `New ${ref.type.toLowerCase()}: ${ref.name}`, [], ref.start, ref.end, text.slice(ref.start, ref.end), [
        { part: 'entity', id, name: ref.name, known: false },
      ]);
      entityProposal.set(ref.id, p.id);
    }
    return id;
  };
  /**
   * The kind a new entity's record needs: a division when the article makes it one of another
   * organization, else a company; a country when its name is one the demonyms name, else a city (new
   * places come from "based in", "opened in" and market exits, which name towns or countries).
   */
  const divisions = new Set(findings.filter((f) => f.type === 'Ownership' && f.fields.kind === 'DIVISION').map((f) => f.refs.child.id));
  const countries = new Set(Object.values(DEMONYMS));
  const kindOf = (ref: EntityRef) =>
    ref.type === 'Organization'
      ? { kind: divisions.has(ref.id) ? 'DIVISION' : 'COMPANY' }
      : ref.type === 'Market'
        ? { kind: countries.has(ref.name) ? 'COUNTRY' : 'CITY' }
        : {};
  const requiresOf = (refs: EntityRef[]) => refs.filter((r) => !r.known && !knownIds.has(r.id)).map((r) => entityProposal.get(r.id)!);
  const parts = (refs: Record<string, EntityRef>) => Object.entries(refs).map(([part, r]) => ({ part, id: idOf(r), name: r.name, known: r.known }));

  function add(
    factType: FactType,
    record: Proposal['record'],
    summary: string,
    requires: string[],
    start: number,
    end: number,
    quote: string,
    entities: Proposal['entities'],
  ): Proposal {
    const id = `prop-${hash(`${source}|${record.type}|${record.id}|${factType}`, 16)}`;
    const existing = out.get(id);
    if (existing) {
      // Said again: one more quote for the same fact.
      const sources = existing.record.sources as Array<{ quote: string }>;
      if (!sources.some((s) => s.quote === quote.slice(0, 200)) && sources.length < 5) sources.push(...cite(start, end, quote));
      return existing;
    }
    const p: Proposal = { id, factType, summary, record, requires, start, end, quote: quote.slice(0, 200), entities };
    out.set(id, p);
    return p;
  }

  const claim = (
    subject: string,
    property: string,
    value: Record<string, unknown>,
    f: { start: number; end: number; quote: string },
    summary: string,
    requires: string[],
    entities: Proposal['entities'],
  ) =>
    add(
      'Claim',
      {
        type: 'Claim',
        id: `claim-${slugForId(subject, 40)}-${property}-${hash(JSON.stringify(value), 6)}`,
        subject,
        property,
        rank: 'NORMAL',
        ...value,
        sources: cite(f.start, f.end, f.quote),
      },
      summary,
      requires,
      f.start,
      f.end,
      f.quote,
      entities,
    );

  // Of two statements of one acquisition, the exact price is the fact and the other a claim about it.
  const exactFirst = (f: Finding) => (f.type === 'Acquisition' && (f.fields.price as { qualifier?: string } | undefined)?.qualifier !== 'EXACT' ? 1 : 0);
  for (const f of [...findings].sort((a, b) => exactFirst(a) - exactFirst(b))) {
    const refs = Object.values(f.refs);
    const entities = parts(f.refs);
    const id = (k: string) => idOf(f.refs[k]);
    const requires = requiresOf(refs);
    const at = { start: f.start, end: f.end, quote: f.quote };
    const sources = cite(f.start, f.end, f.quote);
    const propose = (factType: FactType, record: Proposal['record'], summary: string) =>
      add(factType, record, summary, requires, f.start, f.end, f.quote, entities);
    switch (f.type) {
      case 'Role': {
        const record = {
          type: 'Role',
          id: `role-${slugForId(id('person'), 30)}-${slugForId(id('organization'), 30)}-${slugForId(String(f.fields.roleType), 12)}`,
          person: id('person'),
          organization: id('organization'),
          ...f.fields,
          sources,
        };
        propose('Role', record, `${f.refs.person.name}: ${f.fields.title} of ${f.refs.organization.name}`);
        break;
      }
      case 'Acquisition': {
        const recordId = `acq-${slugForId(id('acquirer'), 30)}-${slugForId(id('target'), 30)}`;
        const first = [...out.values()].find((p) => p.record.id === recordId && p.factType === 'Acquisition');
        if (first) {
          // Said again: what differs is another source statement of a property.
          const price = f.fields.price as { amount: number; qualifier: string; text: string } | undefined;
          const earlier = first.record.price as { text: string } | undefined;
          if (price && earlier && earlier.text !== price.text)
            claim(
              recordId,
              'price',
              { quantity: { value: price.amount, qualifier: price.qualifier, text: price.text } },
              at,
              `${f.refs.acquirer.name} paid ${price.text} for ${f.refs.target.name}`,
              first.requires,
              entities,
            );
          else if (price && !earlier) first.record.price = price;
          for (const key of ['completed', 'announced'] as const) {
            const date = f.fields[key] as FuzzyDate | undefined;
            const had = first.record[key] as { text?: string } | undefined;
            if (date && had && had.text !== date.text)
              claim(recordId, key, { date: dateField(date) }, at, `${f.refs.target.name} ${key} ${date.text}`, first.requires, entities);
            else if (date && !had) first.record[key] = dateField(date);
          }
          if (f.fields.status === 'COMPLETED') first.record.status = 'COMPLETED';
          (first.record.sources as unknown[]).push(...sources);
          first.summary = acquisitionSummary(first.record, f.refs.acquirer.name, f.refs.target.name);
          break;
        }
        const fields = { ...f.fields };
        for (const key of ['completed', 'announced']) if (fields[key]) fields[key] = dateField(fields[key] as FuzzyDate);
        const record = { type: 'Acquisition', id: recordId, acquirer: id('acquirer'), target: id('target'), ...fields, sources };
        propose('Acquisition', record, acquisitionSummary(record, f.refs.acquirer.name, f.refs.target.name));
        break;
      }
      case 'Ownership':
        propose(
          'Ownership',
          {
            type: 'Ownership',
            id: `own-${slugForId(id('child'), 30)}-${slugForId(id('parent'), 30)}`,
            child: id('child'),
            parent: id('parent'),
            kind: f.fields.kind,
            sources,
          },
          `${f.refs.child.name}: ${String(f.fields.kind).toLowerCase()} of ${f.refs.parent.name}`,
        );
        break;
      case 'MarketPresence': {
        const fields = { ...f.fields };
        for (const key of ['exitAnnounced', 'since', 'until']) if (fields[key]) fields[key] = dateField(fields[key] as FuzzyDate);
        const period = fields.since || fields.until ? { since: fields.since, until: fields.until } : {};
        delete fields.since;
        delete fields.until;
        propose(
          'MarketPresence',
          {
            type: 'MarketPresence',
            id: `presence-${slugForId(id('organization'), 30)}-${slugForId(id('market'), 30)}`,
            organization: id('organization'),
            market: id('market'),
            ...fields,
            ...(JSON.parse(JSON.stringify(period)) as Record<string, unknown>),
            sources,
          },
          `${f.refs.organization.name} in ${f.refs.market.name}: ${String(f.fields.status).toLowerCase()}${f.fields.exitReason ? ` (${f.fields.exitReason})` : ''}`,
        );
        break;
      }
      case 'Headquarters':
      case 'FormerName': {
        const org = f.refs.organization;
        const value = f.type === 'Headquarters' ? f.refs.market.name : String(f.fields.formerName);
        const summary = f.type === 'Headquarters' ? `${org.name} is based in ${value}` : `${org.name} was formerly ${value}`;
        if (!org.known) {
          // A new organization carries it as its own field.
          const extra = f.type === 'Headquarters' ? { headquarters: id('market') } : { formerNames: [value] };
          const orgId = idOf(org, extra);
          const p = [...out.values()].find((q) => q.record.id === orgId && q.factType === 'Organization');
          if (p) {
            Object.assign(p.record, extra, { sources: [...(p.record.sources as unknown[]), ...sources] });
            // A new city it is based in is proposed with it.
            p.requires = [...new Set([...p.requires, ...(f.type === 'Headquarters' ? requiresOf([f.refs.market]) : [])])];
          }
          break;
        }
        claim(org.id, f.type === 'Headquarters' ? 'headquarters' : 'formerName', { text: value }, at, summary, requires, entities);
        break;
      }
      case 'MarketMetric': {
        const period = f.fields.period as FuzzyDate;
        const record = {
          type: 'MarketMetric',
          id: `metric-${slugForId(String(f.fields.name), 30)}-${slugForId(id('market'), 20)}-${String(f.fields.basis).toLowerCase()}-${hash(JSON.stringify(period), 4)}`,
          name: f.fields.name,
          unit: f.fields.unit,
          basis: f.fields.basis,
          period: dateField(period),
          value: f.fields.value,
          markets: [id('market')],
          sources,
        };
        propose(
          'MarketMetric',
          record,
          `${f.fields.name} (${f.refs.market.name}, ${period.text}): ${(f.fields.value as { text: string }).text}${f.fields.basis === 'FORECAST' ? ', forecast' : ''}`,
        );
        break;
      }
      case 'Statistic': {
        const q = f.fields.quantity as { text: string };
        claim(
          id('subject'),
          String(f.fields.property),
          { quantity: f.fields.quantity, ...(f.fields.date ? { date: dateField(f.fields.date as FuzzyDate) } : {}) },
          at,
          `${f.refs.subject.name}: ${f.fields.property} ${q.text}`,
          requires,
          entities,
        );
        break;
      }
    }
  }

  for (const l of layoffs) {
    const orgs = l.organizations.map((o) => ({
      ...o,
      type: 'Organization' as const,
      known: !o.id.startsWith('new:'),
      name: o.id.startsWith('new:') ? o.id.slice('new:Organization:'.length) : o.name,
    }));
    const refs: EntityRef[] = [...orgs, ...(l.announcedBy ? [l.announcedBy] : []), ...l.regions.map((r) => r.market)];
    const organizations = orgs.map((o) => idOf(o));
    // No date phrase in the sentence: announced by the article's publication at the latest.
    const announced = l.announced ? dateField(l.announced) : { latest: meta.published.latest, text: 'by the publication of the article' };
    const record = {
      type: 'LayoffEvent',
      id: `layoff-${slugForId(organizations.join('-'), 40)}-${hash(`${source}|${l.start}`, 6)}`,
      organizations,
      announced,
      headcount: l.headcount,
      ...(l.shareOfWorkforce !== null ? { shareOfWorkforce: l.shareOfWorkforce } : {}),
      ...(l.announcedBy ? { announcedBy: idOf(l.announcedBy) } : {}),
      ...(l.channels.length ? { channels: l.channels } : {}),
      ...(l.regions.length ? { regions: l.regions.map((r) => ({ market: idOf(r.market), ...(r.notified ? { notified: dateField(r.notified) } : {}) })) } : {}),
      sources: [cite(l.start, l.end, l.quote)[0], ...l.restatements.map((r) => cite(r.start, r.end, r.quote)[0])],
    };
    const entities = [
      ...orgs.map((o, i) => ({ part: 'organization', id: organizations[i], name: o.name, known: o.known })),
      ...(l.announcedBy ? [{ part: 'announcedBy', id: idOf(l.announcedBy), name: l.announcedBy.name, known: l.announcedBy.known }] : []),
      ...l.regions.map((r) => ({ part: 'region', id: idOf(r.market), name: r.market.name, known: r.market.known })),
    ];
    add(
      'LayoffEvent',
      record,
      `${orgs.map((o) => o.name).join(' and ')} cut ${l.headcount.qualifier === 'UNKNOWN' ? 'jobs (number not given)' : `${l.headcount.text} jobs`}${l.shareOfWorkforce ? `, ${Math.round(l.shareOfWorkforce * 100)}% of the workforce` : ''}${l.announced ? ` (${l.announced.text})` : ''}`,
      requiresOf(refs),
      l.start,
      l.end,
      l.quote,
      entities,
    );
  }
  return [...out.values()].sort((a, b) => a.start - b.start || ORDER.indexOf(a.factType) - ORDER.indexOf(b.factType) || a.id.localeCompare(b.id));
}
