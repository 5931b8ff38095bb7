import { GraphQLObjectType, GraphQLSchema } from 'graphql';
import type { Organization } from '../organization/organization.type';

/**
 * Relations a parent object may already carry, read inline by the query that made it (a family's
 * members carry their layoff events). They are answered straight from the object, synchronously,
 * before the field's resolver (with its per-call argument handling and promise) is involved: on a
 * family of thousands of members that is most of the work of the answer.
 */
const INLINE_RELATIONS: Array<{ type: string; field: string; take(parent: unknown, args: Record<string, unknown>): unknown }> = [
  {
    type: 'Organization',
    field: 'layoffEvents',
    take: (org, args) => (args.includeSubsidiaries ? undefined : (org as Organization).inlineLayoffs),
  },
];

export function serveInlineRelations(schema: GraphQLSchema): void {
  for (const { type, field, take } of INLINE_RELATIONS) {
    const definition = (schema.getType(type) as GraphQLObjectType).getFields()[field];
    const resolve = definition.resolve!;
    definition.resolve = (parent, args: Record<string, unknown>, context, info) => take(parent, args) ?? resolve(parent, args, context, info);
  }
}
