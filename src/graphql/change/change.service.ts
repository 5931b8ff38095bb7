import { type ChangeFilter, NO_FILTER, readFeed, storedChangeOf } from '../../changes/feed';
import { followChanges } from '../../changes/follow';
import { acquireLease } from '../../changes/leases';
import { settleFeed } from '../../changes/sequencer';
import { BadUserInputError, CorpgraphError, UnauthenticatedError } from '../../errors/errors';
import type { Row } from '../../graph/graph-client';
import { checkPage, ConnectionResult, PageArgs } from '../common/connection';
import { RECORD_TYPE_OF_ENUM } from '../common/enums';
import type { Context } from '../context';
import { changeCursor, sequenceOf } from './change-cursor';
import { Change, ChangeFeedInfo, Watch } from './change.type';
import type { ChangeFilterInput } from './change.input';

/** Organizations one filter may name, and a key may watch. */
export const MAX_FILTER_ORGANIZATIONS = 100;
export const MAX_WATCHES = 1000;
/** How far back (in changes) an organization's recentChanges look. */
export const RECENT_WINDOW = 10_000;

/** The API key a watch list belongs to; a caller without one has none. */
function keyOf(ctx: Context, what: string): string {
  if (!ctx.caller.keyName) throw new UnauthenticatedError(`${what} belongs to an API key: send Authorization: Bearer <token>.`);
  return ctx.caller.keyName;
}

/** The filter as the feed reads it: named organizations and, with watched, the key's watch list, each with its family or not. */
async function filterOf(ctx: Context, input: ChangeFilterInput | null | undefined): Promise<ChangeFilter> {
  if (!input) return NO_FILTER;
  const named = input.organizations ?? null;
  if (named && named.length > MAX_FILTER_ORGANIZATIONS) {
    throw new BadUserInputError(`filter.organizations: at most ${MAX_FILTER_ORGANIZATIONS} organizations, got ${named.length}`, 'filter.organizations');
  }
  let roots = named ? named.map((id) => ({ id, family: input.includeFamily })) : null;
  if (input.watched) {
    const watched = (await watches(ctx)).map((w) => ({ id: w.organization, family: w.includeFamily || input.includeFamily }));
    roots = [...(roots ?? []), ...watched];
  }
  const factTypes = input.factTypes ? input.factTypes.map((t) => RECORD_TYPE_OF_ENUM[t]) : null;
  return { roots, factTypes, kinds: input.kinds ?? null, sourceKinds: input.sourceKinds ?? null };
}

/** A page of the feed, oldest first; endCursor is where the page read through (the next page starts after it), even past its last edge. */
export async function changes(ctx: Context, args: PageArgs & { filter?: ChangeFilterInput | null }): Promise<ConnectionResult<Change>> {
  checkPage(args);
  const after = sequenceOf(args.after);
  const filter = await filterOf(ctx, args.filter);
  if (args.first === 0) {
    return { edges: [], nodes: [], pageInfo: { hasNextPage: true, hasPreviousPage: after !== null, startCursor: null, endCursor: args.after ?? null } };
  }
  const page = await readFeed(ctx.graph, after, filter, args.first, ctx.limits.maxDepth);
  const nodes = page.changes.map(Change.fromStored);
  return {
    edges: nodes.map((node) => ({ cursor: node.cursor, node })),
    nodes,
    pageInfo: {
      hasNextPage: page.scannedThrough < page.head,
      hasPreviousPage: after !== null,
      startCursor: nodes[0]?.cursor ?? null,
      endCursor: changeCursor(page.scannedThrough),
    },
  };
}

/**
 * The changes a subscription sends: after its cursor (or from now), each once in commit order, holding
 * one of the key's subscription slots (counted in Neo4j across processes) for as long as it lives.
 */
export async function subscribe(
  ctx: Context,
  args: { after?: string | null; filter?: ChangeFilterInput | null },
): Promise<AsyncIterable<Change | CorpgraphError>> {
  const feed = ctx.changes;
  if (!feed?.notifier)
    throw new BadUserInputError('Subscriptions are served over WebSocket (graphql-ws) at /graphql, not over HTTP: poll changes(after:) instead.');
  const after = sequenceOf(args.after);
  const filter = await filterOf(ctx, args.filter);
  const lease = await acquireLease(ctx.graph, ctx.client, feed.subscriptionsPerKey);
  const stop = new AbortController();
  const source = followChanges({ graph: ctx.graph, notifier: feed.notifier, after, filter, maxDepth: ctx.limits.maxDepth, signal: stop.signal });
  let failed = false;
  return {
    [Symbol.asyncIterator]() {
      const end = async () => {
        stop.abort();
        await lease.release();
      };
      return {
        // A failure the subscriber should read (CHANGES_EXPIRED, the database away) is sent as the last
        // event, an error with its code, and then the subscription ends.
        async next(): Promise<IteratorResult<Change | CorpgraphError>> {
          if (failed) return { done: true, value: undefined };
          try {
            const step = await source.next();
            if (step.done) await end();
            return step.done ? { done: true, value: undefined } : { done: false, value: Change.fromStored(step.value) };
          } catch (error) {
            await end();
            if (!(error instanceof CorpgraphError)) throw error;
            failed = true;
            return { done: false, value: error };
          }
        },
        async return() {
          await end();
          await source.return(undefined);
          return { done: true, value: undefined };
        },
      };
    },
  };
}

const watchOf = (row: Row) => Object.assign(new Watch(), row.watch as Row);

export async function watches(ctx: Context): Promise<Watch[]> {
  const key = keyOf(ctx, 'A watch list');
  return (await ctx.graph.read('changes/watches', { key })).map(watchOf);
}

export async function watch(ctx: Context, organization: string, includeFamily: boolean): Promise<Watch> {
  const key = keyOf(ctx, 'A watch list');
  const [row] = await ctx.graph.write('changes/watch', { key, organization, includeFamily, maxWatches: MAX_WATCHES });
  if (!row) throw new BadUserInputError(`organization: no organization has the id "${organization}"`, 'organization');
  if (row.full) throw new BadUserInputError(`organization: this key already watches ${MAX_WATCHES} organizations; unwatch some first`, 'organization');
  return watchOf(row);
}

export async function unwatch(ctx: Context, organization: string): Promise<boolean> {
  const key = keyOf(ctx, 'A watch list');
  const [row] = await ctx.graph.write('changes/unwatch', { key, organization });
  return Boolean(row?.removed);
}

/** Numbering before a request's reads of recent changes: once per request, however many organizations ask. */
const settled = new WeakMap<Context, Promise<number>>();
function settledFor(ctx: Context): Promise<number> {
  let done = settled.get(ctx);
  if (!done) settled.set(ctx, (done = settleFeed(ctx.graph)));
  return done;
}

/** The latest changes about organizations (batched over all organizations of the request), every committed write numbered first. */
export async function recentChanges(ctx: Context, organization: string, first: number, includeFamily: boolean): Promise<Change[]> {
  if (!Number.isInteger(first) || first < 1 || first > 100) throw new BadUserInputError(`first must be between 1 and 100, got ${first}`, 'first');
  await settledFor(ctx);
  return ctx.loaders
    .grouped(
      'changes/recent',
      (row) => Change.fromStored(storedChangeOf(row.node as Row)),
      { limit: first, family: includeFamily, scan: RECENT_WINDOW },
      {
        maxDepth: ctx.limits.maxDepth,
      },
    )
    .load(organization);
}

/** The feed's newest and oldest kept numbers, and the cursor of now. */
export async function changeFeedInfo(ctx: Context): Promise<ChangeFeedInfo> {
  // The oldest after the newest: once the writes committed before this call are numbered.
  const newest = await settleFeed(ctx.graph);
  const [oldest] = await ctx.graph.read('changes/oldest');
  return Object.assign(new ChangeFeedInfo(), {
    newest,
    oldest: oldest?.oldest === null || oldest?.oldest === undefined ? null : Number(oldest.oldest),
    cursor: changeCursor(newest),
  });
}
