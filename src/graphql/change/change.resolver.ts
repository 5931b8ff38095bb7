import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { SubscribeResolverData } from 'type-graphql';
import type { CorpgraphError } from '../../errors/errors';
import { Connection, ConnectionResult } from '../common/connection';
import { Node } from '../common/node.interface';
import type { Context } from '../context';
import { entityById } from '../node/entities';
import { Organization } from '../organization/organization.type';
import { ChangesArgs, ChangeSubscriptionArgs } from './change.args';
import * as service from './change.service';
import { Change, ChangeFeedInfo, Watch } from './change.type';

@ObjectType({ description: 'A page of the change feed, oldest first. endCursor is where the page read through: pass it as after to read on (poll with it).' })
export class ChangeConnection extends Connection(Change, 'Change', 'changes') {}

@Resolver(() => Change)
export class ChangeResolver {
  @Query(() => ChangeConnection, {
    description:
      'The change feed: every committed change to the graph (mutations, imports, accepted extractions, resolution decisions, merges and splits), ' +
      'oldest first, numbered in commit order. Poll it with after: endCursor; filter by organization (and its family), fact type, kind of change ' +
      'and source kind. A cursor older than retention fails with CHANGES_EXPIRED rather than skip what was pruned.',
  })
  changes(@Args(() => ChangesArgs) args: ChangesArgs, @Ctx() ctx: Context): Promise<ConnectionResult<Change>> {
    return service.changes(ctx, args);
  }

  @Subscription(() => Change, {
    name: 'changes',
    description:
      'The change feed as it happens, over WebSocket (graphql-ws) at /graphql: each committed change once, in commit order. Resume after a ' +
      "disconnect with after: the last change's cursor (nothing missed, nothing twice). Ends with CHANGES_EXPIRED if it falls behind retention.",
    subscribe: ({ args, context }: SubscribeResolverData<unknown, ChangeSubscriptionArgs, Context>) => service.subscribe(context, args),
  })
  changesAsTheyCommit(@Root() change: Change | CorpgraphError, @Args(() => ChangeSubscriptionArgs) _args: ChangeSubscriptionArgs): Change {
    if (change instanceof Error) throw change;
    return change;
  }

  @Query(() => ChangeFeedInfo, {
    description: 'Where the change feed stands: its newest and oldest kept numbers, and the cursor of now (to follow only what comes next).',
  })
  changeFeed(@Ctx() ctx: Context): Promise<ChangeFeedInfo> {
    return service.changeFeedInfo(ctx);
  }

  @Query(() => [Watch], { description: "The calling API key's watch list (needs a bearer token)." })
  watches(@Ctx() ctx: Context): Promise<Watch[]> {
    return service.watches(ctx);
  }

  @Mutation(() => Watch, {
    description: "Puts an organization on the calling API key's watch list (changes(filter: {watched: true}) and the subscription then follow it).",
  })
  watch(
    @Arg('organization', () => ID, { description: 'The organization to watch.' }) organization: string,
    @Arg('includeFamily', () => Boolean, { defaultValue: true, description: 'Also changes about the organizations below it.' }) includeFamily: boolean,
    @Ctx() ctx: Context,
  ): Promise<Watch> {
    return service.watch(ctx, organization, includeFamily);
  }

  @Mutation(() => Boolean, { description: "Takes an organization off the calling API key's watch list; false when it was not on it." })
  unwatch(@Arg('organization', () => ID, { description: 'The organization.' }) organization: string, @Ctx() ctx: Context): Promise<boolean> {
    return service.unwatch(ctx, organization);
  }

  @FieldResolver(() => Node, { nullable: true, description: 'The fact as it is now (for a merged entity, the survivor it answers for); null when it is gone.' })
  fact(@Root() change: Change, @Ctx() ctx: Context): Promise<Node | null> {
    return change.factType === 'Ownership' ? Promise.resolve(null) : entityById<Node>(ctx, change.factId);
  }
}

@Resolver(() => Organization)
export class OrganizationChangesResolver {
  @FieldResolver(() => [Change], {
    description: `Its latest changes (with includeFamily, also those of the organizations below it), newest first, among the feed's latest ${service.RECENT_WINDOW.toLocaleString('en-US')} changes; page the changes connection for the whole history.`,
  })
  recentChanges(
    @Root() organization: Organization,
    @Arg('first', () => Int, { defaultValue: 10, description: 'How many, 1 to 100.' }) first: number,
    @Arg('includeFamily', () => Boolean, { defaultValue: true, description: 'Also changes about the organizations below it.' }) includeFamily: boolean,
    @Ctx() ctx: Context,
  ): Promise<Change[]> {
    return service.recentChanges(ctx, organization.id, first, includeFamily);
  }
}
