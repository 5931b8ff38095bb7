import { checkBound } from '../common/limits';
import { dateRangeParams } from '../common/date-range.input';
import type { Context } from '../context';
import { TimelineArgs } from './timeline.args';
import { TimelineEvent } from './timeline.type';
import type { Row } from '../../graph/graph-client';

const MAX_TIMELINE = 1000;

/** A company's timeline, optionally with its family: one Cypher query per distinct set of arguments in the request. */
export function timelineOf(ctx: Context, orgId: string, args: TimelineArgs): Promise<TimelineEvent[]> {
  const limit = checkBound('limit', args.limit, MAX_TIMELINE);
  const params = { includeFamily: args.includeFamily, kinds: args.kinds?.length ? args.kinds : null, limit, ...dateRangeParams(args.between, 'between') };
  return ctx.loaders.many('traversal/timeline', orgId, (row) => TimelineEvent.fromRow(row.event as Row), params, { maxDepth: ctx.limits.maxDepth });
}
