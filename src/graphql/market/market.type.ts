import { Field, ObjectType } from 'type-graphql';
import type { Row } from '../../graph/graph-client';
import { MarketKind, MetricBasis, PresenceStatus } from '../common/enums';
import { FuzzyDate } from '../common/fuzzy-date.type';
import { Node, Typed } from '../common/node.interface';
import { Quantity } from '../common/quantity.type';

@ObjectType({ implements: Node, description: 'A geographic market (region, country, city; nested) or an industry segment.' })
export class Market extends Node implements Typed {
  readonly __typename = 'Market';

  @Field(() => String, { description: 'Its usual English name.' })
  name!: string;

  @Field(() => [String], { description: 'Other names and abbreviations (US, APAC).' })
  aliases!: string[];

  @Field(() => MarketKind, { description: 'Region, country, city or industry segment.' })
  kind!: keyof typeof MarketKind;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 code for countries.' })
  isoCode!: string | null;

  @Field(() => String, { nullable: true, description: 'What the market covers, where the name does not say.' })
  description!: string | null;

  static fromRow(p: Row): Market {
    return Object.assign(new Market(), {
      id: p.id as string,
      name: p.name as string,
      aliases: (p.aliases as string[]) ?? [],
      kind: p.kind as Market['kind'],
      isoCode: (p.isoCode as string) ?? null,
      description: (p.description as string) ?? null,
    });
  }
}

@ObjectType({
  implements: Node,
  description: "An organization's presence in a market over time: when it entered, when it announced leaving and left, and why.",
})
export class MarketPresence extends Node implements Typed {
  readonly __typename = 'MarketPresence';

  @Field(() => PresenceStatus, { description: 'Entering, active, exiting (announced) or exited.' })
  status!: keyof typeof PresenceStatus;

  @Field(() => FuzzyDate, { nullable: true, description: 'When it entered the market.' })
  since!: FuzzyDate | null;

  @Field(() => FuzzyDate, { nullable: true, description: 'When it left the market.' })
  until!: FuzzyDate | null;

  @Field(() => FuzzyDate, { nullable: true, description: 'When it announced it would leave.' })
  exitAnnounced!: FuzzyDate | null;

  @Field(() => String, { nullable: true, description: 'Why it entered, as the sources say.' })
  entryReason!: string | null;

  @Field(() => String, { nullable: true, description: 'Why it left or is leaving, as the sources say.' })
  exitReason!: string | null;

  organizationId!: string;
  marketId!: string;

  static fromRow(p: Row): MarketPresence {
    return Object.assign(new MarketPresence(), {
      id: p.id as string,
      status: p.status as MarketPresence['status'],
      since: FuzzyDate.fromProps(p, 'since'),
      until: FuzzyDate.fromProps(p, 'until'),
      exitAnnounced: FuzzyDate.fromProps(p, 'exitAnnounced'),
      entryReason: (p.entryReason as string) ?? null,
      exitReason: (p.exitReason as string) ?? null,
      organizationId: p.organizationId as string,
      marketId: p.marketId as string,
    });
  }
}

@ObjectType({ implements: Node, description: 'A figure about a market for a period, measured or forecast (e.g. scripted shows released in the US).' })
export class MarketMetric extends Node implements Typed {
  readonly __typename = 'MarketMetric';

  @Field(() => String, { description: 'What is measured.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Unit of the value, e.g. shows.' })
  unit!: string | null;

  @Field(() => MetricBasis, { description: 'Measured (ACTUAL) or predicted (FORECAST).' })
  basis!: keyof typeof MetricBasis;

  @Field(() => FuzzyDate, { description: 'The period the figure is for.' })
  period!: FuzzyDate;

  @Field(() => Quantity, { nullable: true, description: 'The figure, as stated.' })
  value!: Quantity | null;

  @Field(() => String, { nullable: true, description: 'What the source adds, e.g. that the figure was a peak.' })
  note!: string | null;

  static fromRow(p: Row): MarketMetric {
    return Object.assign(new MarketMetric(), {
      id: p.id as string,
      name: p.name as string,
      unit: (p.unit as string) ?? null,
      basis: p.basis as MarketMetric['basis'],
      period: FuzzyDate.fromProps(p, 'period')!,
      value: Quantity.fromProps(p, 'value'),
      note: (p.note as string) ?? null,
    });
  }
}
