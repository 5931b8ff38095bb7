import { Field, Float, ID, InputType } from 'type-graphql';
import { OwnershipKind } from '../common/enums';
import { FactInput, FuzzyDateInput } from '../common/fact.input';

@InputType({
  description:
    'A parent link: a child owned by (SUBSIDIARY) or part of (DIVISION) a parent, for a period. One that would make a company its own ancestor is refused.',
})
export class OwnershipInput extends FactInput {
  @Field(() => OwnershipKind, { description: 'SUBSIDIARY or DIVISION.' })
  kind!: string;

  @Field(() => ID, { description: 'Id of the owned organization or division.' })
  child!: string;

  @Field(() => ID, { description: 'Id of the owner.' })
  parent!: string;

  @Field(() => FuzzyDateInput, { nullable: true, description: 'Since when.' })
  since?: FuzzyDateInput;

  @Field(() => FuzzyDateInput, { nullable: true, description: 'Until when.' })
  until?: FuzzyDateInput;

  @Field(() => Float, { nullable: true, description: "The parent's share, 0 to 1, where a source states one (GLEIF's quantifier percentage / 100)." })
  share?: number;

  @Field(() => ID, { nullable: true, description: 'Id of the acquisition that created the link.' })
  acquisition?: string;
}
