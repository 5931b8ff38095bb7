import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, Float, ID, ObjectType } from 'type-graphql';
import type { StoredChange } from '../../changes/feed';
import { ChangeKind, SourceKind } from '../common/enums';
import { changeCursor } from './change-cursor';

@ObjectType({
  description:
    'One change to the graph, as its write committed it: which fact, what kind of change, the properties before and after, who and when. ' +
    'Numbered in commit order; a change is in the feed if and only if its write committed.',
})
export class Change {
  @Field(() => Float, { description: 'Its number: strictly increasing in commit order, with no gaps (retention prunes the oldest).' })
  sequence!: number;

  @Field(() => String, { description: 'Pass as after (to changes, or to the subscription) to read on after this change.' })
  cursor!: string;

  @Field(() => String, { description: 'When the write committed its changes (ISO 8601, UTC).' })
  at!: string;

  @Field(() => String, { description: 'Who wrote: the API key\'s name, "seed", "import", a reviewer, or the rule of an automatic decision.' })
  by!: string;

  @Field(() => ChangeKind, { description: 'What happened to the fact.' })
  kind!: keyof typeof ChangeKind;

  @Field(() => ID, { description: 'The id of the fact changed (a node, or a parent link).' })
  factId!: string;

  @Field(() => String, { description: 'Its type as the import format names it: Organization, LayoffEvent, Role, Ownership, ...' })
  factType!: string;

  @Field(() => [ID], { description: 'The organizations the fact is about, before and after the change (a moved fact names both).' })
  organizations!: string[];

  @Field(() => [SourceKind], { description: 'The kinds of the sources the fact cites.' })
  sourceKinds!: Array<keyof typeof SourceKind>;

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'The changed properties as they were; null for a new fact.' })
  before!: Record<string, unknown> | null;

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'The changed properties as they are now (all of them for a new fact).' })
  after!: Record<string, unknown> | null;

  static fromStored(change: StoredChange): Change {
    return Object.assign(new Change(), change, { cursor: changeCursor(change.sequence) }) as Change;
  }
}

@ObjectType({ description: 'An organization on the watch list of the calling API key.' })
export class Watch {
  @Field(() => ID, { description: 'The organization watched.' })
  organization!: string;

  @Field(() => Boolean, { description: 'Whether changes about the organizations below it (its family) count too.' })
  includeFamily!: boolean;

  @Field(() => String, { description: 'When it was put on the list (ISO 8601).' })
  since!: string;
}

@ObjectType({ description: 'Where the change feed stands: its newest and oldest kept numbers, and a cursor that reads on from now.' })
export class ChangeFeedInfo {
  @Field(() => Float, { description: 'The number of the newest change (0 when nothing was written yet).' })
  newest!: number;

  @Field(() => Float, { nullable: true, description: 'The number of the oldest change kept (retention prunes older ones); null when none is kept.' })
  oldest!: number | null;

  @Field(() => String, { description: 'Pass as after (to changes, or the subscription) to read only what commits from now on.' })
  cursor!: string;
}
