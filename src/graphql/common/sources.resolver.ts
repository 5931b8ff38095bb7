import { ClassType, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import type { RelationSpec } from './loaders';
import { Citation } from '../source/source.type';

/** The sources citing fact nodes. */
export const CITATIONS: RelationSpec<Citation> = { query: 'citations/of-nodes', map: Citation.fromRow };

/** The sources citing a fact node, batched across all the facts of a request. */
export function citationsOf(ctx: Context, id: string): Promise<Citation[]> {
  return ctx.loaders.relation(CITATIONS, id);
}

/**
 * Base of the resolvers of every fact-bearing node type: adds its `sources` field, so that every
 * answer carries the sources behind it without each resolver writing it again.
 */
export function CitedResolver<T extends { id: string }>(objectType: ClassType<T>, what: string) {
  @Resolver(() => objectType)
  abstract class CitedResolverBase {
    @FieldResolver(() => [Citation], { description: `The sources that state this ${what}, each with a short quote where there is one.` })
    sources(@Root() fact: T, @Ctx() ctx: Context): Promise<Citation[]> {
      return citationsOf(ctx, fact.id);
    }
  }
  return CitedResolverBase;
}
