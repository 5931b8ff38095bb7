import { ArgsType, Field, ID, Int } from 'type-graphql';
import { PathScope, RelationshipType } from './path.type';

@ArgsType()
export class PathArgs {
  @Field(() => ID, { description: 'Id of the entity the path starts from.' })
  from!: string;

  @Field(() => ID, { description: 'Id of the entity the path leads to.' })
  to!: string;

  @Field(() => Int, { nullable: true, description: 'Most relationships a path may have; default and maximum: the configured PATH_MAX_HOPS.' })
  maxHops?: number | null;

  @Field(() => PathScope, {
    nullable: true,
    description: 'What the path may pass through: PEOPLE_AND_ORGANIZATIONS (the default, unless relationshipTypes is given) or ALL_ENTITIES.',
  })
  between?: PathScope | null;

  @Field(() => [RelationshipType], {
    nullable: true,
    description:
      'With ALL_ENTITIES (implied when given): follow only these relationship types; default all but CITES and ABOUT (every fact shares sources, which would make every path trivial).',
  })
  relationshipTypes?: RelationshipType[] | null;

  @Field(() => Int, { defaultValue: 10, description: 'At most this many paths of the shortest length, 1 to 50.' })
  limit: number = 10;
}
