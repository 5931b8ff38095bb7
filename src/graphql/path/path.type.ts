import { Field, Int, ObjectType } from 'type-graphql';
import { Node } from '../common/node.interface';
import { Citation } from '../source/source.type';
import { registerDescribedEnum } from '../common/described-enum';

/** Relationship types a path may follow: the structure of the graph, plus citations and claims on request. */
export enum RelationshipType {
  HELD_BY = 'HELD_BY',
  AT = 'AT',
  SUBSIDIARY_OF = 'SUBSIDIARY_OF',
  DIVISION_OF = 'DIVISION_OF',
  ACQUIRER = 'ACQUIRER',
  TARGET = 'TARGET',
  AT_ORGANIZATION = 'AT_ORGANIZATION',
  ANNOUNCED_BY = 'ANNOUNCED_BY',
  AFFECTS_MARKET = 'AFFECTS_MARKET',
  BY_ORGANIZATION = 'BY_ORGANIZATION',
  IN_MARKET = 'IN_MARKET',
  WITHIN = 'WITHIN',
  HEADQUARTERED_IN = 'HEADQUARTERED_IN',
  FOR_MARKET = 'FOR_MARKET',
  CITES = 'CITES',
  ABOUT = 'ABOUT',
}
registerDescribedEnum(RelationshipType, {
  name: 'RelationshipType',
  description:
    'Relationship types of the graph: HELD_BY/AT link a role to its person and organization; SUBSIDIARY_OF/DIVISION_OF link a child to its parent; ' +
    'ACQUIRER/TARGET link an acquisition to its parties; AT_ORGANIZATION/ANNOUNCED_BY/AFFECTS_MARKET link a layoff event; BY_ORGANIZATION/IN_MARKET link a market presence; ' +
    'WITHIN nests markets; HEADQUARTERED_IN, FOR_MARKET; CITES links a fact to its sources and ABOUT a claim to its fact.',
  values: {
    ABOUT: 'A claim to the fact it is about.',
    ACQUIRER: 'An acquisition to the organization that made it.',
    AFFECTS_MARKET: 'A layoff event to a market it affects.',
    ANNOUNCED_BY: 'A layoff event to the person who announced it.',
    AT: 'A role to the organization it is held at.',
    AT_ORGANIZATION: 'A layoff event to an organization that cut jobs.',
    BY_ORGANIZATION: 'A market presence to its organization.',
    CITES: 'A fact to a source that states it.',
    DIVISION_OF: 'A division to the organization it is part of.',
    FOR_MARKET: 'A market figure to a market it is about.',
    HEADQUARTERED_IN: 'An organization to the city of its headquarters.',
    HELD_BY: 'A role to the person who holds it.',
    IN_MARKET: 'A market presence to its market.',
    SUBSIDIARY_OF: 'A subsidiary to the company that owns it.',
    TARGET: 'An acquisition to the organization acquired.',
    WITHIN: 'A market to the larger market it lies within.',
  },
});

export const DEFAULT_PATH_TYPES = Object.values(RelationshipType).filter((t) => t !== RelationshipType.CITES && t !== RelationshipType.ABOUT);

/** What a path may pass through. */
export enum PathScope {
  PEOPLE_AND_ORGANIZATIONS = 'PEOPLE_AND_ORGANIZATIONS',
  ALL_ENTITIES = 'ALL_ENTITIES',
}
registerDescribedEnum(PathScope, {
  name: 'PathScope',
  description: 'What a path between two entities may pass through.',
  values: {
    ALL_ENTITIES: 'Through any entity and relationship type (relationshipTypes narrows them): roles, events, acquisitions and markets are steps of their own.',
    PEOPLE_AND_ORGANIZATIONS:
      'Through people and organizations only, over roles and parent links; a role is one step (HELD_BY) from a person to an organization, with its sources.',
  },
});

/** The relationships a people-and-organizations path follows: roles (a person to an organization) and parent links. */
export const PEOPLE_AND_ORGANIZATIONS_TYPES = [RelationshipType.HELD_BY, RelationshipType.AT, RelationshipType.SUBSIDIARY_OF, RelationshipType.DIVISION_OF];

export enum StepDirection {
  FORWARD = 'FORWARD',
  BACKWARD = 'BACKWARD',
}
registerDescribedEnum(StepDirection, {
  name: 'StepDirection',
  description: "FORWARD: the relationship points from the step's from entity to its to entity (Twitch SUBSIDIARY_OF Amazon); BACKWARD: the other way.",
  values: {
    BACKWARD: 'The step goes against the relationship’s direction (to its start).',
    FORWARD: 'The step goes along the relationship’s direction (to its end).',
  },
});

@ObjectType({ description: 'One step of a path: an entity, a relationship and the next entity.' })
export class PathStep {
  @Field(() => Node, { description: 'Where the step starts.' })
  from!: Node;

  @Field(() => RelationshipType, { description: 'The relationship followed.' })
  relationship!: RelationshipType;

  @Field(() => StepDirection, { description: 'Whether the relationship points along the path or against it.' })
  direction!: StepDirection;

  @Field(() => Node, { description: 'Where the step ends.' })
  to!: Node;

  @Field(() => Node, {
    nullable: true,
    description: 'The fact the step stands for when it passes through one (a Role, between a person and an organization); null for a direct relationship.',
  })
  via!: Node | null;

  @Field(() => [Citation], { description: 'The sources that state this step: the role’s, or the parent link’s; empty for other relationships.' })
  sources!: Citation[];
}

@ObjectType({ description: 'One connection between two entities, as an ordered list of steps.' })
export class EntityPath {
  @Field(() => Int, { description: 'Number of relationships.' })
  length!: number;

  @Field(() => [Node], { description: 'The entities along the path, from the first to the last.' })
  nodes!: Node[];

  @Field(() => [PathStep], { description: 'The steps in order.' })
  steps!: PathStep[];
}

@ObjectType({ description: 'The shortest connections between two entities within a hop limit. Finding none is an answer (found: false), not an error.' })
export class PathResult {
  @Field(() => Boolean, { description: 'True when a path within maxHops exists.' })
  found!: boolean;

  @Field(() => Int, { nullable: true, description: 'Length of the shortest paths; null when none was found.' })
  length!: number | null;

  @Field(() => Int, { description: 'The hop limit the search used.' })
  maxHops!: number;

  @Field(() => [EntityPath], { description: 'Every shortest path (ties included, up to limit), in a stable order.' })
  paths!: EntityPath[];
}
