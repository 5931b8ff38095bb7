import { Arg, Args, Ctx, ID, ObjectType, Query, Resolver } from 'type-graphql';
import { Connection, ConnectionResult, ordering, paginate } from '../common/connection';
import { dateRangeParams } from '../common/date-range.input';
import type { Context } from '../context';
import { entityById } from '../node/entities';
import { SourceOrderField, SourcesArgs } from './source.args';
import { Source } from './source.type';

@ObjectType({ description: 'A page of sources.' })
export class SourceConnection extends Connection(Source, 'Source', 'sources') {}

@Resolver(() => Source)
export class SourceResolver {
  @Query(() => Source, { nullable: true, description: 'One source by id; null when unknown.' })
  source(@Arg('id', () => ID, { description: 'Its id (a lower-case slug such as "twitch").' }) id: string, @Ctx() ctx: Context): Promise<Source | null> {
    return entityById<Source>(ctx, id, 'Source');
  }

  @Query(() => SourceConnection, { description: 'The sources behind the graph, filtered and ordered, a page at a time.' })
  sources(@Args(() => SourcesArgs) args: SourcesArgs, @Ctx() ctx: Context): Promise<ConnectionResult<Source>> {
    const f = args.filter ?? {};
    const order = args.orderBy ?? { field: SourceOrderField.PUBLISHED, direction: 'ASC' as const };
    const range = dateRangeParams(f.published, 'filter.published');
    return paginate(
      ctx.graph,
      'source/list',
      { kind: f.kind ?? null, publisher: f.publisher ?? null, from: range.from, to: range.to },
      args,
      ordering(order.field, order.direction, order.field === SourceOrderField.TITLE ? 'string' : 'date'),
      Source.fromRow,
    );
  }
}
