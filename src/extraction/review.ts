import crypto from 'node:crypto';
import type { ExtractionReader } from '../config';
import { BadUserInputError, ConflictError } from '../errors/errors';
import type { GraphClient, Row } from '../graph/graph-client';
import { type FuzzyDate, InputProblem } from '../ingest/dates-and-quantities';
import { citedChange } from '../ingest/fact-changes';
import { clientErrorOf, IngestValidationError, loadRecords } from '../ingest/importer';
import { RawRecord } from '../ingest/record-files';
import { normalizeRecord } from '../ingest/records';
import type { Extraction } from './extract';
import { graphResolver } from './gazetteer';
import { ArticleMeta, articleSource, FactType, Proposal, sourceRecordOf } from './proposals';
import type { StoredArticle } from './stored-article';
import { sharedParser } from './parser/parser-process';
import { extractInWorker } from './worker-pool';

/**
 * The review of extracted facts: a submitted article is stored (its text, so a reviewer sees the
 * passage in place) with its proposals, PENDING; accepting one writes its record through the same
 * validated writer as every import, in one transaction with the article as its source, the new
 * entities it needs, and the check that it is still pending. What changed since extraction is settled
 * in that transaction: an entity merged away is followed to its survivor (the importer's redirects); an
 * entity deleted makes the write refuse with the reason; a new entity's id the graph has meanwhile
 * given to an entity of the same name is that entity; a fact the graph already holds under the same id
 * is cited by the article instead of rewritten. Nothing is written by extraction alone.
 */
export const PROPOSAL_STATUSES = {
  PENDING: 'Proposed, waiting for a reviewer: nothing of it is in the graph.',
  ACCEPTED: 'Accepted: its record is in the graph, citing the article.',
  REJECTED: 'Refused by a reviewer: nothing was written.',
} as const;
export type ProposalStatus = keyof typeof PROPOSAL_STATUSES;

export interface StoredProposal extends Omit<Proposal, 'record' | 'entities'> {
  status: ProposalStatus;
  record: Proposal['record'];
  entities: Proposal['entities'];
  proposedBy: string;
  proposedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  note: string | null;
  article: StoredArticle;
}

/** An article's extraction id: the same text is the same article. */
export const extractionId = (text: string) => `ext-${crypto.createHash('sha256').update(text).digest('hex').slice(0, 16)}`;

export function proposalFromRow(row: Row): StoredProposal {
  const article = row.article as Row;
  return {
    ...(row as unknown as StoredProposal),
    record: JSON.parse(String(row.record)) as Proposal['record'],
    entities: JSON.parse(String(row.entities)) as Proposal['entities'],
    requires: (row.requires as string[]) ?? [],
    decidedBy: (row.decidedBy as string | null) ?? null,
    decidedAt: (row.decidedAt as string | null) ?? null,
    note: (row.note as string | null) ?? null,
    start: Number(row.start),
    end: Number(row.end),
    article: {
      ...(article as unknown as StoredArticle),
      publishers: (article.publishers as string[]) ?? [],
      authors: (article.authors as string[]) ?? [],
      url: (article.url as string | null) ?? null,
      textLength: Number(article.textLength),
      fromMarkup: Boolean(article.fromMarkup),
    },
  };
}

export interface ExtractOptions {
  submit: boolean;
  by: string;
  /** The time the extraction worker may take (EXTRACTION_TIME_BUDGET_MS). */
  budgetMs: number;
  /** Which reader reads the facts (EXTRACTION_READER). */
  reader: ExtractionReader;
  /** How the caller names the article's fields (text, url, title...) in errors: input.url for the mutation, --url for the CLI. */
  fieldName?: (field: string) => string;
}

/**
 * Extracts an article's proposals against the graph (in the extraction worker, within the budget) and,
 * when `submit`, stores them for review.
 */
export async function extractFromArticle(
  graph: GraphClient,
  raw: string,
  meta: ArticleMeta,
  options: ExtractOptions,
): Promise<{ extraction: Extraction; extractionId: string; sourceId: string; created: number }> {
  let extraction: Extraction;
  let source: ReturnType<typeof articleSource>;
  try {
    extraction = await extractInWorker({ resolve: graphResolver(graph), parse: sharedParser().parse, reader: options.reader }, raw, meta, options.budgetMs);
    source = articleSource(extraction.text, meta);
    // The Source its facts will cite, checked now by the importer's rules (a javascript: URL, a name too
    // long): stored unchecked, it would block every fact of the article at accept.
    normalizeRecord(source, new Map());
  } catch (error) {
    if (!(error instanceof InputProblem)) throw error;
    const field = (options.fieldName ?? ((f) => f))(error.field);
    throw new BadUserInputError(`${field}: ${error.reason}`, field);
  }
  const id = extractionId(extraction.text);
  let created = 0;
  if (options.submit && extraction.proposals.length) {
    const rows = await graph.write('extraction/save', {
      extraction: { id, text: extraction.text, textLength: extraction.text.length, fromMarkup: extraction.fromMarkup, submittedBy: options.by },
      // Submitted again, the article takes this metadata (a corrected URL or title).
      meta: {
        sourceId: source.id,
        title: source.title,
        publishers: meta.publishers ?? [],
        authors: meta.authors ?? [],
        url: meta.url ?? null,
        publishedEarliest: meta.published.earliest,
        publishedLatest: meta.published.latest,
        publishedText: meta.published.text,
      },
      proposals: extraction.proposals.map((p) => ({
        id: p.id,
        factType: p.factType,
        summary: p.summary,
        record: JSON.stringify(p.record),
        entities: JSON.stringify(p.entities),
        requires: p.requires,
        start: p.start,
        end: p.end,
        quote: p.quote,
        proposedBy: options.by,
      })),
    });
    created = rows.filter((r) => r.created).length;
  }
  return { extraction, extractionId: id, sourceId: source.id, created };
}

export async function proposalsById(graph: GraphClient, ids: string[]): Promise<StoredProposal[]> {
  return (await graph.read('extraction/proposals-by-id', { ids })).map((r) => proposalFromRow(r.node as Row));
}

async function proposalById(graph: GraphClient, id: string): Promise<StoredProposal> {
  const [p] = await proposalsById(graph, [id]);
  if (!p) throw new BadUserInputError(`no extracted fact has the id "${id}"`, 'id');
  return p;
}

/**
 * The article as the Source record a proposal's facts cite: its metadata as last submitted, under the
 * id the proposal cites (a title corrected since gives the article another id; facts proposed before
 * keep citing the first).
 */
function sourceRecord(a: StoredArticle, p: StoredProposal): Record<string, unknown> {
  const published: FuzzyDate = { earliest: a.publishedEarliest, latest: a.publishedLatest, precision: 'RANGE', text: a.publishedText };
  const cited = (p.record.sources as Array<{ source: string }> | undefined)?.[0]?.source ?? a.sourceId;
  return sourceRecordOf(cited, a.title, { published, publishers: a.publishers, authors: a.authors, url: a.url });
}

const ENTITY_TYPES: ReadonlySet<FactType> = new Set(['Organization', 'Person', 'Market']);

/**
 * Accepts an extracted fact with the new entities it needs, writing them through the importer in one
 * transaction (see the module's comment for what is settled there). Returns the proposals decided.
 */
export async function acceptProposal(graph: GraphClient, id: string, by: string, note: string | null = null): Promise<StoredProposal> {
  const p = await proposalById(graph, id);
  if (p.status !== 'PENDING') throw new ConflictError(`extracted fact "${id}" is already ${p.status.toLowerCase()}`, id, 'Proposal');
  // What it needs, and what that needs (a new organization's new city), at most three levels down.
  const needed: StoredProposal[] = [];
  for (let ids = p.requires, depth = 0; ids.length && depth < 3; depth += 1) {
    const found = (await proposalsById(graph, ids)).filter((n) => !needed.some((m) => m.id === n.id));
    needed.push(...found);
    ids = found.flatMap((n) => n.requires);
  }
  const refused = needed.find((n) => n.status === 'REJECTED');
  if (refused) throw new ConflictError(`extracted fact "${id}" needs ${refused.summary} ("${refused.id}"), which was rejected`, refused.id, 'Proposal');
  const pending = needed.filter((n) => n.status === 'PENDING');
  const records: RawRecord[] = [sourceRecord(p.article, p), ...pending.map((n) => n.record), p.record].map((value, i) => ({
    file: i === 0 ? 'article' : `proposal ${[...pending, p][i - 1]?.id}`,
    line: 1,
    value,
  }));
  const existingFacts: string[] = [];
  try {
    await loadRecords(graph, records, [], {
      by,
      lockIds: [id, ...pending.map((n) => n.id)],
      prepare: async (tx, raw) => {
        const ids = raw.map((r) => (r.value as { id: string }).id);
        const known = new Map((await tx.run('ingest/entity-labels', { ids })).map((row) => [row.id as string, row]));
        const names = new Map((await tx.run('extraction/entity-names', { ids })).map((row) => [row.id as string, row.name as string | null]));
        return raw.filter((r, i) => {
          const value = r.value as { type: string; id: string; name?: string };
          const held = known.get(value.id);
          if (!held || i === 0) return true; // the article's source is written as it is (the same id, the same article)
          if (ENTITY_TYPES.has(value.type as FactType)) {
            const name = names.get(value.id);
            if ((held.labels as string[]).includes(value.type) && name?.toLowerCase() === value.name?.toLowerCase()) return false;
            throw new ConflictError(
              `the new ${value.type.toLowerCase()} "${value.name}" would take the id "${value.id}", which the graph gives to "${name ?? value.id}"`,
              value.id,
              String((held.labels as string[])[0]),
            );
          }
          // A fact the graph holds under this id: the article is one more source of it.
          existingFacts.push(value.id);
          return false;
        });
      },
      afterWrite: async (tx) => {
        for (const fact of existingFacts) {
          const citations = (p.record.sources as Array<{ source: string; quote: string; locator: string }>).map((c) => ({
            source: c.source,
            quote: c.quote,
            locator: c.locator,
          }));
          const [cited] = await tx.run('ingest/add-citations', { fact, citations });
          tx.record([citedChange(fact, cited, by)]);
        }
        const decided = await tx.run('extraction/decide', { ids: [id, ...pending.map((n) => n.id)], status: 'ACCEPTED', by, note });
        if (!decided.some((d) => d.id === id)) throw new ConflictError(`extracted fact "${id}" was decided meanwhile`, id, 'Proposal');
      },
    });
  } catch (error) {
    throw error instanceof IngestValidationError ? clientErrorOf(error) : error;
  }
  return proposalById(graph, id);
}

/** Rejects an extracted fact (and what needs it stays pending but can no longer be accepted). */
export async function rejectProposal(graph: GraphClient, id: string, by: string, note: string | null = null): Promise<StoredProposal> {
  const p = await proposalById(graph, id);
  if (p.status !== 'PENDING') throw new ConflictError(`extracted fact "${id}" is already ${p.status.toLowerCase()}`, id, 'Proposal');
  const decided = await graph.write('extraction/decide', { ids: [id], status: 'REJECTED', by, note });
  if (!decided.length) throw new ConflictError(`extracted fact "${id}" was decided meanwhile`, id, 'Proposal');
  return proposalById(graph, id);
}
