import { ArgsType, Field, InputType } from 'type-graphql';
import { PageArgs } from '../common/connection';
import { OrderBy } from '../common/order-by';
import { DateRange } from '../common/date-range.input';
import { SourceKind } from '../common/enums';
import { registerDescribedEnum } from '../common/described-enum';

@InputType({ description: 'Narrows a list of sources; all given conditions must hold.' })
export class SourceFilter {
  @Field(() => SourceKind, { nullable: true, description: 'Only this kind of document.' })
  kind?: keyof typeof SourceKind | null;

  @Field(() => String, { nullable: true, description: 'Published by this publisher (exact name, e.g. "Bloomberg News").' })
  publisher?: string | null;

  @Field(() => DateRange, { nullable: true, description: 'Possibly published within this window.' })
  published?: DateRange | null;
}

export enum SourceOrderField {
  PUBLISHED = 'PUBLISHED',
  TITLE = 'TITLE',
}
registerDescribedEnum(SourceOrderField, {
  name: 'SourceOrderField',
  description: 'What sources are ordered by.',
  values: {
    PUBLISHED: 'By the earliest possible day of publication.',
    TITLE: 'By title.',
  },
});

export const SourceOrder = OrderBy(SourceOrderField, 'Source', 'sources', SourceOrderField.PUBLISHED);
export type SourceOrder = InstanceType<typeof SourceOrder>;

@ArgsType()
export class SourcesArgs extends PageArgs {
  @Field(() => SourceFilter, { nullable: true, description: 'Conditions every item must meet; all items when omitted.' })
  filter?: SourceFilter | null;

  @Field(() => SourceOrder, { nullable: true, description: 'Default: by publication, oldest first.' })
  orderBy?: SourceOrder | null;
}
