import { Field, InputType } from 'type-graphql';

@InputType({ description: 'An article and what is known of it: the text, and the metadata its Source record will carry.' })
export class ArticleInput {
  @Field(() => String, { description: 'The article: English news text, or HTML (the markup is taken out). At most 200,000 characters.' })
  text!: string;

  @Field(() => String, { description: 'The publication day (YYYY-MM-DD), or an interval "YYYY-MM-DD..YYYY-MM-DD"; relative dates resolve against it.' })
  published!: string;

  @Field(() => String, { nullable: true, description: "The article's title; without one, its first line." })
  title?: string | null;

  @Field(() => [String], { nullable: true, description: 'Who published it.' })
  publishers?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Who wrote it.' })
  authors?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Where it can be read, if anywhere.' })
  url?: string | null;
}
