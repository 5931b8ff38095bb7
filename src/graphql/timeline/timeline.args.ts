import { ArgsType, Field, Int } from 'type-graphql';
import { DateRange } from '../common/date-range.input';
import { TimelineEventKind } from './timeline.type';

@ArgsType()
export class TimelineArgs {
  @Field(() => Boolean, { defaultValue: false, description: 'Also what happened to every organization that was ever below it (subsidiaries and divisions).' })
  includeFamily: boolean = false;

  @Field(() => [TimelineEventKind], { nullable: true, description: 'Only these kinds; default all.' })
  kinds?: TimelineEventKind[] | null;

  @Field(() => DateRange, { nullable: true, description: 'Only events dated within this window.' })
  between?: DateRange | null;

  @Field(() => Int, { defaultValue: 200, description: 'At most this many events, 1 to 1000, earliest first.' })
  limit: number = 200;
}
