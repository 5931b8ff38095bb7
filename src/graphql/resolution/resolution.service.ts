import type { Row } from '../../graph/graph-client';
import { candidatesParams, checkFirst, FULLTEXT_CANDIDATES, NameToResolve, prepareName, rankCandidates } from '../../resolution/candidates';
import { acceptDecision, decisionFromRow, rejectDecision, undoDecision } from '../../resolution/decisions';
import { mergeEntities, splitEntity } from '../../resolution/merge';
import type { DecisionKind } from '../../resolution/rules';
import { checkPage, ConnectionResult, ordering, paginate, PageArgs } from '../common/connection';
import type { Context } from '../context';
import { checkNote, reviewerOf } from '../common/review';
import type { DecisionFilter, ReviewFilter } from './resolution.args';
import { readReviewQueue } from '../../resolution/review-queue';
import { MergeResult, ResolutionCandidate, ResolutionDecision, ReviewCandidate, ReviewGroup, ReviewQueue, SplitResult } from './resolution.type';

export async function resolutionCandidates(ctx: Context, input: NameToResolve & { first: number }): Promise<ResolutionCandidate[]> {
  checkFirst(input.first);
  const name = prepareName(input);
  if (!name.query && !name.identifierKeys.length) return [];
  const rows = await ctx.graph.read('resolution/candidates', candidatesParams([name], FULLTEXT_CANDIDATES));
  return (rankCandidates(rows, [name], input.first).get(name.ref) ?? []).map(ResolutionCandidate.from);
}

const decision = (row: Row) => ResolutionDecision.from(decisionFromRow(row));

export async function resolutionDecision(ctx: Context, id: string): Promise<ResolutionDecision | null> {
  const [row] = await ctx.graph.read('resolution/decisions-by-id', { ids: [id] });
  return row ? decision(row.decision as Row) : null;
}

export function resolutionDecisions(ctx: Context, filter: DecisionFilter | null | undefined, page: PageArgs): Promise<ConnectionResult<ResolutionDecision>> {
  const f = filter ?? {};
  return paginate(
    ctx.graph,
    'resolution/decisions',
    { status: f.status ?? null, kind: f.kind ?? null, entity: f.entity ?? null, decidedBy: f.decidedBy ?? null },
    page,
    ordering('PROPOSED', 'DESC', 'string'),
    decision,
  );
}

/** The review queue under a filter: its totals (one read, checked here), its groups paged by reviewQueueGroups. */
export async function reviewQueue(ctx: Context, filter: ReviewFilter | null | undefined): Promise<ReviewQueue> {
  const values = { ...(filter ?? {}) };
  const totals = await readReviewQueue(ctx.graph, values, 0);
  return Object.assign(new ReviewQueue(), { filter: values, pending: totals.pending, groupCount: totals.groups, notices: totals.notices, jobs: totals.jobs });
}

/** A page of the queue's groups (candidate and kind), most jobs first. */
export async function reviewQueueGroups(ctx: Context, queue: ReviewQueue, page: PageArgs): Promise<ConnectionResult<ReviewGroup>> {
  checkPage(page);
  const read = await readReviewQueue(ctx.graph, queue.filter, page.first, page.after);
  const nodes = read.page.map((g) =>
    Object.assign(new ReviewGroup(), {
      ...g,
      candidate: Object.assign(new ReviewCandidate(), g.candidate),
      decisions: g.decisions.map((d) => ResolutionDecision.from(d)),
    }),
  );
  const edges = read.page.map((g, i) => ({ cursor: g.cursor, node: nodes[i] }));
  return {
    edges,
    nodes,
    pageInfo: {
      hasNextPage: read.hasNextPage,
      hasPreviousPage: Boolean(page.after),
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

export async function accept(ctx: Context, id: string, kind: DecisionKind | null, note: string | null): Promise<ResolutionDecision> {
  return ResolutionDecision.from(await acceptDecision(ctx.graph, id, reviewerOf(ctx), { kind, note: checkNote(note) }));
}

export async function reject(ctx: Context, id: string, note: string | null): Promise<ResolutionDecision> {
  return ResolutionDecision.from(await rejectDecision(ctx.graph, id, reviewerOf(ctx), checkNote(note)));
}

export async function undo(ctx: Context, id: string, note: string | null): Promise<ResolutionDecision> {
  return ResolutionDecision.from(await undoDecision(ctx.graph, id, reviewerOf(ctx), checkNote(note)));
}

export async function merge(ctx: Context, survivorId: string, absorbedId: string, note: string | null): Promise<MergeResult> {
  const result = await mergeEntities(ctx.graph, { survivorId, absorbedId, by: reviewerOf(ctx), note: checkNote(note) });
  return Object.assign(new MergeResult(), { ...result, decision: await resolutionDecision(ctx, result.decisionId) });
}

export async function split(ctx: Context, id: string, note: string | null): Promise<SplitResult> {
  const result = await splitEntity(ctx.graph, id, reviewerOf(ctx), checkNote(note));
  return Object.assign(new SplitResult(), { ...result, decision: await resolutionDecision(ctx, result.decisionId) });
}
