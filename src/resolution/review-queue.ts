import { BadUserInputError } from '../errors/errors';
import type { GraphClient, Row } from '../graph/graph-client';
import { decisionFromRow, StoredDecision } from './decisions';
import type { DecisionKind, MatchReasonKind } from './rules';

/**
 * The review queue as a person works it (cypher/queries/resolution/review-queue.cypher): pending
 * decisions grouped by candidate and kind, the groups in order of impact (jobs, notices, score), with
 * the queue's totals beside each page. Read by the API, the CLI and the review page alike.
 */

export interface ReviewFilter {
  kind?: DecisionKind | null;
  minScore?: number | null;
  maxScore?: number | null;
  reason?: MatchReasonKind | null;
  /** An ISO 3166-2 code or its prefix: where the notices were filed ("US-CA", "US"). */
  region?: string | null;
}

export interface ReviewGroup {
  candidate: { id: string; name: string | null; country: string | null; kind: string; identifiers: string[] };
  kind: DecisionKind;
  pending: number;
  notices: number;
  jobs: number;
  score: number;
  decisions: StoredDecision[];
  cursor: string;
}

export interface ReviewQueuePage {
  pending: number;
  groups: number;
  notices: number;
  jobs: number;
  page: ReviewGroup[];
  hasNextPage: boolean;
}

/** Decisions shown per group (the rest are decided with the group, or read by filtering on the candidate). */
export const DECISIONS_PER_GROUP = 50;

interface QueueKey {
  jobs: number;
  notices: number;
  score: number;
  candidate: string;
  kind: string;
}

const encode = (k: QueueKey) => Buffer.from(JSON.stringify({ q: k }), 'utf8').toString('base64url');

function decode(cursor: string): QueueKey {
  try {
    const { q } = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { q: QueueKey };
    if (
      typeof q.jobs === 'number' &&
      typeof q.notices === 'number' &&
      typeof q.score === 'number' &&
      typeof q.candidate === 'string' &&
      typeof q.kind === 'string'
    )
      return q;
  } catch {
    // falls through to the complaint
  }
  throw new BadUserInputError('after: malformed cursor; pass an endCursor of the review queue', 'after');
}

function checkFilter(f: ReviewFilter): void {
  for (const [field, value] of [
    ['minScore', f.minScore],
    ['maxScore', f.maxScore],
  ] as const) {
    if (value !== null && value !== undefined && !(value >= 0 && value <= 1))
      throw new BadUserInputError(`${field} must be from 0 to 1, got ${value}`, `filter.${field}`);
  }
  if (f.region && !/^[A-Z]{2}(-[A-Z0-9]{1,3})?$/.test(f.region)) {
    throw new BadUserInputError(`region must be an ISO 3166 code such as "US" or "US-CA", got ${JSON.stringify(f.region)}`, 'filter.region');
  }
}

/** One page of groups (at most `first`) after `after`, with the whole queue's totals under the filter. */
export async function readReviewQueue(graph: GraphClient, filter: ReviewFilter, first: number, after?: string | null): Promise<ReviewQueuePage> {
  checkFilter(filter);
  const [row] = await graph.read('resolution/review-queue', {
    kind: filter.kind ?? null,
    minScore: filter.minScore ?? null,
    maxScore: filter.maxScore ?? null,
    reason: filter.reason ?? null,
    region: filter.region ?? null,
    after: after ? decode(after) : null,
    limit: first + 1,
    perGroup: DECISIONS_PER_GROUP,
  });
  const totals = (row?.totals as Row | undefined) ?? { pending: 0, groups: 0, notices: 0, jobs: 0 };
  const groups = ((row?.page as Row[] | undefined) ?? []).map((g): ReviewGroup => {
    const candidate = g.candidate as ReviewGroup['candidate'];
    const key = { jobs: Number(g.jobs), notices: Number(g.notices), score: Number(g.score), candidate: candidate.id, kind: g.kind as string };
    return {
      candidate,
      kind: g.kind as DecisionKind,
      pending: Number(g.pending),
      notices: key.notices,
      jobs: key.jobs,
      score: key.score,
      decisions: (g.decisions as Row[]).map(decisionFromRow),
      cursor: encode(key),
    };
  });
  return {
    pending: Number(totals.pending),
    groups: Number(totals.groups),
    notices: Number(totals.notices),
    jobs: Number(totals.jobs),
    page: groups.slice(0, first),
    hasNextPage: groups.length > first,
  };
}
