import { Resolver } from 'type-graphql';
import { CitedResolver } from '../common/sources.resolver';
import { Claim } from './claim.type';

@Resolver(() => Claim)
export class ClaimResolver extends CitedResolver(Claim, 'claim') {}
