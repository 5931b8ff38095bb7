import { Arg, Args, Ctx, FieldResolver, ID, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Connection, ConnectionResult } from '../common/connection';
import { CitedResolver } from '../common/sources.resolver';
import type { Context } from '../context';
import { LayoffEvent } from '../layoff/layoff.type';
import { entityById } from '../node/entities';
import { Organization } from '../organization/organization.type';
import { PeopleArgs } from './person.args';
import { layoffsAnnouncedBy, listPeople, rolesOf } from './person.service';
import { Person, Role } from './person.type';

@ObjectType({ description: 'A page of people.' })
export class PersonConnection extends Connection(Person, 'Person', 'people') {}

@Resolver(() => Person)
export class PersonResolver extends CitedResolver(Person, 'person') {
  @Query(() => Person, { nullable: true, description: 'One person by id; null when unknown.' })
  person(@Arg('id', () => ID, { description: 'Its id (a lower-case slug such as "twitch").' }) id: string, @Ctx() ctx: Context): Promise<Person | null> {
    return entityById<Person>(ctx, id, 'Person');
  }

  @Query(() => PersonConnection, { description: 'People, filtered, ordered by name, a page at a time.' })
  people(@Args(() => PeopleArgs) args: PeopleArgs, @Ctx() ctx: Context): Promise<ConnectionResult<Person>> {
    return listPeople(ctx, args);
  }

  @FieldResolver(() => [Role], { description: 'Roles the person holds or held, earliest first.' })
  roles(@Root() person: Person, @Ctx() ctx: Context): Promise<Role[]> {
    return rolesOf(ctx, person);
  }

  @FieldResolver(() => [LayoffEvent], { description: 'Layoff events the person announced.' })
  layoffsAnnounced(@Root() person: Person, @Ctx() ctx: Context): Promise<LayoffEvent[]> {
    return layoffsAnnouncedBy(ctx, person);
  }
}

@Resolver(() => Role)
export class RoleResolver extends CitedResolver(Role, 'role') {
  @FieldResolver(() => Person, { description: 'Who holds the role.' })
  async person(@Root() role: Role, @Ctx() ctx: Context): Promise<Person> {
    return (await entityById<Person>(ctx, role.personId, 'Person'))!;
  }

  @FieldResolver(() => Organization, { description: 'Where the role is held.' })
  async organization(@Root() role: Role, @Ctx() ctx: Context): Promise<Organization> {
    return (await entityById<Organization>(ctx, role.organizationId, 'Organization'))!;
  }
}
