import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { IdentifierInput } from '../common/fact.input';
import type { Context } from '../context';
import { resolutionCandidates } from './resolution.service';
import { ResolutionCandidate } from './resolution.type';

@Resolver()
export class ResolutionResolver {
  @Query(() => [ResolutionCandidate], {
    description:
      'The organizations a name may mean (a WARN filer such as "Amazon Logistics - DLA3", a tracker row, a name in an article), ranked, ' +
      'each with a score from 0 to 1 and its evidence: an identifier given, the name equal without legal form or site suffix, an alias, ' +
      'shared words, the country. Candidates come from indexes; nothing is decided or merged.',
  })
  resolutionCandidates(
    @Arg('name', () => String, { description: 'The name as the source writes it (at most 200 characters).' }) name: string,
    @Arg('country', () => String, { nullable: true, description: 'ISO 3166-1 alpha-2 code of where the source places it, e.g. US.' }) country: string | null,
    @Arg('identifiers', () => [IdentifierInput], { nullable: true, description: 'External identifiers the source gives.' })
    identifiers: IdentifierInput[] | null,
    @Arg('first', () => Int, { defaultValue: 10, description: 'How many candidates, 1 to 50.' }) first: number,
    @Ctx() ctx: Context,
  ): Promise<ResolutionCandidate[]> {
    return resolutionCandidates(ctx, { name, country, identifiers, first });
  }
}
