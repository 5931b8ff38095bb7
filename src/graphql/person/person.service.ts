import { ConnectionResult, ordering, paginate } from '../common/connection';
import type { Context } from '../context';
import { LayoffEvent } from '../layoff/layoff.type';
import { PeopleArgs } from './person.args';
import { Person, Role } from './person.type';

export function listPeople(ctx: Context, args: PeopleArgs): Promise<ConnectionResult<Person>> {
  const f = args.filter ?? {};
  return paginate(
    ctx.graph,
    'person/list',
    {
      nameContains: f.nameContains?.trim() ? f.nameContains.trim().toLowerCase() : null,
      organization: f.organization ?? null,
      roleType: f.roleType ?? null,
    },
    args,
    ordering('NAME', args.direction, 'string'),
    Person.fromRow,
  );
}

export function rolesOf(ctx: Context, person: Person): Promise<Role[]> {
  return ctx.loaders.many('person/roles', person.id, (row) => Role.fromRow(row.node as Record<string, unknown>));
}

export function layoffsAnnouncedBy(ctx: Context, person: Person): Promise<LayoffEvent[]> {
  return ctx.loaders.many('person/layoffs-announced', person.id, (row) => LayoffEvent.fromRow(row.node as Record<string, unknown>));
}
