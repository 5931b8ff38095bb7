import { Field, InputType } from 'type-graphql';
import { SortDirection } from './enums';

/**
 * The ordering input of a list, as Connection() makes its connection type: `<Name>Order { field
 * direction }`, with the list's own enum of fields and its default field. The enum is registered by
 * its module; only the input type is made here.
 */
export function OrderBy<F extends string>(fields: Record<string, F>, name: string, what: string, defaultField: F) {
  @InputType(`${name}Order`, { description: `Order of a list of ${what}.` })
  class Order {
    @Field(() => fields, { defaultValue: defaultField, description: 'What to order by.' })
    field: F = defaultField;

    @Field(() => SortDirection, { defaultValue: 'ASC', description: 'Ascending (default) or descending.' })
    direction: keyof typeof SortDirection = 'ASC';
  }
  return Order;
}
