import { GraphQLInputObjectType } from 'graphql';
import { getSchema } from '../../../src/graphql/schema';
import { EDGE_FIELD, OWNED_EDGE_TYPES, RECORD_SPECS, RECORD_TYPES, recordFieldNames } from '../../../src/ingest/record-types';

describe('the record types, described once', () => {
  it.each(RECORD_TYPES)('%s: the write API takes exactly the fields of the import format', (type) => {
    const input = getSchema().getType(`${type}Input`) as GraphQLInputObjectType;
    const expected = ['id', ...(RECORD_SPECS[type].cited ? ['sources'] : []), ...recordFieldNames(type)];
    expect(Object.keys(input.getFields()).sort()).toEqual(expected.sort());
  });

  it('derives the relationships each record owns and the field each comes from', () => {
    expect(OWNED_EDGE_TYPES.Role).toEqual(['HELD_BY', 'AT']);
    expect(OWNED_EDGE_TYPES.LayoffEvent).toEqual(['AT_ORGANIZATION', 'ANNOUNCED_BY', 'AFFECTS_MARKET']);
    expect(OWNED_EDGE_TYPES.Ownership).toEqual([]);
    expect(EDGE_FIELD.AT_ORGANIZATION).toEqual({ field: 'organizations', many: true });
    expect(EDGE_FIELD.HEADQUARTERED_IN).toEqual({ field: 'headquarters', many: false });
  });
});
