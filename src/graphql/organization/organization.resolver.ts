import { InForceArgs } from '../common/in-force.args';
import { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Acquisition } from '../acquisition/acquisition.type';
import { claimsAbout } from '../claim/claim.service';
import { Claim } from '../claim/claim.type';
import { Connection, ConnectionResult } from '../common/connection';
import { DateScalar } from '../common/date.scalar';
import { Certainty, RoleType } from '../common/enums';
import { CitedResolver } from '../common/sources.resolver';
import type { Context } from '../context';
import { LayoffEvent } from '../layoff/layoff.type';
import { Market, MarketPresence } from '../market/market.type';
import { Role } from '../person/person.type';
import { CompaniesArgs } from './organization.args';
import {
  acquisitionsOf,
  findByIdentifier,
  findOrganization,
  headquartersOf,
  identifiersOf,
  layoffsOf,
  legalAddressOf,
  listOrganizations,
  presencesOf,
  rolesAt,
} from './organization.service';
import { Identifier, Organization } from './organization.type';
import { IdentifierInput } from '../common/fact.input';
import { prefetchOrganization } from '../lookahead';

@ObjectType({ description: 'A page of organizations.' })
export class OrganizationConnection extends Connection(Organization, 'Organization', 'organizations') {}

@Resolver(() => Organization)
export class OrganizationResolver extends CitedResolver(Organization, 'organization') {
  @Query(() => Organization, {
    nullable: true,
    description:
      'One company or division, by id, by name or alias (ignoring case: "metro-goldwyn-mayer" finds MGM), or by an external identifier. ' +
      'An id or identifier that now answers for another organization (a merged LEI) gives that one, with redirectedFrom. Null when none matches.',
  })
  async company(
    @Arg('id', () => ID, { nullable: true, description: 'Its id; give this or name.' }) id: string | null,
    @Arg('name', () => String, { nullable: true, description: 'Its name or an alias, ignoring case; give this or id.' }) name: string | null,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg('identifier', () => IdentifierInput, {
      nullable: true,
      description: 'An external identifier (LEI, CIK, TICKER, WIKIDATA); a retired or merged one answers its successor, with redirectedFrom set.',
    })
    identifier: IdentifierInput | null,
  ): Promise<Organization | null> {
    if (identifier) return findByIdentifier(ctx, identifier);
    if (id) await prefetchOrganization(ctx, id, info);
    return findOrganization(ctx, id, name);
  }

  @FieldResolver(() => [Identifier], { description: 'Its external identifiers (LEI, CIK, tickers, Wikidata QID), scheme then value.' })
  identifiers(@Root() org: Organization, @Ctx() ctx: Context): Promise<Identifier[]> {
    return identifiersOf(ctx, org);
  }

  @FieldResolver(() => Market, { nullable: true, description: 'The market (city, or country where no city is known) of its legal address.' })
  legalAddress(@Root() org: Organization, @Ctx() ctx: Context): Promise<Market | null> {
    return legalAddressOf(ctx, org);
  }

  @Query(() => OrganizationConnection, { description: 'Companies and divisions, filtered and ordered, a page at a time.' })
  companies(@Args(() => CompaniesArgs) args: CompaniesArgs, @Ctx() ctx: Context): Promise<ConnectionResult<Organization>> {
    return listOrganizations(ctx, args);
  }

  @FieldResolver(() => Market, { nullable: true, description: 'The city of its headquarters, where known.' })
  headquarters(@Root() org: Organization, @Ctx() ctx: Context): Promise<Market | null> {
    return headquartersOf(ctx, org);
  }

  @FieldResolver(() => [Role], { description: 'Roles held at this organization, optionally of one type and in force on a day.' })
  roles(
    @Root() org: Organization,
    @Ctx() ctx: Context,
    @Arg('roleType', () => RoleType, { nullable: true, description: 'Only roles of this kind; all when omitted.' }) roleType: string | null,
    @Arg('asOf', () => DateScalar, { nullable: true, description: 'Only roles in force on this day.' }) asOf: string | null,
    @Arg('match', () => Certainty, { defaultValue: 'CERTAIN', description: 'With asOf: certainly or possibly in force.' }) match: string,
  ): Promise<Role[]> {
    return rolesAt(ctx, org, { roleTypes: roleType ? [roleType] : null, asOf, certain: match === 'CERTAIN' });
  }

  @FieldResolver(() => [MarketPresence], { description: 'Markets it operates in, entered or left; with asOf, those it was in on that day.' })
  marketPresences(@Root() org: Organization, @Ctx() ctx: Context, @Args(() => InForceArgs) inForce: InForceArgs): Promise<MarketPresence[]> {
    return presencesOf(ctx, org, inForce);
  }

  @FieldResolver(() => [Acquisition], { description: 'Acquisitions it made, as acquirer.' })
  acquisitions(@Root() org: Organization, @Ctx() ctx: Context): Promise<Acquisition[]> {
    return acquisitionsOf(ctx, org, 'ACQUIRER');
  }

  @FieldResolver(() => [Acquisition], { description: 'Acquisitions of this organization, as target.' })
  acquiredBy(@Root() org: Organization, @Ctx() ctx: Context): Promise<Acquisition[]> {
    return acquisitionsOf(ctx, org, 'TARGET');
  }

  @FieldResolver(() => [LayoffEvent], { description: 'Layoff events at this organization, earliest first.' })
  layoffEvents(
    @Root() org: Organization,
    @Ctx() ctx: Context,
    @Arg('includeSubsidiaries', () => Boolean, {
      defaultValue: false,
      description: 'Also events at organizations below it (subsidiaries, divisions, at any depth) that belonged to it when the event was announced.',
    })
    includeSubsidiaries: boolean,
  ): Promise<LayoffEvent[]> {
    return layoffsOf(ctx, org, includeSubsidiaries);
  }

  @FieldResolver(() => [Claim], { description: 'Statements about this organization that sources make differently, each with its sources.' })
  claims(
    @Root() org: Organization,
    @Ctx() ctx: Context,
    @Arg('property', () => String, { nullable: true, description: 'Only claims about this property (e.g. "completed", "price"); all when omitted.' })
    property: string | null,
  ): Promise<Claim[]> {
    return claimsAbout(ctx, org.id, property);
  }
}
