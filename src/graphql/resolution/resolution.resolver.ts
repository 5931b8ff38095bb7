import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Connection, ConnectionResult, PageArgs } from '../common/connection';
import { DecisionKind } from '../common/enums';
import { IdentifierInput } from '../common/fact.input';
import { Node } from '../common/node.interface';
import type { Context } from '../context';
import { entityById } from '../node/entities';
import { Organization } from '../organization/organization.type';
import { DecisionsArgs, ReviewQueueArgs } from './resolution.args';
import * as service from './resolution.service';
import { MergeResult, ResolutionCandidate, ResolutionDecision, ReviewGroup, ReviewQueue, SplitResult } from './resolution.type';

@ObjectType({ description: 'A page of entity-resolution decisions, newest first.' })
export class ResolutionDecisionConnection extends Connection(ResolutionDecision, 'ResolutionDecision', 'decisions') {}

@ObjectType({ description: 'A page of the review queue: groups in order of impact.' })
export class ReviewGroupConnection extends Connection(ReviewGroup, 'ReviewGroup', 'groups of the review queue') {}

/** The review queue's groups, paged (the totals come with the queue). */
@Resolver(() => ReviewQueue)
export class ReviewQueueResolver {
  @FieldResolver(() => ReviewGroupConnection, { description: 'The groups, most jobs first (then notices, then score), a page at a time.' })
  groups(@Root() queue: ReviewQueue, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: Context): Promise<ConnectionResult<ReviewGroup>> {
    return service.reviewQueueGroups(ctx, queue, page);
  }
}

const NOTE = { nullable: true, description: 'Why, in your words (at most 1,000 characters); kept on the decision.' } as const;

@Resolver(() => ResolutionDecision)
export class ResolutionResolver {
  @Query(() => [ResolutionCandidate], {
    description:
      'The organizations a name may mean (a WARN filer such as "Amazon Logistics - DLA3", a tracker row, a name in an article), ranked, ' +
      'each with a score from 0 to 1 and its evidence: an identifier given, the name equal without legal form, the name of a site of it, ' +
      'an alias, shared words, a parent company named, the city and country. Candidates come from indexes; nothing is decided or merged.',
  })
  resolutionCandidates(
    @Arg('name', () => String, { description: 'The name as the source writes it (at most 200 characters).' }) name: string,
    @Arg('country', () => String, { nullable: true, description: 'ISO 3166-1 alpha-2 code of where the source places it, e.g. US.' }) country: string | null,
    @Arg('city', () => String, { nullable: true, description: 'The city the source places it in.' }) city: string | null,
    @Arg('identifiers', () => [IdentifierInput], { nullable: true, description: 'External identifiers the source gives.' })
    identifiers: IdentifierInput[] | null,
    @Arg('first', () => Int, { defaultValue: 10, description: 'How many candidates, 1 to 50.' }) first: number,
    @Ctx() ctx: Context,
  ): Promise<ResolutionCandidate[]> {
    return service.resolutionCandidates(ctx, { name, country, city, identifiers, first });
  }

  @Query(() => ResolutionDecisionConnection, {
    description: 'Entity-resolution decisions, newest first: filter by status PENDING for the review queue, by entity for what was decided about one.',
  })
  resolutionDecisions(@Args(() => DecisionsArgs) args: DecisionsArgs, @Ctx() ctx: Context): Promise<ConnectionResult<ResolutionDecision>> {
    return service.resolutionDecisions(ctx, args.filter, args);
  }

  @Query(() => ReviewQueue, {
    description:
      'The review queue as a person works it: pending decisions grouped by candidate and kind, most jobs first (then notices, then score), ' +
      'with the count and the jobs covered under the filter.',
  })
  reviewQueue(@Args(() => ReviewQueueArgs) args: ReviewQueueArgs, @Ctx() ctx: Context): Promise<ReviewQueue> {
    return service.reviewQueue(ctx, args.filter);
  }

  @Query(() => ResolutionDecision, { nullable: true, description: 'One decision by id; null when unknown.' })
  resolutionDecision(@Arg('id', () => ID, { description: 'The decision id.' }) id: string, @Ctx() ctx: Context): Promise<ResolutionDecision | null> {
    return service.resolutionDecision(ctx, id);
  }

  @FieldResolver(() => Node, { nullable: true, description: 'The subject entity (for a merged one, the survivor it now answers for); null for a name.' })
  subject(@Root() d: ResolutionDecision, @Ctx() ctx: Context): Promise<Node | null> {
    return d.subjectId ? entityById<Node>(ctx, d.subjectId) : Promise.resolve(null);
  }

  @FieldResolver(() => Node, { nullable: true, description: 'The candidate entity.' })
  candidate(@Root() d: ResolutionDecision, @Ctx() ctx: Context): Promise<Node | null> {
    return entityById<Node>(ctx, d.candidateId);
  }

  @FieldResolver(() => Organization, { nullable: true, description: 'The establishment an ESTABLISHMENT_OF decision created for the name.' })
  establishment(@Root() d: ResolutionDecision, @Ctx() ctx: Context): Promise<Organization | null> {
    return d.establishmentId ? entityById<Organization>(ctx, d.establishmentId, 'Organization') : Promise.resolve(null);
  }

  @Mutation(() => ResolutionDecision, {
    description:
      'Accepts a proposed decision (optionally as another kind) and puts it into effect: a merge, or the notices filed under the name linked to the ' +
      'candidate or to an establishment of it. Recorded as decided by your API key.',
  })
  acceptResolution(
    @Arg('id', () => ID, { description: 'The decision id.' }) id: string,
    @Arg('kind', () => DecisionKind, { nullable: true, description: 'Accept as SAME_AS or ESTABLISHMENT_OF instead of the kind proposed.' })
    kind: keyof typeof DecisionKind | null,
    @Arg('note', () => String, NOTE) note: string | null,
    @Ctx() ctx: Context,
  ): Promise<ResolutionDecision> {
    return service.accept(ctx, id, kind, note);
  }

  @Mutation(() => ResolutionDecision, {
    description: 'Rejects a decision: NOT_SAME_AS, which no automatic run overrides. A decision in effect is undone first.',
  })
  rejectResolution(
    @Arg('id', () => ID, { description: 'The decision id.' }) id: string,
    @Arg('note', () => String, NOTE) note: string | null,
    @Ctx() ctx: Context,
  ): Promise<ResolutionDecision> {
    return service.reject(ctx, id, note);
  }

  @Mutation(() => ResolutionDecision, { description: 'Undoes a decision in effect (a merge is split; a name’s links and establishment removed): UNDONE.' })
  undoResolution(
    @Arg('id', () => ID, { description: 'The decision id.' }) id: string,
    @Arg('note', () => String, NOTE) note: string | null,
    @Ctx() ctx: Context,
  ): Promise<ResolutionDecision> {
    return service.undo(ctx, id, note);
  }

  @Mutation(() => MergeResult, {
    description:
      'Merges two entities of one type found to be one: every fact, link and citation of the absorbed entity moves to the survivor, its names become ' +
      'aliases, and its id (and identifiers) redirect to the survivor. Refused for an entity and itself, two types, an id already merged (decide about ' +
      'its survivor), or two companies linked by ownership. Recorded as a SAME_AS decision; splitEntity undoes it.',
  })
  mergeEntities(
    @Arg('survivorId', () => ID, { description: 'The entity that stays.' }) survivorId: string,
    @Arg('absorbedId', () => ID, { description: 'The entity merged into it.' }) absorbedId: string,
    @Arg('note', () => String, NOTE) note: string | null,
    @Ctx() ctx: Context,
  ): Promise<MergeResult> {
    return service.merge(ctx, survivorId, absorbedId, note);
  }

  @Mutation(() => SplitResult, { description: 'Undoes a merge: the absorbed entity comes back with exactly its facts, links, citations and names.' })
  splitEntity(
    @Arg('id', () => ID, { description: 'The absorbed entity’s id, or the merge decision’s id.' }) id: string,
    @Arg('note', () => String, NOTE) note: string | null,
    @Ctx() ctx: Context,
  ): Promise<SplitResult> {
    return service.split(ctx, id, note);
  }
}
