import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { EntityType } from '../common/enums';
import type { Context } from '../context';
import { search } from './search.service';
import { SearchHit } from './search.type';

@Resolver()
export class SearchResolver {
  @Query(() => [SearchHit], {
    description:
      'Full-text search over names and aliases of organizations, people and markets, and titles of sources; ranked, typo tolerant ' +
      '("Twich" finds Twitch). Entities whose names hold every word (exactly, as a prefix or with a typo) come back; when none does, ' +
      'those that hold any word. Any text is safe: it is read as words, never as query syntax.',
  })
  search(
    @Arg('text', () => String, { description: 'What to look for (at most 200 characters).' }) text: string,
    @Arg('types', () => [EntityType], { nullable: true, description: 'Only these entity types; default all.' }) types: string[] | null,
    @Arg('first', () => Int, { defaultValue: 10, description: 'How many results, 0 to 100.' }) first: number,
    @Ctx() ctx: Context,
  ): Promise<SearchHit[]> {
    return search(ctx, text, types, first);
  }
}
