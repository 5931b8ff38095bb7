import { ArgsType, Field, Int } from 'type-graphql';
import { DateScalar } from '../common/date.scalar';
import { Certainty, OwnershipKind, SourceKind } from '../common/enums';
import { registerDescribedEnum } from '../common/described-enum';

@ArgsType()
export class AsOfArgs {
  @Field(() => DateScalar, { nullable: true, description: 'The day to answer for; default today.' })
  asOf?: string | null;

  @Field(() => Certainty, {
    defaultValue: 'CERTAIN',
    description: 'Follow only links certainly in force on that day (default), or also those possibly in force.',
  })
  match: keyof typeof Certainty = 'CERTAIN';
}

@ArgsType()
export class ChainArgs extends AsOfArgs {
  @Field(() => Int, { nullable: true, description: 'How many links up to follow at most; default and maximum: the configured TRAVERSAL_MAX_DEPTH.' })
  maxDepth?: number | null;
}

@ArgsType()
export class FamilyArgs extends AsOfArgs {
  @Field(() => Int, {
    defaultValue: 2,
    description: 'How many links down: 1 for direct subsidiaries and divisions, 2 (the default) also the divisions inside them; at most TRAVERSAL_MAX_DEPTH.',
  })
  depth: number = 2;

  @Field(() => [OwnershipKind], { nullable: true, description: 'Only SUBSIDIARY or only DIVISION links; default both.' })
  kinds?: Array<keyof typeof OwnershipKind> | null;

  @Field(() => Int, { defaultValue: 1000, description: 'At most this many members, 1 to 10000 (truncated says when more exist).' })
  limit: number = 1000;
}

export enum RollupGrouping {
  YEAR = 'YEAR',
  ORGANIZATION = 'ORGANIZATION',
  MARKET = 'MARKET',
  SOURCE_KIND = 'SOURCE_KIND',
}
registerDescribedEnum(RollupGrouping, {
  name: 'RollupGrouping',
  description: 'How layoff roll-ups are grouped: by year of announcement, by organization named, by market affected, or by the kind of source that tells it.',
  values: {
    MARKET: 'By affected market ("Not stated" when the source names none).',
    ORGANIZATION: 'By the organization the source names (an event naming two counts in both groups, once in the total).',
    SOURCE_KIND: 'By the kind of source that tells it (an event told by the news and by notices counts in both groups, once in the total).',
    YEAR: 'By year of announcement ("2022-2023" when the announcement interval spans years).',
  },
});

@ArgsType()
export class RollupArgs {
  @Field(() => RollupGrouping, { defaultValue: RollupGrouping.YEAR, description: 'Group by year (default), organization, market or kind of source.' })
  groupBy: RollupGrouping = RollupGrouping.YEAR;

  @Field(() => Certainty, {
    defaultValue: 'CERTAIN',
    description: "Count a member's layoff when it certainly belonged to the company over the whole announcement interval (default), or possibly did.",
  })
  match: keyof typeof Certainty = 'CERTAIN';

  @Field(() => [SourceKind], {
    nullable: true,
    description: 'Count only events cited by a source of these kinds (e.g. [WARN_NOTICES], or the news kinds), so one layoff told twice is not summed twice.',
  })
  sourceKinds?: string[] | null;
}
