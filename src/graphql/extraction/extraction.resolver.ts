import { Arg, Args, Ctx, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Connection, ConnectionResult } from '../common/connection';
import { Node } from '../common/node.interface';
import type { Context } from '../context';
import { entityById } from '../node/entities';
import { ExtractedFactsArgs } from './extraction.args';
import { ArticleInput } from './extraction.input';
import * as service from './extraction.service';
import { ArticleExtraction, ExtractedArticle, ExtractedFact, Passage } from './extraction.type';

@ObjectType({ description: 'A page of extracted facts: newest article first, each article in the order it states them.' })
export class ExtractedFactConnection extends Connection(ExtractedFact, 'ExtractedFact', 'facts') {}

const NOTE = { nullable: true, description: 'Why, in your words (at most 1,000 characters); kept on the fact.' } as const;

@Resolver(() => ExtractedFact)
export class ExtractionResolver {
  @Mutation(() => ArticleExtraction, {
    description:
      'Reads an article (English news text or HTML) and proposes the facts it states: layoffs, roles, acquisitions, ownership, market entries and exits, ' +
      'headquarters, former names, statistics, each with the passage and quote, its entities resolved against the graph or proposed as new. Deterministic; ' +
      'nothing lands in the graph: with submit, the proposals wait in the review queue (extractedFacts) for acceptExtractedFact. ' +
      'An empty, binary, non-English or oversized text is refused with UNSUPPORTED_CONTENT and its reason; one whose extraction runs past ' +
      'EXTRACTION_TIME_BUDGET_MS with EXTRACTION_TIMEOUT.',
  })
  extractArticle(
    @Arg('input', () => ArticleInput, { description: 'The article and its metadata.' }) input: ArticleInput,
    @Arg('submit', () => Boolean, { defaultValue: false, description: 'Store the proposals in the review queue.' }) submit: boolean,
    @Ctx() ctx: Context,
  ): Promise<ArticleExtraction> {
    return service.extractArticle(ctx, input, submit);
  }

  @Query(() => ExtractedFactConnection, { description: 'Facts extracted from submitted articles: filter by status PENDING for the review queue.' })
  extractedFacts(@Args(() => ExtractedFactsArgs) args: ExtractedFactsArgs, @Ctx() ctx: Context): Promise<ConnectionResult<ExtractedFact>> {
    return service.extractedFacts(ctx, args.filter, args);
  }

  @Query(() => ExtractedFact, { nullable: true, description: 'One extracted fact by id; null when unknown.' })
  extractedFact(@Arg('id', () => ID, { description: 'The extracted fact id (prop-...).' }) id: string, @Ctx() ctx: Context): Promise<ExtractedFact | null> {
    return service.extractedFact(ctx, id);
  }

  @FieldResolver(() => ExtractedArticle, { nullable: true, description: 'The article it comes from (null when the article was not submitted).' })
  article(@Root() fact: ExtractedFact): ExtractedArticle | null {
    return fact.storedArticle ? ExtractedArticle.from(fact.storedArticle) : null;
  }

  @FieldResolver(() => Passage, {
    nullable: true,
    description: 'The sentence that states it, with the text around it (null when the article was not submitted).',
  })
  passage(@Root() fact: ExtractedFact, @Ctx() ctx: Context): Promise<Passage | null> {
    return service.passageOf(ctx, fact);
  }

  @FieldResolver(() => Node, { nullable: true, description: 'The fact as the graph holds it, once accepted (null before).' })
  fact(@Root() fact: ExtractedFact, @Ctx() ctx: Context): Promise<Node | null> {
    return fact.status === 'ACCEPTED' ? entityById<Node>(ctx, fact.recordId) : Promise.resolve(null);
  }

  @Mutation(() => ExtractedFact, {
    description:
      'Accepts an extracted fact: its record (and the new entities it needs, and the article as its source) is written through the same validation as every ' +
      'import, in one transaction. An entity merged since extraction is followed to its survivor; one deleted makes it refused with the reason; a fact the ' +
      'graph already holds under the same id gains the article as a source instead of being rewritten. Recorded as decided by your API key.',
  })
  acceptExtractedFact(
    @Arg('id', () => ID, { description: 'The extracted fact id (prop-...).' }) id: string,
    @Arg('note', () => String, NOTE) note: string | null,
    @Ctx() ctx: Context,
  ): Promise<ExtractedFact> {
    return service.accept(ctx, id, note);
  }

  @Mutation(() => ExtractedFact, { description: 'Rejects an extracted fact: nothing is written; facts that need it (a new entity) can no longer be accepted.' })
  rejectExtractedFact(
    @Arg('id', () => ID, { description: 'The extracted fact id (prop-...).' }) id: string,
    @Arg('note', () => String, NOTE) note: string | null,
    @Ctx() ctx: Context,
  ): Promise<ExtractedFact> {
    return service.reject(ctx, id, note);
  }
}
