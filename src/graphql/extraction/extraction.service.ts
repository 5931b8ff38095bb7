import { type StoredProposal, acceptProposal, extractFromArticle, proposalFromRow, proposalsById, rejectProposal } from '../../extraction/review';
import type { Row } from '../../graph/graph-client';
import { factTypeOfEnumName } from '../../extraction/proposals';
import { BadUserInputError } from '../../errors/errors';
import { parsePublication } from '../../extraction/dates';
import type { FuzzyDate } from '../../ingest/dates-and-quantities';
import { ConnectionResult, ordering, paginate, PageArgs } from '../common/connection';
import type { Context } from '../context';
import { checkNote, reviewerOf } from '../common/review';
import type { ExtractedFactFilter } from './extraction.args';
import type { ArticleInput } from './extraction.input';
import { ArticleExtraction, ExtractedFact, Passage } from './extraction.type';

const MAX_NAMES = 20;

function publication(text: string): FuzzyDate {
  try {
    return parsePublication(text);
  } catch (error) {
    throw new BadUserInputError(`published: ${(error as Error).message}`, 'input.published');
  }
}

function names(list: string[] | null | undefined, field: string): string[] {
  const out = (list ?? []).map((n) => n.trim()).filter(Boolean);
  if (out.length > MAX_NAMES || out.some((n) => n.length > 300))
    throw new BadUserInputError(`${field}: at most ${MAX_NAMES} names of at most 300 characters`, `input.${field}`);
  return out;
}

export async function extractArticle(ctx: Context, input: ArticleInput, submit: boolean): Promise<ArticleExtraction> {
  if (input.title && input.title.length > 500) throw new BadUserInputError('title: at most 500 characters', 'input.title');
  const { extraction, extractionId, sourceId, created } = await extractFromArticle(
    ctx.graph,
    input.text,
    {
      published: publication(input.published),
      title: input.title?.trim() || null,
      publishers: names(input.publishers, 'publishers'),
      authors: names(input.authors, 'authors'),
      url: input.url ?? null,
    },
    { submit, by: reviewerOf(ctx), budgetMs: ctx.extraction.budgetMs, reader: ctx.extraction.reader, fieldName: (field) => `input.${field}` },
  );
  const stored = new Map<string, StoredProposal>();
  if (submit)
    for (const p of await proposalsById(
      ctx.graph,
      extraction.proposals.map((x) => x.id),
    ))
      stored.set(p.id, p);
  return Object.assign(new ArticleExtraction(), {
    extractionId,
    sourceId,
    submitted: submit,
    created,
    fromMarkup: extraction.fromMarkup,
    textLength: extraction.text.length,
    proposals: extraction.proposals.map((p) => (stored.has(p.id) ? ExtractedFact.fromStored(stored.get(p.id)!) : ExtractedFact.fromProposal(p))),
  });
}

export function extractedFacts(ctx: Context, filter: ExtractedFactFilter | null | undefined, page: PageArgs): Promise<ConnectionResult<ExtractedFact>> {
  const f = filter ?? {};
  return paginate(
    ctx.graph,
    'extraction/proposals',
    { status: f.status ?? null, factType: f.factType ? factTypeOfEnumName(f.factType) : null, extraction: f.extraction ?? null },
    page,
    ordering('SUBMITTED', 'DESC', 'string'),
    (row: Row) => ExtractedFact.fromStored(proposalFromRow(row)),
  );
}

export async function extractedFact(ctx: Context, id: string): Promise<ExtractedFact | null> {
  const [p] = await proposalsById(ctx.graph, [id]);
  return p ? ExtractedFact.fromStored(p) : null;
}

/** The sentence that states a fact and the words around it, read from the stored article in one query per request. */
export async function passageOf(ctx: Context, fact: ExtractedFact): Promise<Passage | null> {
  if (!fact.storedArticle) return null;
  const text = await ctx.loaders.one('extraction/article-text', fact.storedArticle.id, (row) => String(row.text));
  if (text === null) return null;
  return Object.assign(new Passage(), {
    start: fact.start,
    end: fact.end,
    text: text.slice(fact.start, fact.end),
    before: text.slice(Math.max(0, fact.start - 300), fact.start),
    after: text.slice(fact.end, fact.end + 300),
  });
}

export async function accept(ctx: Context, id: string, note: string | null): Promise<ExtractedFact> {
  return ExtractedFact.fromStored(await acceptProposal(ctx.graph, id, reviewerOf(ctx), checkNote(note)));
}

export async function reject(ctx: Context, id: string, note: string | null): Promise<ExtractedFact> {
  return ExtractedFact.fromStored(await rejectProposal(ctx.graph, id, reviewerOf(ctx), checkNote(note)));
}
