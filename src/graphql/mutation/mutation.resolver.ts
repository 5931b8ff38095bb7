import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { Acquisition } from '../acquisition/acquisition.type';
import { Claim } from '../claim/claim.type';
import type { Context } from '../context';
import { OwnershipLink } from '../family/family.type';
import { LayoffEvent } from '../layoff/layoff.type';
import { Market, MarketMetric, MarketPresence } from '../market/market.type';
import { Organization } from '../organization/organization.type';
import { Person, Role } from '../person/person.type';
import { Citation, Source } from '../source/source.type';
import { AcquisitionInput } from '../acquisition/acquisition.input';
import { ClaimInput } from '../claim/claim.input';
import { CitationInput } from '../common/fact.input';
import { OwnershipInput } from '../family/ownership.input';
import { LayoffEventInput } from '../layoff/layoff.input';
import { MarketInput } from '../market/market.input';
import { MarketMetricInput } from '../market/market-metric.input';
import { MarketPresenceInput } from '../market/market-presence.input';
import { OrganizationInput, RedirectInput } from '../organization/organization.input';
import { Node } from '../common/node.interface';
import { PersonInput } from '../person/person.input';
import { RoleInput } from '../person/role.input';
import { SourceInput } from '../source/source.input';
import { cite, upsertFact } from './mutation.service';

/** The input argument of every upsert, described once. */
const FACT_INPUT = { description: 'The fact as the import format states it: the same id replaces the same fact.' };
const NEW_SOURCES = { nullable: true, description: 'Sources to create in the same transaction, so the fact can cite them.' } as const;

/**
 * Writes. Each mutation creates or replaces one fact by id (the same input twice leaves one), runs in
 * one write transaction, needs a bearer token, and returns the fact as stored. Every fact cites at
 * least one source; any invalid field gets BAD_USER_INPUT naming it, and nothing is written.
 */
@Resolver()
export class MutationResolver {
  @Mutation(() => Source, { description: 'Create or replace a source.' })
  upsertSource(@Arg('input', () => SourceInput, FACT_INPUT) input: SourceInput, @Ctx() ctx: Context): Promise<Source> {
    return upsertFact(ctx, 'Source', input);
  }

  @Mutation(() => Organization, { description: 'Create or replace a company or division.' })
  upsertOrganization(
    @Arg('input', () => OrganizationInput, FACT_INPUT)
    input: OrganizationInput,
    @Arg('newSources', () => [SourceInput], NEW_SOURCES) newSources: SourceInput[] | null,
    @Ctx() ctx: Context,
  ): Promise<Organization> {
    return upsertFact(ctx, 'Organization', input, newSources);
  }

  @Mutation(() => Node, {
    description:
      'Create or replace a redirect: an id (and its identifiers) that now answers for another entity, e.g. a merged LEI. Returns the entity it answers for.',
  })
  upsertRedirect(
    @Arg('input', () => RedirectInput, FACT_INPUT) input: RedirectInput,
    @Arg('newSources', () => [SourceInput], NEW_SOURCES) newSources: SourceInput[] | null,
    @Ctx() ctx: Context,
  ): Promise<Node> {
    return upsertFact(ctx, 'Redirect', input, newSources);
  }

  @Mutation(() => Person, { description: 'Create or replace a person.' })
  upsertPerson(
    @Arg('input', () => PersonInput, FACT_INPUT) input: PersonInput,
    @Arg('newSources', () => [SourceInput], NEW_SOURCES) newSources: SourceInput[] | null,
    @Ctx() ctx: Context,
  ): Promise<Person> {
    return upsertFact(ctx, 'Person', input, newSources);
  }

  @Mutation(() => Role, { description: 'Create or replace a role of a person in an organization.' })
  upsertRole(
    @Arg('input', () => RoleInput, FACT_INPUT) input: RoleInput,
    @Arg('newSources', () => [SourceInput], NEW_SOURCES) newSources: SourceInput[] | null,
    @Ctx() ctx: Context,
  ): Promise<Role> {
    return upsertFact(ctx, 'Role', input, newSources);
  }

  @Mutation(() => Market, { description: 'Create or replace a market.' })
  upsertMarket(
    @Arg('input', () => MarketInput, FACT_INPUT) input: MarketInput,
    @Arg('newSources', () => [SourceInput], NEW_SOURCES) newSources: SourceInput[] | null,
    @Ctx() ctx: Context,
  ): Promise<Market> {
    return upsertFact(ctx, 'Market', input, newSources);
  }

  @Mutation(() => MarketPresence, { description: "Create or replace an organization's presence in a market (entry, exit)." })
  upsertMarketPresence(
    @Arg('input', () => MarketPresenceInput, FACT_INPUT)
    input: MarketPresenceInput,
    @Arg('newSources', () => [SourceInput], NEW_SOURCES) newSources: SourceInput[] | null,
    @Ctx() ctx: Context,
  ): Promise<MarketPresence> {
    return upsertFact(ctx, 'MarketPresence', input, newSources);
  }

  @Mutation(() => Acquisition, { description: 'Create or replace an acquisition.' })
  upsertAcquisition(
    @Arg('input', () => AcquisitionInput, FACT_INPUT)
    input: AcquisitionInput,
    @Arg('newSources', () => [SourceInput], NEW_SOURCES) newSources: SourceInput[] | null,
    @Ctx() ctx: Context,
  ): Promise<Acquisition> {
    return upsertFact(ctx, 'Acquisition', input, newSources);
  }

  @Mutation(() => OwnershipLink, {
    description: 'Create or replace a parent link (ownership or division); one that would make a company its own ancestor is refused.',
  })
  upsertOwnership(
    @Arg('input', () => OwnershipInput, FACT_INPUT) input: OwnershipInput,
    @Arg('newSources', () => [SourceInput], NEW_SOURCES) newSources: SourceInput[] | null,
    @Ctx() ctx: Context,
  ): Promise<OwnershipLink> {
    return upsertFact(ctx, 'Ownership', input, newSources);
  }

  @Mutation(() => LayoffEvent, { description: 'Create or replace a layoff event.' })
  upsertLayoffEvent(
    @Arg('input', () => LayoffEventInput, FACT_INPUT)
    input: LayoffEventInput,
    @Arg('newSources', () => [SourceInput], NEW_SOURCES) newSources: SourceInput[] | null,
    @Ctx() ctx: Context,
  ): Promise<LayoffEvent> {
    return upsertFact(ctx, 'LayoffEvent', input, newSources);
  }

  @Mutation(() => MarketMetric, { description: 'Create or replace a market figure.' })
  upsertMarketMetric(
    @Arg('input', () => MarketMetricInput, FACT_INPUT)
    input: MarketMetricInput,
    @Arg('newSources', () => [SourceInput], NEW_SOURCES) newSources: SourceInput[] | null,
    @Ctx() ctx: Context,
  ): Promise<MarketMetric> {
    return upsertFact(ctx, 'MarketMetric', input, newSources);
  }

  @Mutation(() => Claim, { description: "Create or replace one source's statement of a fact's property." })
  upsertClaim(
    @Arg('input', () => ClaimInput, FACT_INPUT) input: ClaimInput,
    @Arg('newSources', () => [SourceInput], NEW_SOURCES) newSources: SourceInput[] | null,
    @Ctx() ctx: Context,
  ): Promise<Claim> {
    return upsertFact(ctx, 'Claim', input, newSources);
  }

  @Mutation(() => [Citation], { description: 'Add citations to any fact (node or parent link), keeping those it has; returns all its citations.' })
  cite(
    @Arg('fact', () => ID, { description: 'Id of the fact.' }) fact: string,
    @Arg('sources', () => [CitationInput], { description: 'The sources to add, each with a short quote.' }) sources: CitationInput[],
    @Arg('newSources', () => [SourceInput], NEW_SOURCES) newSources: SourceInput[] | null,
    @Ctx() ctx: Context,
  ): Promise<Citation[]> {
    return cite(ctx, fact, sources, newSources);
  }
}
