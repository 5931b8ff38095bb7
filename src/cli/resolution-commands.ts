import os from 'node:os';
import type { GraphClient } from '../graph/graph-client';
import { proposeOrganizationTwins, resolveEmployerNames } from '../resolution/auto-resolve';
import { acceptDecision, decisionFromRow, rejectDecision, StoredDecision, undoDecision } from '../resolution/decisions';
import { mergeEntities, splitEntity } from '../resolution/merge';
import { acceptProposal, PROPOSAL_STATUSES, proposalFromRow, rejectProposal } from '../extraction/review';
import { DECISION_KINDS, DECISION_STATUSES, DecisionKind, MATCH_REASONS, MatchReasonKind, THRESHOLDS } from '../resolution/rules';
import { readReviewQueue } from '../resolution/review-queue';
import { tableOf, toText } from '../tabular/flatten';
import { parseArgs, UsageError } from './args';

/** The CLI's entity-resolution commands: automatic runs and the review queue, straight against the graph. */
export const RESOLUTION_USAGE = `  corpgraph resolve [--limit N] [--dry-run] [--organizations]
      Resolve the employers of layoff events not linked to any organization (WARN notices, tracker rows):
      decide automatically above the documented threshold (score >= ${THRESHOLDS.AUTO_ACCEPT}, a margin of ${THRESHOLDS.AUTO_MARGIN}),
      propose the rest (from ${THRESHOLDS.REVIEW_FLOOR}) for review. --organizations also proposes merges of
      organizations that share a name key. Prints a summary as JSON.
  corpgraph review queue [--first N] [--after CURSOR] [--kind KIND] [--min-score X] [--max-score X] [--reason EVIDENCE] [--region US-CA] [--format table|json]
      The review queue as a person works it: pending decisions grouped by candidate and kind, most jobs
      first (then notices, then score), under a line with the count and the jobs they cover.
  corpgraph review list [--status ${Object.keys(DECISION_STATUSES).join('|')}] [--first N] [--format table|json]
  corpgraph review facts [--status PENDING|ACCEPTED|REJECTED] [--first N] [--format table|json]
  corpgraph review accept <decision> [--kind ${Object.keys(DECISION_KINDS).join('|')}] [--note TEXT] [--by NAME]
  corpgraph review reject|undo <decision> [--note TEXT] [--by NAME]
  corpgraph review merge <survivor id> <absorbed id> [--note TEXT] [--by NAME]
  corpgraph review split <absorbed id|decision> [--note TEXT] [--by NAME]
      The review queue (PENDING decisions, newest first) and the decisions on it; decisions record who
      took them (--by, default cli:<your user name>). "review facts" lists the facts extracted from
      submitted articles (corpgraph extract --submit); accept and reject take their ids (prop-...) too.`;

export async function resolveCommand(graph: GraphClient, argv: string[]): Promise<number> {
  const args = parseArgs(argv, { limit: 'number', 'dry-run': 'boolean', organizations: 'boolean', batch: 'number' });
  if (args.positional.length) throw new UsageError('resolve takes no file: it reads the graph');
  const names = await resolveEmployerNames(graph, {
    limit: args.options.limit as number | undefined,
    batch: args.options.batch as number | undefined,
    dryRun: Boolean(args.options['dry-run']),
    onBatch: (done, total) => process.stderr.write(`\rresolved ${done.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} names`),
  });
  process.stderr.write('\n');
  const { decisions, ...summary } = names;
  const twins = args.options.organizations && !args.options['dry-run'] ? await proposeOrganizationTwins(graph) : undefined;
  console.log(JSON.stringify({ employerNames: summary, decided: decisions.filter((d) => d.status === 'ACCEPTED').length, organizationTwins: twins }, null, 2));
  return 0;
}

const row = (d: StoredDecision) => ({
  id: d.id,
  kind: d.kind,
  status: d.status,
  subject: d.subjectName ?? d.subjectId,
  candidate: d.candidateId,
  score: d.score,
  notices: d.notices,
  evidence: d.reasonKinds.join(' '),
  decidedBy: d.decidedBy,
});

const COLUMNS = ['id', 'kind', 'status', 'subject', 'candidate', 'score', 'notices', 'evidence', 'decidedBy'];

export async function reviewCommand(graph: GraphClient, argv: string[]): Promise<number> {
  const [action, ...rest] = argv;
  const args = parseArgs(rest, {
    status: 'string',
    first: 'number',
    format: 'string',
    kind: 'string',
    note: 'string',
    by: 'string',
    after: 'string',
    'min-score': 'number',
    'max-score': 'number',
    reason: 'string',
    region: 'string',
  });
  const by = (args.options.by as string | undefined) ?? `cli:${os.userInfo().username}`;
  const note = (args.options.note as string | undefined) ?? null;
  const one = () => {
    if (args.positional.length !== 1) throw new UsageError(`review ${action} takes one decision id`);
    return args.positional[0];
  };
  const print = (value: unknown) => console.log(JSON.stringify(value, null, 2));
  // Extracted facts share the queue's accept and reject.
  if ((action === 'accept' || action === 'reject') && one().startsWith('prop-')) {
    print(await (action === 'accept' ? acceptProposal : rejectProposal)(graph, one(), by, note));
    return 0;
  }
  switch (action) {
    case 'queue': {
      const kind = args.options.kind as DecisionKind | undefined;
      if (kind && !(kind in DECISION_KINDS)) throw new UsageError(`--kind must be one of ${Object.keys(DECISION_KINDS).join(', ')}`);
      const reason = args.options.reason as MatchReasonKind | undefined;
      if (reason && !(reason in MATCH_REASONS)) throw new UsageError(`--reason must be one of ${Object.keys(MATCH_REASONS).join(', ')}`);
      const first = (args.options.first as number | undefined) ?? 20;
      if (!Number.isInteger(first) || first < 1 || first > 100) throw new UsageError('--first must be a whole number from 1 to 100');
      const queue = await readReviewQueue(
        graph,
        {
          kind,
          reason,
          minScore: args.options['min-score'] as number | undefined,
          maxScore: args.options['max-score'] as number | undefined,
          region: args.options.region as string | undefined,
        },
        first,
        args.options.after as string | undefined,
      );
      if (args.options.format === 'json') {
        print(queue);
        return 0;
      }
      const n = (x: number) => x.toLocaleString('en-US');
      console.log(
        `${n(queue.pending)} pending decisions in ${n(queue.groups)} groups, covering ${n(queue.notices)} notices and ${n(queue.jobs)} jobs` +
          (queue.hasNextPage ? ` (next page: --after ${queue.page.at(-1)!.cursor})` : ''),
      );
      const groups = queue.page.map((g) => ({
        candidate: `${g.candidate.name ?? g.candidate.id} (${[g.candidate.id, g.candidate.country, ...g.candidate.identifiers].filter(Boolean).join(', ')})`,
        kind: g.kind,
        pending: g.pending,
        notices: g.notices,
        jobs: g.jobs,
        score: g.score,
        names: g.decisions
          .slice(0, 3)
          .map((d) => d.subjectName ?? d.subjectId)
          .join('; '),
      }));
      process.stdout.write(toText(tableOf({ groups }, ['candidate', 'kind', 'pending', 'notices', 'jobs', 'score', 'names'])));
      return 0;
    }
    case 'facts': {
      const status = (args.options.status as string | undefined) ?? 'PENDING';
      if (!(status in PROPOSAL_STATUSES)) throw new UsageError(`--status must be one of ${Object.keys(PROPOSAL_STATUSES).join(', ')}`);
      const first = (args.options.first as number | undefined) ?? 50;
      const rows = await graph.read('extraction/proposals', { status, factType: null, extraction: null, afterKey: null, afterId: null, limit: first });
      const facts = rows.map((r) => proposalFromRow(r.node as Record<string, unknown>));
      if (args.options.format === 'json') print(facts);
      else
        process.stdout.write(
          toText(
            tableOf(
              { facts: facts.map((f) => ({ id: f.id, status: f.status, fact: f.factType, summary: f.summary, article: f.article.title, quote: f.quote })) },
              ['id', 'status', 'fact', 'summary', 'article', 'quote'],
            ),
          ),
        );
      return 0;
    }
    case 'list': {
      const status = (args.options.status as string | undefined) ?? 'PENDING';
      if (!(status in DECISION_STATUSES)) throw new UsageError(`--status must be one of ${Object.keys(DECISION_STATUSES).join(', ')}`);
      const first = (args.options.first as number | undefined) ?? 50;
      const rows = await graph.read('resolution/decisions', { status, kind: null, entity: null, decidedBy: null, afterKey: null, afterId: null, limit: first });
      const decisions = rows.map((r) => row(decisionFromRow(r.node as Record<string, unknown>)));
      if (args.options.format === 'json') print(decisions);
      else process.stdout.write(toText(tableOf({ decisions }, COLUMNS)));
      return 0;
    }
    case 'accept': {
      const kind = args.options.kind as DecisionKind | undefined;
      if (kind && !(kind in DECISION_KINDS)) throw new UsageError(`--kind must be one of ${Object.keys(DECISION_KINDS).join(', ')}`);
      print(row(await acceptDecision(graph, one(), by, { kind, note })));
      return 0;
    }
    case 'reject':
      print(row(await rejectDecision(graph, one(), by, note)));
      return 0;
    case 'undo':
      print(row(await undoDecision(graph, one(), by, note)));
      return 0;
    case 'merge':
      if (args.positional.length !== 2) throw new UsageError('review merge takes the survivor id and the absorbed id');
      print(await mergeEntities(graph, { survivorId: args.positional[0], absorbedId: args.positional[1], by, note }));
      return 0;
    case 'split':
      print(await splitEntity(graph, one(), by, note));
      return 0;
    default:
      throw new UsageError(`review takes queue, list, facts, accept, reject, undo, merge or split, got ${JSON.stringify(action ?? '')}`);
  }
}
