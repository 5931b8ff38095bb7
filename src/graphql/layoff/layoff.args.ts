import { SourceKind } from '../common/enums';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { PageArgs } from '../common/connection';
import { OrderBy } from '../common/order-by';
import { DateRange } from '../common/date-range.input';
import { registerDescribedEnum } from '../common/described-enum';

@InputType({ description: 'Narrows a list of layoff events; all given conditions must hold.' })
export class LayoffFilter {
  @Field(() => ID, { nullable: true, description: 'Events at this organization.' })
  organization?: string | null;

  @Field(() => Boolean, {
    defaultValue: false,
    description: 'With organization: also events at organizations below it that belonged to it when the event was announced.',
  })
  includeSubsidiaries: boolean = false;

  @Field(() => DateRange, { nullable: true, description: 'Announced within this window.' })
  announced?: DateRange | null;

  @Field(() => ID, { nullable: true, description: 'Events affecting this market or a market within it.' })
  market?: string | null;

  @Field(() => String, { nullable: true, description: 'The employer as the source names it (a WARN filer) contains this text, ignoring case.' })
  employerNameContains?: string | null;

  @Field(() => [SourceKind], {
    nullable: true,
    description: 'Only events cited by a source of one of these kinds (e.g. WARN_NOTICES, or NEWS_ARTICLE), so one layoff told twice is not summed twice.',
  })
  sourceKinds?: string[] | null;
}

export enum LayoffOrderField {
  ANNOUNCED = 'ANNOUNCED',
  HEADCOUNT = 'HEADCOUNT',
}
registerDescribedEnum(LayoffOrderField, {
  name: 'LayoffOrderField',
  description: 'What layoff events are ordered by: announcement (earliest possible day), or headcount (its lower bound; unknown counts first).',
  values: {
    ANNOUNCED: 'By the earliest possible day of the announcement.',
    HEADCOUNT: 'By the lower bound of the headcount (unknown counts first).',
  },
});

export const LayoffOrder = OrderBy(LayoffOrderField, 'Layoff', 'layoff events', LayoffOrderField.ANNOUNCED);
export type LayoffOrder = InstanceType<typeof LayoffOrder>;

@ArgsType()
export class LayoffEventsArgs extends PageArgs {
  @Field(() => LayoffFilter, { nullable: true, description: 'Conditions every item must meet; all items when omitted.' })
  filter?: LayoffFilter | null;

  @Field(() => LayoffOrder, { nullable: true, description: 'Default: by announcement, oldest first.' })
  orderBy?: LayoffOrder | null;
}
