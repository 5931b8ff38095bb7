import { Field, ID, InputType } from 'type-graphql';
import { SourceKind } from '../common/enums';
import { FuzzyDateInput } from '../common/fact.input';

@InputType({ description: 'A document that states facts.' })
export class SourceInput {
  @Field(() => ID, { description: 'Stable slug id, e.g. src-reuters-2024-01-10-amazon.' })
  id!: string;

  @Field(() => SourceKind, { description: 'What kind of document.' })
  kind!: string;

  @Field(() => String, { description: 'Its title.' })
  title!: string;

  @Field(() => [String], { nullable: true, description: 'Publishers.' })
  publishers?: string[];

  @Field(() => [String], { nullable: true, description: 'Authors and contributors.' })
  authors?: string[];

  @Field(() => FuzzyDateInput, { nullable: true, description: 'When it was published.' })
  published?: FuzzyDateInput;

  @Field(() => String, { nullable: true, description: 'Its URL; leave it out rather than guess.' })
  url?: string;

  @Field(() => String, { nullable: true, description: 'Language (BCP 47).' })
  language?: string;

  @Field(() => String, { nullable: true, description: 'What it is.' })
  description?: string;

  @Field(() => String, { nullable: true, description: 'Version of a data set (a release, a package version, a file date).' })
  version?: string;

  @Field(() => FuzzyDateInput, { nullable: true, description: 'When it was retrieved.' })
  retrieved?: FuzzyDateInput;

  @Field(() => String, { nullable: true, description: 'Its licence (e.g. CC0-1.0).' })
  licence?: string;
}
