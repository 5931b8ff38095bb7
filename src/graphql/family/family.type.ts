import { Claim } from '../claim/claim.type';
import { Field, Int, ObjectType } from 'type-graphql';
import type { Row } from '../../graph/graph-client';
import { Acquisition } from '../acquisition/acquisition.type';
import { DateScalar } from '../common/date.scalar';
import { Certainty, OwnershipKind } from '../common/enums';
import { certainlyInForce } from '../common/in-force';
import { FuzzyDate } from '../common/fuzzy-date.type';
import { Organization } from '../organization/organization.type';
import { Citation } from '../source/source.type';

@ObjectType({ description: 'Why a registry reports no parent of an organization (a GLEIF reporting exception): absence of a parent link is not independence.' })
export class ParentNotReported {
  @Field(() => String, { description: 'DIRECT (its direct parent) or ULTIMATE (its ultimate parent).' })
  level!: 'DIRECT' | 'ULTIMATE';

  @Field(() => String, {
    description: 'The reason as the registry gives it: NATURAL_PERSONS, NON_CONSOLIDATING, NO_KNOWN_PERSON, NON_PUBLIC, NO_LEI, ...',
  })
  reason!: string;

  @Field(() => Claim, { description: 'The statement itself, with its source (the data set and the row).' })
  claim!: Claim;

  static fromRow(row: Row): ParentNotReported {
    const claim = Claim.fromRow(row.node as Row);
    return Object.assign(new ParentNotReported(), {
      level: claim.property === 'directParentNotReported' ? 'DIRECT' : 'ULTIMATE',
      reason: claim.text ?? '',
      claim,
    });
  }
}

@ObjectType({
  description:
    'One link of a corporate family: a child organization owned by (SUBSIDIARY) or part of (DIVISION) its parent, for a period, ' +
    'created by an acquisition where there was one, with the sources that state it.',
})
export class OwnershipLink {
  @Field(() => String, { description: 'Id of the link (stable, like every id).' })
  id!: string;

  @Field(() => OwnershipKind, { description: 'SUBSIDIARY (owned) or DIVISION (part of).' })
  kind!: keyof typeof OwnershipKind;

  @Field(() => Int, { description: 'How many links separate the parent from the organization asked about (1 for the direct parent or a direct child).' })
  depth!: number;

  @Field(() => FuzzyDate, { nullable: true, description: 'Since when the link holds; null when unknown (then taken as open).' })
  since!: FuzzyDate | null;

  @Field(() => FuzzyDate, { nullable: true, description: 'Until when it held; null while it holds.' })
  until!: FuzzyDate | null;

  @Field(() => Certainty, { description: 'Whether the link was certainly in force on the day asked about, or only possibly (its dates are fuzzy).' })
  inForce!: keyof typeof Certainty;

  @Field(() => Organization, { description: 'The owned organization or the division.' })
  child!: Organization;

  @Field(() => Organization, { description: 'The owner, or the company the division belongs to.' })
  parent!: Organization;

  @Field(() => Acquisition, { nullable: true, description: 'The acquisition that created the link, where there was one (its date, price and sources).' })
  acquisition!: Acquisition | null;

  @Field(() => [Citation], { description: 'The sources that state the link.' })
  sources!: Citation[];

  /** Reads one link of ancestors.cypher or descendants.cypher; asOf decides inForce. */
  static fromRow(row: Row, asOf: string): OwnershipLink {
    const link = row.link as Row;
    const since = FuzzyDate.fromProps(link, 'since');
    const until = FuzzyDate.fromProps(link, 'until');
    const certain = certainlyInForce(since, until, (link.attestedLatest as string | null) ?? null, asOf);
    return Object.assign(new OwnershipLink(), {
      id: link.id as string,
      kind: link.kind as OwnershipLink['kind'],
      depth: row.depth as number,
      since,
      until,
      inForce: certain ? 'CERTAIN' : 'POSSIBLE',
      child: Organization.fromRow(row.child as Row),
      parent: Organization.fromRow(row.parent as Row),
      acquisition: row.acquisition ? Acquisition.fromRow(row.acquisition as Row) : null,
      sources: ((row.citations as Row[]) ?? []).map(Citation.fromRow),
    });
  }
}

@ObjectType({ description: 'The chain of owners above an organization on a day, from its direct parent to its ultimate parent.' })
export class OwnershipChain {
  @Field(() => DateScalar, { description: 'The day the chain is for.' })
  asOf!: string;

  @Field(() => Certainty, { description: 'Whether only links certainly in force were followed, or also those possibly in force.' })
  match!: keyof typeof Certainty;

  @Field(() => Organization, { description: 'The organization asked about.' })
  organization!: Organization;

  @Field(() => [OwnershipLink], { description: 'The links in order: the direct parent first, the ultimate parent last. Empty when it has no parent.' })
  links!: OwnershipLink[];

  @Field(() => Organization, { nullable: true, description: 'The direct parent; null when it has none on that day.' })
  parent!: Organization | null;

  @Field(() => Organization, {
    description: 'The top of the chain. An organization with no parent is its own ultimate parent (isUltimateParent tells).',
  })
  ultimateParent!: Organization;

  @Field(() => Boolean, { description: 'True when the organization has no parent on that day: it heads its family.' })
  isUltimateParent!: boolean;

  @Field(() => Boolean, { description: 'True when bad data makes the chain loop back on itself; the chain stops before repeating an organization.' })
  cycleDetected!: boolean;

  @Field(() => Boolean, { description: 'True when the chain goes on beyond maxDepth.' })
  truncated!: boolean;

  @Field(() => Boolean, {
    description:
      'True when more routes lead up than a request may walk (several parents at many levels multiply them): the chain is the longest of the routes ' +
      'walked, maybe not the longest there is.',
  })
  routesCapped!: boolean;
}

@ObjectType({ description: 'An organization below another in its corporate family, with its depth and the link to its own parent.' })
export class FamilyMember {
  @Field(() => Int, { description: 'Links below the organization asked about (1 for a direct subsidiary or division).' })
  depth!: number;

  @Field(() => Organization, { description: 'The member.' })
  organization!: Organization;

  @Field(() => Organization, { description: 'Its direct parent.' })
  parent!: Organization;

  @Field(() => OwnershipLink, { description: 'The link to its direct parent.' })
  link!: OwnershipLink;

  @Field(() => Boolean, { description: 'True when bad data links this member back to one of its own ancestors.' })
  cycleDetected!: boolean;
}

@ObjectType({ description: 'A member of a corporate family as a tree: itself, its link, and its own children.' })
export class FamilyTreeNode {
  @Field(() => Organization, { description: 'The member.' })
  organization!: Organization;

  @Field(() => OwnershipLink, { description: 'The link to its parent.' })
  link!: OwnershipLink;

  @Field(() => Int, { description: 'Links below the organization asked about.' })
  depth!: number;

  @Field(() => [FamilyTreeNode], { description: 'Its subsidiaries and divisions (within the requested depth).' })
  children!: FamilyTreeNode[];
}

@ObjectType({ description: 'The subsidiaries and divisions below an organization on a day, as a flat list (for tables) and as a tree.' })
export class CorporateFamily {
  @Field(() => DateScalar, { description: 'The day the family is for.' })
  asOf!: string;

  @Field(() => Int, { description: 'How many links down the family was followed.' })
  depth!: number;

  @Field(() => Int, { description: 'Number of members returned.' })
  count!: number;

  @Field(() => [FamilyMember], { description: 'Every member once, nearest first (depth, then parent and name).' })
  members!: FamilyMember[];

  @Field(() => [FamilyTreeNode], { description: 'The direct children, each with its own children, down to the requested depth.' })
  tree!: FamilyTreeNode[];

  @Field(() => Boolean, { description: 'True when more members exist than limit allowed.' })
  truncated!: boolean;

  @Field(() => Boolean, { description: 'True when bad data loops back somewhere in the family (the traversal stops there).' })
  cycleDetected!: boolean;
}

@ObjectType({ description: 'Jobs cut by a group of layoff events, as an interval: the sum of lower bounds and of upper bounds.' })
export class RollupGroup {
  @Field(() => String, { description: 'Group key: a year ("2024", or "2022-2023" when an announcement spans years), an organization id or a market id.' })
  key!: string;

  @Field(() => String, { description: 'Readable name of the group.' })
  label!: string;

  @Field(() => Int, { description: 'Number of layoff events in the group.' })
  events!: number;

  @Field(() => Int, { description: 'At least this many jobs: the sum of the lower bounds (an unknown count adds 0).' })
  low!: number;

  @Field(() => Int, { nullable: true, description: 'At most this many jobs; null when any event has no upper bound (the total is open).' })
  high!: number | null;

  @Field(() => Int, { description: 'Events whose number of jobs no source gives.' })
  unknownCount!: number;

  @Field(() => [String], { description: 'Ids of the layoff events in the group.' })
  eventIds!: string[];
}

@ObjectType({
  description:
    'Layoffs of a company and of everything it owned at the time of each layoff, grouped. ' +
    '"More than 27,000" + "hundreds" + "number not given" is low 27,201, high null (open), unknownCount 1: never a made-up total.',
})
export class LayoffRollup {
  @Field(() => String, { description: 'How the events are grouped: YEAR, ORGANIZATION or MARKET.' })
  groupBy!: string;

  @Field(() => [RollupGroup], { description: 'One entry per group. An event naming two organizations (or markets) counts in both.' })
  groups!: RollupGroup[];

  @Field(() => RollupGroup, { description: 'All events, each counted once.' })
  total!: RollupGroup;

  @Field(() => RollupGroup, {
    description:
      'What the total leaves out, beside it: with match CERTAIN, the events of members only possibly in the family when the event was announced ' +
      '(a link whose dates are fuzzy or which starts or ends around then), each counted once; ask with match POSSIBLE to count them. ' +
      'No events (0) with match POSSIBLE.',
  })
  leftOut!: RollupGroup;
}
