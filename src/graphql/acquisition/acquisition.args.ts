import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { PageArgs } from '../common/connection';
import { OrderBy } from '../common/order-by';
import { DateRange } from '../common/date-range.input';
import { AcquisitionStatus } from '../common/enums';
import { registerDescribedEnum } from '../common/described-enum';

@InputType({ description: 'Narrows a list of acquisitions; all given conditions must hold.' })
export class AcquisitionFilter {
  @Field(() => ID, { nullable: true, description: 'Bought by this organization.' })
  acquirer?: string | null;

  @Field(() => ID, { nullable: true, description: 'Of this organization.' })
  target?: string | null;

  @Field(() => AcquisitionStatus, { nullable: true, description: 'Only announced, completed or terminated deals.' })
  status?: keyof typeof AcquisitionStatus | null;

  @Field(() => DateRange, { nullable: true, description: 'Completed within this window.' })
  completed?: DateRange | null;
}

export enum AcquisitionOrderField {
  COMPLETED = 'COMPLETED',
  ANNOUNCED = 'ANNOUNCED',
  PRICE = 'PRICE',
}
registerDescribedEnum(AcquisitionOrderField, {
  name: 'AcquisitionOrderField',
  description: 'What acquisitions are ordered by: completion or announcement (earliest possible day), or price.',
  values: {
    ANNOUNCED: 'By the earliest possible day the deal was announced.',
    COMPLETED: 'By the earliest possible day the deal closed.',
    PRICE: 'By price (the lower bound of the amount).',
  },
});

export const AcquisitionOrder = OrderBy(AcquisitionOrderField, 'Acquisition', 'acquisitions', AcquisitionOrderField.COMPLETED);
export type AcquisitionOrder = InstanceType<typeof AcquisitionOrder>;

@ArgsType()
export class AcquisitionsArgs extends PageArgs {
  @Field(() => AcquisitionFilter, { nullable: true, description: 'Conditions every item must meet; all items when omitted.' })
  filter?: AcquisitionFilter | null;

  @Field(() => AcquisitionOrder, { nullable: true, description: 'Default: by completion, oldest first.' })
  orderBy?: AcquisitionOrder | null;
}
