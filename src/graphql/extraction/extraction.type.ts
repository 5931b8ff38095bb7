import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { StoredProposal } from '../../extraction/review';
import type { StoredArticle } from '../../extraction/stored-article';
import { factTypeEnumName, type Proposal } from '../../extraction/proposals';
import { ExtractedFactType, ProposalStatus } from '../common/enums';

@ObjectType({ description: 'An entity an extracted fact names: one the graph holds, or one proposed with it.' })
export class ExtractedEntity {
  @Field(() => String, { description: 'Its part in the fact, e.g. acquirer, target, person, organization.' })
  part!: string;

  @Field(() => ID, { description: 'The graph id (for a new one, the id it will have).' })
  id!: string;

  @Field(() => String, { description: 'The name as the graph or the article gives it.' })
  name!: string;

  @Field(() => Boolean, { description: 'True when the graph already holds it.' })
  known!: boolean;
}

@ObjectType({ description: 'Where an extracted fact stands in its article: character offsets and the words around it.' })
export class Passage {
  @Field(() => Int, { description: 'Offset of the sentence that states it (characters, from 0).' })
  start!: number;

  @Field(() => Int, { description: 'Offset just after the sentence.' })
  end!: number;

  @Field(() => String, { description: 'The sentence.' })
  text!: string;

  @Field(() => String, { description: 'Up to 300 characters before it.' })
  before!: string;

  @Field(() => String, { description: 'Up to 300 characters after it.' })
  after!: string;
}

@ObjectType({ description: 'An article submitted for extraction: the source its accepted facts cite.' })
export class ExtractedArticle {
  @Field(() => ID, { description: 'The extraction id (the same text is the same article).' })
  id!: string;

  @Field(() => ID, { description: 'The id of the Source its accepted facts cite.' })
  sourceId!: string;

  @Field(() => String, { description: 'The title (the first line of the text when none was given).' })
  title!: string;

  @Field(() => [String], { description: 'Who published it.' })
  publishers!: string[];

  @Field(() => [String], { description: 'Who wrote it.' })
  authors!: string[];

  @Field(() => String, { nullable: true, description: 'Where it can be read, if given.' })
  url!: string | null;

  @Field(() => String, { nullable: true, description: 'Earliest day of publication (YYYY-MM-DD).' })
  publishedEarliest!: string | null;

  @Field(() => String, { nullable: true, description: 'Latest day of publication (YYYY-MM-DD).' })
  publishedLatest!: string | null;

  @Field(() => Boolean, { description: 'The text came as HTML or XML; offsets are in the text without the markup.' })
  fromMarkup!: boolean;

  @Field(() => Int, { description: 'Length of the text in characters.' })
  textLength!: number;

  @Field(() => String, { nullable: true, description: 'Who submitted it (an API key, the CLI user).' })
  submittedBy!: string | null;

  static from(a: StoredArticle): ExtractedArticle {
    return Object.assign(new ExtractedArticle(), a);
  }
}

@ObjectType({
  description:
    'A fact proposed from an article, waiting for review (or decided): what it says, the passage and quote that state it, the entities it names, ' +
    'and the import-format record accepting it writes (through the same validation as every import).',
})
export class ExtractedFact {
  @Field(() => ID, { description: 'The proposal id (the same article and fact give the same id).' })
  id!: string;

  @Field(() => ExtractedFactType, { description: 'What kind of fact.' })
  factType!: string;

  @Field(() => String, { description: 'The fact in a line, e.g. "Amazon acquired Twitch for $970 million (in 2014)".' })
  summary!: string;

  @Field(() => ProposalStatus, { nullable: true, description: 'PENDING, ACCEPTED or REJECTED; null when the article was not submitted.' })
  status!: string | null;

  @Field(() => String, { description: 'The words that state it (at most 200 characters), as the record cites them.' })
  quote!: string;

  @Field(() => Int, { description: 'Offset of the sentence that states it.' })
  start!: number;

  @Field(() => Int, { description: 'Offset just after that sentence.' })
  end!: number;

  @Field(() => [ExtractedEntity], { description: 'The entities it names, known or new.' })
  entities!: ExtractedEntity[];

  @Field(() => [ID], { description: 'Proposals of new entities this fact needs: accepting it accepts them.' })
  requires!: string[];

  @Field(() => String, { description: 'The import-format record (JSON) accepting it writes, with its citation of the article.' })
  record!: string;

  @Field(() => ID, { description: 'The id of the record accepting it writes (see node(id:) once accepted).' })
  recordId!: string;

  @Field(() => String, { nullable: true, description: 'Who submitted the article (an API key, the CLI user).' })
  proposedBy!: string | null;

  @Field(() => String, { nullable: true, description: 'When it was proposed (ISO date-time).' })
  proposedAt!: string | null;

  @Field(() => String, { nullable: true, description: 'Who accepted or rejected it.' })
  decidedBy!: string | null;

  @Field(() => String, { nullable: true, description: 'When it was decided (ISO date-time).' })
  decidedAt!: string | null;

  @Field(() => String, { nullable: true, description: "The reviewer's note." })
  note!: string | null;

  /** The article, when stored (for the article and passage fields). */
  storedArticle?: StoredArticle;

  static fromProposal(p: Proposal): ExtractedFact {
    return Object.assign(new ExtractedFact(), {
      ...p,
      factType: factTypeEnumName(p.factType),
      status: null,
      record: JSON.stringify(p.record),
      recordId: p.record.id,
      proposedBy: null,
      proposedAt: null,
      decidedBy: null,
      decidedAt: null,
      note: null,
    });
  }

  static fromStored(p: StoredProposal): ExtractedFact {
    return Object.assign(new ExtractedFact(), {
      ...p,
      factType: factTypeEnumName(p.factType),
      record: JSON.stringify(p.record),
      recordId: p.record.id,
      storedArticle: p.article,
    });
  }
}

@ObjectType({ description: 'What extraction made of an article.' })
export class ArticleExtraction {
  @Field(() => ID, { description: 'The extraction id (stored when submitted).' })
  extractionId!: string;

  @Field(() => ID, { description: 'The id of the Source its accepted facts will cite.' })
  sourceId!: string;

  @Field(() => Boolean, { description: 'The proposals were stored in the review queue.' })
  submitted!: boolean;

  @Field(() => Int, { description: 'Proposals new to the review queue (0 when an article is submitted again).' })
  created!: number;

  @Field(() => Boolean, { description: 'The text came as HTML or XML; offsets are in the text without the markup.' })
  fromMarkup!: boolean;

  @Field(() => Int, { description: 'Length of the text read, in characters.' })
  textLength!: number;

  @Field(() => [ExtractedFact], { description: 'The proposals, in the order the article states them.' })
  proposals!: ExtractedFact[];
}
