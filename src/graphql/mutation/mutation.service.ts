import { mergeIdentifierTwins } from '../../resolution/identifier-merges';
import { BadUserInputError } from '../../errors/errors';
import { clientErrorOf, IngestValidationError, loadRecords, LoadOptions } from '../../ingest/importer';
import { citedChange } from '../../ingest/fact-changes';
import { RawRecord } from '../../ingest/record-files';
import type { RecordType } from '../../ingest/record-types';
import { today } from '../common/limits';
import type { Context } from '../context';
import { OwnershipLink } from '../family/family.type';
import { entityById } from '../node/entities';
import { Citation } from '../source/source.type';
import { CitationInput } from '../common/fact.input';
import { SourceInput } from '../source/source.input';

/** GraphQL input objects as plain import records: absent and null fields dropped. */
function plain(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(plain);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== null && v !== undefined)
      .map(([k, v]) => [k, plain(v)]),
  );
}

/**
 * Writes records through the importer: the same validation (every fact cited, ids, dates, bounds,
 * references, cycles) and the same writer, in one transaction; on any problem nothing is written and
 * the caller gets BAD_USER_INPUT naming the field.
 */
async function write(ctx: Context, records: Array<{ type: RecordType; input: object; path: string }>, options: LoadOptions = {}): Promise<void> {
  const raw: RawRecord[] = records.map((r, i) => ({ file: r.path, line: i + 1, value: { type: r.type, ...(plain(r.input) as object) } }));
  try {
    await loadRecords(ctx.graph, raw, [], { by: whoWrites(ctx), mergeTwins: mergeIdentifierTwins, ...options });
  } catch (error) {
    throw error instanceof IngestValidationError ? clientErrorOf(error) : error;
  }
}

/** Who a write is recorded as in the change feed: the API key's name. */
export function whoWrites(ctx: Context): string {
  return ctx.caller.keyName ?? 'anonymous';
}

function withNewSources(newSources: SourceInput[] | null | undefined) {
  return (newSources ?? []).map((input, i) => ({ type: 'Source' as const, input, path: `newSources[${i}]` }));
}

/** Creates or replaces a fact by id (with any new sources it cites) and returns it as stored. */
export async function upsertFact<T>(ctx: Context, type: RecordType, input: { id: string }, newSources?: SourceInput[] | null): Promise<T> {
  if (type === 'Ownership') {
    // A link is read back in its own write's transaction: a concurrent replacement of the same id
    // (delete and create) can hide it from a separate read under read-committed isolation.
    let row: Record<string, unknown> | undefined;
    await write(ctx, [...withNewSources(newSources), { type, input, path: 'input' }], {
      afterWrite: async (tx) => void ([row] = await tx.run('traversal/link-by-id', { id: input.id })),
    });
    return OwnershipLink.fromRow(row!, today()) as T;
  }
  await write(ctx, [...withNewSources(newSources), { type, input, path: 'input' }]);
  return (await entityById<T>(ctx, input.id))!;
}

/** Adds citations to any fact (node or parent link); returns the fact's sources afterwards. */
export async function cite(ctx: Context, fact: string, citations: CitationInput[], newSources?: SourceInput[] | null): Promise<Citation[]> {
  if (!citations.length) throw new BadUserInputError('sources: give at least one citation', 'sources');
  let found = false;
  let link: Record<string, unknown> | undefined;
  await write(ctx, withNewSources(newSources), {
    lockIds: [fact],
    afterWrite: async (tx) => {
      const known = await tx.run('ingest/entity-labels', { ids: citations.map((c) => c.source) });
      const missing = citations.filter((c) => !known.some((k) => k.id === c.source && (k.labels as string[]).includes('Source')));
      if (missing.length) throw new BadUserInputError(`sources: "${missing[0].source}" is not a known Source`, 'sources');
      const [row] = await tx.run('ingest/add-citations', {
        fact,
        citations: citations.map((c) => ({ source: c.source, quote: c.quote ?? null, locator: c.locator ?? null })),
      });
      found = Boolean(row?.found);
      if (!found) throw new BadUserInputError(`fact: "${fact}" is not a known fact (sources cannot cite sources)`, 'fact');
      [link] = await tx.run('traversal/link-by-id', { id: fact });
      tx.record([citedChange(fact, row, whoWrites(ctx))]);
    },
  });
  if (link) return OwnershipLink.fromRow(link, today()).sources;
  return ctx.loaders.many('citations/of-nodes', fact, Citation.fromRow);
}
