import { Field, Float, ObjectType } from 'type-graphql';
import type { Row } from '../../graph/graph-client';
import { AnnouncementChannel } from '../common/enums';
import { FuzzyDate } from '../common/fuzzy-date.type';
import { Node, Typed } from '../common/node.interface';
import { Quantity } from '../common/quantity.type';

@ObjectType({
  implements: Node,
  description: 'A round of job cuts: the organizations the source names, when it was announced, how many jobs (as stated), by whom and how.',
})
export class LayoffEvent extends Node implements Typed {
  readonly __typename = 'LayoffEvent';

  @Field(() => FuzzyDate, { description: 'When the cuts were announced.' })
  announced!: FuzzyDate;

  @Field(() => Quantity, { description: 'How many jobs, as stated; qualifier UNKNOWN where the source gives no number.' })
  headcount!: Quantity;

  @Field(() => Float, { nullable: true, description: 'Share of the workforce cut, from 0 to 1 (0.35 is 35%).' })
  shareOfWorkforce!: number | null;

  @Field(() => [AnnouncementChannel], { description: 'How the cuts were announced.' })
  channels!: Array<keyof typeof AnnouncementChannel>;

  @Field(() => String, { nullable: true, description: 'What was cut and why, in brief.' })
  description!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The employer exactly as the source names it (a WARN notice's filer), whether or not it is linked to an organization.",
  })
  employerName!: string | null;

  @Field(() => FuzzyDate, { nullable: true, description: "When the cuts take effect, where the source says (a WARN notice's effective date)." })
  effective!: FuzzyDate | null;

  @Field(() => Boolean, { nullable: true, description: 'Stated to be temporary (true), permanent (false), or not stated (null).' })
  temporary!: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'The site closes (true), does not (false), or not stated (null).' })
  closure!: boolean | null;

  @Field(() => String, { nullable: true, description: 'Id of the notice this one amends (and supersedes: roll-ups count only the amendment).' })
  amends!: string | null;

  static fromRow(p: Row): LayoffEvent {
    return Object.assign(new LayoffEvent(), {
      id: p.id as string,
      announced: FuzzyDate.fromProps(p, 'announced')!,
      headcount: Quantity.fromProps(p, 'headcount')!,
      shareOfWorkforce: (p.shareOfWorkforce as number) ?? null,
      channels: (p.channels as LayoffEvent['channels']) ?? [],
      description: (p.description as string) ?? null,
      employerName: (p.employerName as string) ?? null,
      effective: FuzzyDate.fromProps(p, 'effective'),
      temporary: (p.temporary as boolean) ?? null,
      closure: (p.closure as boolean) ?? null,
      amends: (p.amendsId as string) ?? null,
    });
  }
}

@ObjectType({ description: 'A market a layoff affects, with when its workers were told.' })
export class AffectedMarket {
  marketId!: string;

  @Field(() => FuzzyDate, { nullable: true, description: 'When affected workers there were told.' })
  notified!: FuzzyDate | null;

  @Field(() => String, { nullable: true, description: 'How the source describes the market, e.g. "most other regions".' })
  note!: string | null;

  static fromRow(row: Row): AffectedMarket {
    const r = row.rel as Row;
    return Object.assign(new AffectedMarket(), {
      marketId: row.marketId as string,
      notified: FuzzyDate.fromProps(r, 'notified'),
      note: (r.note as string) ?? null,
    });
  }
}
