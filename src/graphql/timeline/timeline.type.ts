import { Field, ObjectType } from 'type-graphql';
import type { Row } from '../../graph/graph-client';
import { describeQuantity } from '../../ingest/dates-and-quantities';
import { FuzzyDate } from '../common/fuzzy-date.type';
import { Quantity } from '../common/quantity.type';
import { Node } from '../common/node.interface';
import { ENTITY_MAPPERS } from '../node/entities';
import { Organization } from '../organization/organization.type';
import { registerDescribedEnum } from '../common/described-enum';

export enum TimelineEventKind {
  ACQUISITION_ANNOUNCED = 'ACQUISITION_ANNOUNCED',
  ACQUISITION_COMPLETED = 'ACQUISITION_COMPLETED',
  LAYOFF = 'LAYOFF',
  MARKET_ENTRY = 'MARKET_ENTRY',
  MARKET_EXIT_ANNOUNCED = 'MARKET_EXIT_ANNOUNCED',
  MARKET_EXIT = 'MARKET_EXIT',
  LEADERSHIP_START = 'LEADERSHIP_START',
  LEADERSHIP_END = 'LEADERSHIP_END',
}
registerDescribedEnum(TimelineEventKind, {
  name: 'TimelineEventKind',
  description: 'What happened: acquisitions, layoffs, market entries and exits, leadership changes.',
  values: {
    ACQUISITION_ANNOUNCED: 'An acquisition was announced.',
    ACQUISITION_COMPLETED: 'An acquisition closed.',
    LAYOFF: 'Job cuts were announced.',
    LEADERSHIP_END: 'Someone left a leading role.',
    LEADERSHIP_START: 'Someone took a leading role.',
    MARKET_ENTRY: 'An organization entered a market.',
    MARKET_EXIT: 'An organization left a market.',
    MARKET_EXIT_ANNOUNCED: 'An organization announced that it would leave a market.',
  },
});

@ObjectType({ description: 'Something that happened to an organization, on a (fuzzy) date, with the fact it comes from.' })
export class TimelineEvent {
  @Field(() => TimelineEventKind, { description: 'What happened.' })
  kind!: TimelineEventKind;

  @Field(() => FuzzyDate, { description: 'When; timelines are ordered by the earliest, then the latest day of this interval.' })
  date!: FuzzyDate;

  @Field(() => String, { description: 'One line saying what happened, e.g. "Amazon completed the acquisition of MGM".' })
  summary!: string;

  @Field(() => Organization, { description: 'The organization it happened to (the buyer, for acquisitions).' })
  organization!: Organization;

  @Field(() => Node, { description: 'The fact behind the event (Acquisition, LayoffEvent, MarketPresence or Role), with its sources.' })
  subject!: Node;

  static fromRow(e: Row): TimelineEvent {
    return Object.assign(new TimelineEvent(), {
      kind: e.kind as TimelineEventKind,
      date: Object.assign(new FuzzyDate(), {
        earliest: (e.earliest as string) ?? null,
        latest: (e.latest as string) ?? null,
        precision: e.precision as FuzzyDate['precision'],
        text: (e.text as string) ?? null,
      }),
      // A layoff's count is told from its whole quantity, as everywhere (describeQuantity).
      summary: e.kind === 'LAYOFF' ? `${e.summary as string}: ${describeQuantity(Quantity.fromProps(e.subject as Row, 'headcount'))}` : (e.summary as string),
      organization: Organization.fromRow(e.organization as Row),
      subject: ENTITY_MAPPERS[e.subjectLabel as string](e.subject as Row) as unknown as Node,
    });
  }
}
