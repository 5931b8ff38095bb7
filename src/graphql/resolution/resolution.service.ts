import type { Row } from '../../graph/graph-client';
import { candidatesParams, checkFirst, FULLTEXT_CANDIDATES, NameToResolve, prepareName, rankCandidates } from '../../resolution/candidates';
import { acceptDecision, decisionFromRow, rejectDecision, undoDecision } from '../../resolution/decisions';
import { mergeEntities, splitEntity } from '../../resolution/merge';
import type { DecisionKind } from '../../resolution/rules';
import { ConnectionResult, ordering, paginate, PageArgs } from '../common/connection';
import type { Context } from '../context';
import { checkNote, reviewerOf } from '../common/review';
import type { DecisionFilter } from './resolution.args';
import { MergeResult, ResolutionCandidate, ResolutionDecision, SplitResult } from './resolution.type';

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
