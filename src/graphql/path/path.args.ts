import { ArgsType, Field, ID, Int } from 'type-graphql';
import { RelationshipType } from './path.type';

@ArgsType()
export class PathArgs {
  @Field(() => ID, { description: 'Id of the entity the path starts from.' })
  from!: string;

  @Field(() => ID, { description: 'Id of the entity the path leads to.' })
  to!: string;

  @Field(() => Int, { nullable: true, description: 'Most relationships a path may have; default and maximum: the configured PATH_MAX_HOPS.' })
  maxHops?: number | null;

  @Field(() => [RelationshipType], {
    nullable: true,
    description: 'Follow only these relationship types; default all but CITES and ABOUT (every fact shares sources, which would make every path trivial).',
  })
  relationshipTypes?: RelationshipType[] | null;

  @Field(() => Int, { defaultValue: 10, description: 'At most this many paths of the shortest length, 1 to 50.' })
  limit: number = 10;
}
