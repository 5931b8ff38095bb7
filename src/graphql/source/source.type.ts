import { Field, ObjectType } from 'type-graphql';
import type { Row } from '../../graph/graph-client';
import { SourceKind } from '../common/enums';
import { FuzzyDate } from '../common/fuzzy-date.type';
import { Node, Typed } from '../common/node.interface';

@ObjectType({ implements: Node, description: 'A document that states facts: a news article, an internal memo, a blog post, a press release, a filing.' })
export class Source extends Node implements Typed {
  readonly __typename = 'Source';

  @Field(() => SourceKind, { description: 'What kind of document it is.' })
  kind!: keyof typeof SourceKind;

  @Field(() => String, { description: 'Its title (a descriptive title where the document has none; the description says so).' })
  title!: string;

  @Field(() => [String], { description: 'Who published it (news agencies, the company itself).' })
  publishers!: string[];

  @Field(() => [String], { description: 'Authors and contributors.' })
  authors!: string[];

  @Field(() => FuzzyDate, { nullable: true, description: 'When it was published; relative dates in the facts it states are resolved against this.' })
  published!: FuzzyDate | null;

  @Field(() => String, { nullable: true, description: 'Where to read it; null rather than a guessed address.' })
  url!: string | null;

  @Field(() => String, { nullable: true, description: 'Language (BCP 47), e.g. en.' })
  language!: string | null;

  @Field(() => String, { nullable: true, description: 'What the document is and how it was used.' })
  description!: string | null;

  @Field(() => String, { nullable: true, description: 'For a data set: its version (a release, a package version, a file date).' })
  version!: string | null;

  @Field(() => FuzzyDate, { nullable: true, description: 'For a data set: when it was retrieved.' })
  retrieved!: FuzzyDate | null;

  @Field(() => String, { nullable: true, description: 'Its licence, where stated (e.g. CC0-1.0 for GLEIF data).' })
  licence!: string | null;

  static fromRow(p: Row): Source {
    return Object.assign(new Source(), {
      id: p.id as string,
      kind: p.kind as Source['kind'],
      title: p.title as string,
      publishers: (p.publishers as string[]) ?? [],
      authors: (p.authors as string[]) ?? [],
      published: FuzzyDate.fromProps(p, 'published'),
      url: (p.url as string) ?? null,
      language: (p.language as string) ?? null,
      description: (p.description as string) ?? null,
      version: (p.version as string) ?? null,
      retrieved: FuzzyDate.fromProps(p, 'retrieved'),
      licence: (p.licence as string) ?? null,
    });
  }
}

@ObjectType({ description: 'A source that states a fact, with a short quote (at most a phrase) where there is one.' })
export class Citation {
  @Field(() => Source, { description: 'The document.' })
  source!: Source;

  @Field(() => String, { nullable: true, description: 'The words of the source that state the fact: a short, attributed phrase.' })
  quote!: string | null;

  @Field(() => String, { nullable: true, description: "Where in the source: a data set's row (an LEI, a WARN notice's hash), a page." })
  locator!: string | null;

  static fromRow(row: Row): Citation {
    return Object.assign(new Citation(), {
      source: Source.fromRow(row.source as Row),
      quote: (row.quote as string) || null,
      locator: (row.locator as string) || null,
    });
  }
}
