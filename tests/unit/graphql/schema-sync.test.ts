import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { PROJECT_ROOT } from '../../../src/config';
import fs from 'node:fs';
import { GraphQLObjectType, isInputObjectType, isInterfaceType, isObjectType, isScalarType } from 'graphql';
import { printedSchema, SCHEMA_FILE } from '../../../src/graphql/emit-schema';
import { getSchema } from '../../../src/graphql/schema';

describe('schema/schema.graphql', () => {
  it('is the SDL the type-graphql classes emit (run `npm run schema` after changing them)', () => {
    expect(fs.readFileSync(SCHEMA_FILE, 'utf8')).toBe(printedSchema());
  });

  it('documents every type and field analysts read in Sandbox', () => {
    const undocumented: string[] = [];
    for (const type of Object.values(getSchema().getTypeMap())) {
      if (type.name.startsWith('__') || isScalarType(type)) continue;
      if (!type.description) undocumented.push(type.name);
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) undocumented.push(`${type.name}.${field.name}`);
        }
      }
    }
    expect(undocumented).toEqual([]);
  });
});

describe('schema/schema.graphql as documentation', () => {
  it('passes graphql-schema-linter with its default rules: every type, field, argument and enum value described', () => {
    const result = spawnSync(path.join(PROJECT_ROOT, 'node_modules', '.bin', 'graphql-schema-linter'), ['schema/schema.graphql'], {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
    });
    expect([result.status, result.stdout.trim().split('\n').slice(-1)[0]]).toEqual([0, '✔ 0 errors detected']);
  });

  it('leaves plain fields to the default resolver and keeps field resolvers', () => {
    const organization = getSchema().getType('Organization') as GraphQLObjectType;
    const member = getSchema().getType('FamilyMember') as GraphQLObjectType;
    expect(organization.getFields().name.resolve).toBeUndefined();
    expect(member.getFields().depth.resolve).toBeUndefined();
    expect(member.getFields().organization.resolve).toBeUndefined();
    expect(organization.getFields().layoffEvents.resolve).toEqual(expect.any(Function));
    expect(organization.getFields().leaders.resolve).toEqual(expect.any(Function));
  });
});
