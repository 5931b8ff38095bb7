import { Field, ID, InputType } from 'type-graphql';
import { ChangedFactType, ChangeKind, SourceKind } from '../common/enums';

@InputType({ description: 'Which changes: all given conditions hold; none given, every change.' })
export class ChangeFilterInput {
  @Field(() => [ID], { nullable: true, description: 'Only changes about these organizations (at most 100).' })
  organizations?: string[] | null;

  @Field(() => Boolean, {
    defaultValue: false,
    description: 'With organizations (or watched): also changes about any organization below them through parent links, as the family stands when read.',
  })
  includeFamily: boolean = false;

  @Field(() => Boolean, {
    defaultValue: false,
    description: "Only changes about the organizations on the calling API key's watch list (each with its own includeFamily). Needs a bearer token.",
  })
  watched: boolean = false;

  @Field(() => [ChangedFactType], { nullable: true, description: 'Only changes to facts of these types.' })
  factTypes?: Array<keyof typeof ChangedFactType> | null;

  @Field(() => [ChangeKind], { nullable: true, description: 'Only these kinds of change.' })
  kinds?: Array<keyof typeof ChangeKind> | null;

  @Field(() => [SourceKind], { nullable: true, description: 'Only changes to facts citing a source of one of these kinds (e.g. WARN_NOTICES).' })
  sourceKinds?: Array<keyof typeof SourceKind> | null;
}
