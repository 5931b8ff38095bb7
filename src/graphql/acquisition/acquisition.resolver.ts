import { Arg, Args, Ctx, FieldResolver, ID, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { claimsAbout } from '../claim/claim.service';
import { Claim } from '../claim/claim.type';
import { Connection, ConnectionResult } from '../common/connection';
import { CitedResolver } from '../common/sources.resolver';
import type { Context } from '../context';
import { entityById } from '../node/entities';
import { Organization } from '../organization/organization.type';
import { AcquisitionsArgs } from './acquisition.args';
import { listAcquisitions } from './acquisition.service';
import { Acquisition } from './acquisition.type';

@ObjectType({ description: 'A page of acquisitions.' })
export class AcquisitionConnection extends Connection(Acquisition, 'Acquisition', 'acquisitions') {}

@Resolver(() => Acquisition)
export class AcquisitionResolver extends CitedResolver(Acquisition, 'acquisition') {
  @Query(() => Acquisition, { nullable: true, description: 'One acquisition by id; null when unknown.' })
  acquisition(
    @Arg('id', () => ID, { description: 'Its id (a lower-case slug such as "twitch").' }) id: string,
    @Ctx() ctx: Context,
  ): Promise<Acquisition | null> {
    return entityById<Acquisition>(ctx, id, 'Acquisition');
  }

  @Query(() => AcquisitionConnection, { description: 'Acquisitions, filtered and ordered, a page at a time.' })
  acquisitions(@Args(() => AcquisitionsArgs) args: AcquisitionsArgs, @Ctx() ctx: Context): Promise<ConnectionResult<Acquisition>> {
    return listAcquisitions(ctx, args);
  }

  @FieldResolver(() => Organization, { description: 'Who bought.' })
  async acquirer(@Root() acquisition: Acquisition, @Ctx() ctx: Context): Promise<Organization> {
    return (await entityById<Organization>(ctx, acquisition.acquirerId, 'Organization'))!;
  }

  @FieldResolver(() => Organization, { description: 'Who was bought.' })
  async target(@Root() acquisition: Acquisition, @Ctx() ctx: Context): Promise<Organization> {
    return (await entityById<Organization>(ctx, acquisition.targetId, 'Organization'))!;
  }

  @FieldResolver(() => [Claim], {
    description: "Every source's statement of this acquisition's properties (e.g. completed, price), preferred first: where sources disagree, all are kept.",
  })
  claims(
    @Root() acquisition: Acquisition,
    @Ctx() ctx: Context,
    @Arg('property', () => String, { nullable: true, description: 'Only claims about this property (e.g. "completed", "price"); all when omitted.' })
    property: string | null,
  ): Promise<Claim[]> {
    return claimsAbout(ctx, acquisition.id, property);
  }
}
