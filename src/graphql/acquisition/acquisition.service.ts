import { ConnectionResult, ordering, paginate } from '../common/connection';
import { dateRangeParams } from '../common/date-range.input';
import type { Context } from '../context';
import { AcquisitionOrderField, AcquisitionsArgs } from './acquisition.args';
import { Acquisition } from './acquisition.type';

export function listAcquisitions(ctx: Context, args: AcquisitionsArgs): Promise<ConnectionResult<Acquisition>> {
  const f = args.filter ?? {};
  const order = args.orderBy ?? { field: AcquisitionOrderField.COMPLETED, direction: 'ASC' as const };
  return paginate(
    ctx.graph,
    'acquisition/list',
    { acquirer: f.acquirer ?? null, target: f.target ?? null, status: f.status ?? null, ...dateRangeParams(f.completed, 'filter.completed') },
    args,
    ordering(order.field, order.direction, order.field === AcquisitionOrderField.PRICE ? 'number' : 'date'),
    Acquisition.fromRow,
  );
}
