import { Field, ObjectType } from 'type-graphql';
import type { Row } from '../../graph/graph-client';
import { RoleType } from '../common/enums';
import { FuzzyDate } from '../common/fuzzy-date.type';
import { Node, Typed } from '../common/node.interface';

@ObjectType({ implements: Node, description: 'A person who holds or held roles in organizations.' })
export class Person extends Node implements Typed {
  readonly __typename = 'Person';

  @Field(() => String, { description: 'Full name.' })
  name!: string;

  @Field(() => [String], { description: 'Other names the person is known by.' })
  aliases!: string[];

  @Field(() => String, { nullable: true, description: 'Who the person is, in brief.' })
  description!: string | null;

  static fromRow(p: Row): Person {
    return Object.assign(new Person(), {
      id: p.id as string,
      name: p.name as string,
      aliases: (p.aliases as string[]) ?? [],
      description: (p.description as string) ?? null,
    });
  }
}

@ObjectType({
  implements: Node,
  description: 'A position a person holds in an organization for a period (since/until, either may be unknown; no until means it is not known to have ended).',
})
export class Role extends Node implements Typed {
  readonly __typename = 'Role';

  @Field(() => String, { description: 'The title as the sources give it.' })
  title!: string;

  @Field(() => RoleType, { description: 'The kind of position.' })
  roleType!: keyof typeof RoleType;

  @Field(() => FuzzyDate, { nullable: true, description: 'When the person took the role; null when unknown.' })
  since!: FuzzyDate | null;

  @Field(() => FuzzyDate, { nullable: true, description: 'When the role ended; null when it has not ended or is not known to have.' })
  until!: FuzzyDate | null;

  personId!: string;
  organizationId!: string;

  static fromRow(p: Row): Role {
    return Object.assign(new Role(), {
      id: p.id as string,
      title: p.title as string,
      roleType: p.roleType as Role['roleType'],
      since: FuzzyDate.fromProps(p, 'since'),
      until: FuzzyDate.fromProps(p, 'until'),
      personId: p.personId as string,
      organizationId: p.organizationId as string,
    });
  }
}
