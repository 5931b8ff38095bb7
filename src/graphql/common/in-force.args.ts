import { ArgsType, Field } from 'type-graphql';
import { DateScalar } from './date.scalar';
import { Certainty } from './enums';

/** A dated relation's filter: only what was in force on a day, certainly (default) or possibly. */
@ArgsType()
export class InForceArgs {
  @Field(() => DateScalar, { nullable: true, description: 'Only those in force on this day (all when omitted).' })
  asOf?: string | null;

  @Field(() => Certainty, {
    defaultValue: 'CERTAIN',
    description:
      'With asOf: CERTAIN (default) needs a start known to be on or before the day (stated, or dated by a citing source); POSSIBLE also takes those whose dates allow it.',
  })
  match!: keyof typeof Certainty;
}

/** The query parameters of an as-of filter ($asOf null: no filter). */
export function inForceParams(args: InForceArgs | undefined): { asOf: string | null; certain: boolean } {
  return { asOf: args?.asOf ?? null, certain: (args?.match ?? 'CERTAIN') === 'CERTAIN' };
}
