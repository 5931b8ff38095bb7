import { ArgsType, Field, InputType, registerEnumType } from 'type-graphql';
import { PageArgs } from '../common/connection';
import { DateRange } from '../common/date-range.input';
import { SortDirection, SourceKind } from '../common/enums';

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
registerEnumType(SourceOrderField, { name: 'SourceOrderField', description: 'What sources are ordered by.' });

@InputType({ description: 'Order of a list of sources.' })
export class SourceOrder {
  @Field(() => SourceOrderField, { defaultValue: SourceOrderField.PUBLISHED, description: 'What to order by.' })
  field: SourceOrderField = SourceOrderField.PUBLISHED;

  @Field(() => SortDirection, { defaultValue: 'ASC', description: 'Ascending (default) or descending.' })
  direction: keyof typeof SortDirection = 'ASC';
}

@ArgsType()
export class SourcesArgs extends PageArgs {
  @Field(() => SourceFilter, { nullable: true })
  filter?: SourceFilter | null;

  @Field(() => SourceOrder, { nullable: true, description: 'Default: by publication, oldest first.' })
  orderBy?: SourceOrder | null;
}
