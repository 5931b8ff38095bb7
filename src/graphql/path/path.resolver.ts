import { Args, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../context';
import { PathArgs } from './path.args';
import { shortestPaths } from './path.service';
import { PathResult } from './path.type';

@Resolver()
export class PathResolver {
  @Query(() => PathResult, {
    description:
      'The shortest connections between two entities (e.g. Dan Clancy to Andy Jassy, through their roles, Twitch and Amazon), ' +
      'over the relationship types named (default: all but citations), within maxHops. No path is an answer (found: false), not an error.',
  })
  path(@Args(() => PathArgs) args: PathArgs, @Ctx() ctx: Context): Promise<PathResult> {
    return shortestPaths(ctx, args);
  }
}
