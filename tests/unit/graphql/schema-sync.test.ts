import fs from 'node:fs';
import { isInputObjectType, isInterfaceType, isObjectType, isScalarType } from 'graphql';
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
