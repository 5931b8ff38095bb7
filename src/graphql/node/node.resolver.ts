import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { Context } from '../context';
import { Node } from '../common/node.interface';
import { entityById } from './entities';

@Resolver()
export class NodeResolver {
  @Query(() => Node, {
    nullable: true,
    description: 'Any entity by its id (organization, person, market, role, acquisition, layoff event, source, ...); null when unknown.',
  })
  node(@Arg('id', () => ID, { description: 'Its id (a lower-case slug such as "twitch").' }) id: string, @Ctx() ctx: Context): Promise<Node | null> {
    return entityById<Node>(ctx, id);
  }
}
