import { ArgsType, Field, ID, InputType, registerEnumType } from 'type-graphql';
import { PageArgs } from '../common/connection';
import { DateRange } from '../common/date-range.input';
import { AcquisitionStatus, SortDirection } from '../common/enums';

@InputType({ description: 'Narrows a list of acquisitions; all given conditions must hold.' })
export class AcquisitionFilter {
  @Field(() => ID, { nullable: true })
  acquirer?: string | null;

  @Field(() => ID, { nullable: true })
  target?: string | null;

  @Field(() => AcquisitionStatus, { nullable: true })
  status?: keyof typeof AcquisitionStatus | null;

  @Field(() => DateRange, { nullable: true, description: 'Completed within this window.' })
  completed?: DateRange | null;
}

export enum AcquisitionOrderField {
  COMPLETED = 'COMPLETED',
  ANNOUNCED = 'ANNOUNCED',
  PRICE = 'PRICE',
}
registerEnumType(AcquisitionOrderField, {
  name: 'AcquisitionOrderField',
  description: 'What acquisitions are ordered by: completion or announcement (earliest possible day), or price.',
});

@InputType({ description: 'Order of a list of acquisitions.' })
export class AcquisitionOrder {
  @Field(() => AcquisitionOrderField, { defaultValue: AcquisitionOrderField.COMPLETED })
  field: AcquisitionOrderField = AcquisitionOrderField.COMPLETED;

  @Field(() => SortDirection, { defaultValue: 'ASC' })
  direction: keyof typeof SortDirection = 'ASC';
}

@ArgsType()
export class AcquisitionsArgs extends PageArgs {
  @Field(() => AcquisitionFilter, { nullable: true })
  filter?: AcquisitionFilter | null;

  @Field(() => AcquisitionOrder, { nullable: true, description: 'Default: by completion, oldest first.' })
  orderBy?: AcquisitionOrder | null;
}
