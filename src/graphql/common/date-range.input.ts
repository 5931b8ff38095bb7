import { Field, InputType } from 'type-graphql';
import { BadUserInputError } from '../../errors/errors';
import { toNeo4jDate } from '../../graph/values';
import { DateScalar } from './date.scalar';
import { Certainty } from './enums';

@InputType({ description: 'A window of days (either end may be open), and whether fuzzy dates must lie in it certainly or possibly.' })
export class DateRange {
  @Field(() => DateScalar, { nullable: true, description: 'First day of the window (inclusive).' })
  from?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Last day of the window (inclusive).' })
  to?: string | null;

  @Field(() => Certainty, { defaultValue: 'CERTAIN', description: 'CERTAIN (default): the whole fuzzy date lies in the window. POSSIBLE: it may.' })
  match: keyof typeof Certainty = 'CERTAIN';
}

/** Query parameters for a window, checked first: from after to is the caller's mistake, not an empty answer. */
export function dateRangeParams(range: DateRange | null | undefined, argument: string) {
  if (range?.from && range?.to && range.from > range.to) {
    throw new BadUserInputError(`${argument}: from (${range.from}) is after to (${range.to})`, argument);
  }
  return { from: toNeo4jDate(range?.from), to: toNeo4jDate(range?.to), certain: (range?.match ?? 'CERTAIN') === 'CERTAIN' };
}
