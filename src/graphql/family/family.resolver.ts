import { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Int, Query, Resolver, Root } from 'type-graphql';
import { CHAIN_ORGANIZATIONS, chainReads, familyReads } from '../lookahead';
import { DateScalar } from '../common/date.scalar';
import { Certainty, RoleType } from '../common/enums';
import type { Context } from '../context';
import { Organization } from '../organization/organization.type';
import { Role } from '../person/person.type';
import { TimelineArgs } from '../timeline/timeline.args';
import { timelineOf } from '../timeline/timeline.service';
import { TimelineEvent } from '../timeline/timeline.type';
import { AsOfArgs, ChainArgs, FamilyArgs, RollupArgs } from './family.args';
import { corporateFamily, layoffRollup, leadersOf, ownershipChain, roleHolders } from './family.service';
import { CorporateFamily, LayoffRollup, OwnershipChain, ParentNotReported } from './family.type';

const PARENT_NOT_REPORTED = { query: 'organization/parent-not-reported', map: ParentNotReported.fromRow };

/** The top of a chain says why a registry reports no parent above it, where one says so. */
@Resolver(() => OwnershipChain)
export class OwnershipChainResolver {
  @FieldResolver(() => [ParentNotReported], {
    description:
      'Why no parent is reported above the top of the chain (GLEIF reporting exceptions: NATURAL_PERSONS, NON_PUBLIC, ...); empty when no registry says. A chain that stops is not proof of independence.',
  })
  parentNotReported(@Root() chain: OwnershipChain, @Ctx() ctx: Context): Promise<ParentNotReported[]> {
    return ctx.loaders.relation(PARENT_NOT_REPORTED, chain.ultimateParent.id);
  }
}

/** The corporate family of an organization: its owners above, its members below, its history. */
@Resolver(() => Organization)
export class CorporateFamilyResolver {
  @FieldResolver(() => [ParentNotReported], {
    description: 'Why a registry reports no direct or ultimate parent of it (GLEIF reporting exceptions), with the source; empty when none says.',
  })
  parentNotReported(@Root() org: Organization, @Ctx() ctx: Context): Promise<ParentNotReported[]> {
    return ctx.loaders.relation(PARENT_NOT_REPORTED, org.id);
  }

  @FieldResolver(() => OwnershipChain, { description: 'The chain of owners above it on a day, from its direct parent to its ultimate parent.' })
  async ownershipChain(
    @Root() org: Organization,
    @Args(() => ChainArgs) args: ChainArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<OwnershipChain> {
    return (await ownershipChain(ctx, org.id, args, chainReads(ctx, info)))!;
  }

  @FieldResolver(() => Organization, {
    nullable: true,
    description: 'Its direct parent (owner, or the company a division belongs to) on a day; null when it has none.',
  })
  async parent(@Root() org: Organization, @Args(() => AsOfArgs) args: AsOfArgs, @Ctx() ctx: Context): Promise<Organization | null> {
    return (await ownershipChain(ctx, org.id, { ...args, maxDepth: null }, CHAIN_ORGANIZATIONS))?.parent ?? null;
  }

  @FieldResolver(() => Organization, { description: 'The top of its ownership chain on a day; an organization with no parent is its own ultimate parent.' })
  async ultimateParent(@Root() org: Organization, @Args(() => AsOfArgs) args: AsOfArgs, @Ctx() ctx: Context): Promise<Organization> {
    return (await ownershipChain(ctx, org.id, { ...args, maxDepth: null }, CHAIN_ORGANIZATIONS))!.ultimateParent;
  }

  @FieldResolver(() => CorporateFamily, { description: 'Its subsidiaries and divisions on a day, to a depth, as a flat list and as a tree.' })
  async corporateFamily(
    @Root() org: Organization,
    @Args(() => FamilyArgs) args: FamilyArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CorporateFamily> {
    return (await corporateFamily(ctx, org.id, args, familyReads(ctx, info)))!;
  }

  @FieldResolver(() => LayoffRollup, { description: 'Its layoffs and those of everything it owned at the time of each, grouped, with lower and upper totals.' })
  async layoffRollup(@Root() org: Organization, @Args(() => RollupArgs) args: RollupArgs, @Ctx() ctx: Context): Promise<LayoffRollup> {
    return (await layoffRollup(ctx, org.id, args))!;
  }

  @FieldResolver(() => [TimelineEvent], { description: 'What happened to it (optionally to its whole family), in date order.' })
  timeline(@Root() org: Organization, @Args(() => TimelineArgs) args: TimelineArgs, @Ctx() ctx: Context): Promise<TimelineEvent[]> {
    return timelineOf(ctx, org.id, args);
  }

  @FieldResolver(() => [Role], { description: 'Who led it on a day (CEO, president, chair, senior vice president, vice president), most senior first.' })
  leaders(@Root() org: Organization, @Args(() => AsOfArgs) args: AsOfArgs, @Ctx() ctx: Context): Promise<Role[]> {
    return leadersOf(ctx, org, args.asOf, args.match);
  }

  @Query(() => OwnershipChain, {
    nullable: true,
    description: 'The ownership chain above an organization on a day (up to its ultimate parent); null for an unknown id.',
  })
  ownershipChainOf(
    @Arg('id', () => ID, { description: 'Its id (a lower-case slug such as "twitch").' }) id: string,
    @Args(() => ChainArgs) args: ChainArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<OwnershipChain | null> {
    return ownershipChain(ctx, id, args, chainReads(ctx, info));
  }

  @Query(() => CorporateFamily, { nullable: true, description: 'The subsidiaries and divisions below an organization on a day; null for an unknown id.' })
  async corporateFamilyOf(
    @Arg('id', () => ID, { description: 'Its id (a lower-case slug such as "twitch").' }) id: string,
    @Args(() => FamilyArgs) args: FamilyArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CorporateFamily | null> {
    return corporateFamily(ctx, id, args, familyReads(ctx, info));
  }

  @Query(() => LayoffRollup, { nullable: true, description: 'Layoff roll-up across the corporate family of an organization; null for an unknown id.' })
  layoffRollupOf(
    @Arg('id', () => ID, { description: 'Its id (a lower-case slug such as "twitch").' }) id: string,
    @Args(() => RollupArgs) args: RollupArgs,
    @Ctx() ctx: Context,
  ): Promise<LayoffRollup | null> {
    return layoffRollup(ctx, id, args);
  }

  @Query(() => [TimelineEvent], { description: 'The timeline of an organization (optionally with its family); empty for an unknown id.' })
  timelineOf(
    @Arg('id', () => ID, { description: 'Its id (a lower-case slug such as "twitch").' }) id: string,
    @Args(() => TimelineArgs) args: TimelineArgs,
    @Ctx() ctx: Context,
  ): Promise<TimelineEvent[]> {
    return timelineOf(ctx, id, args);
  }

  @Query(() => [Role], { description: 'Who held a kind of role on a day, anywhere or at one organization (e.g. every CEO in office on 2023-06-01).' })
  roleHolders(
    @Arg('roleType', () => RoleType, { description: 'The kind of role.' }) roleType: string,
    @Arg('asOf', () => DateScalar, { nullable: true, description: 'The day; default today.' }) asOf: string | null,
    @Arg('organization', () => ID, { nullable: true, description: 'Only at this organization.' }) organization: string | null,
    @Arg('match', () => Certainty, { defaultValue: 'CERTAIN', description: 'Certainly (default) or possibly in the role on that day.' })
    match: keyof typeof Certainty,
    @Arg('limit', () => Int, { defaultValue: 100, description: 'At most this many roles.' }) limit: number,
    @Ctx() ctx: Context,
  ): Promise<Role[]> {
    return roleHolders(ctx, { roleTypes: [roleType], asOf, organization, match, limit });
  }
}
