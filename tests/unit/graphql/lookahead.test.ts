import { FieldNode, FragmentDefinitionNode, GraphQLResolveInfo, Kind, OperationDefinitionNode, parse } from 'graphql';
import { OwnershipLink } from '../../../src/graphql/family/family.type';
import { LayoffEvent } from '../../../src/graphql/layoff/layoff.type';
import { Selection } from '../../../src/graphql/lookahead/selection';
import { neededProperties, projected, STORED_FIELDS, wholeOf } from '../../../src/graphql/lookahead/stored-fields';
import { Organization } from '../../../src/graphql/organization/organization.type';

/** A resolver's view of `document`: its first field, with the document's fragments. */
function infoOf(document: string): GraphQLResolveInfo {
  const doc = parse(document);
  const operation = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const fragments = Object.fromEntries(
    doc.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]),
  );
  return { fieldNodes: [operation.selectionSet.selections[0] as FieldNode], fragments } as unknown as GraphQLResolveInfo;
}

/** The stored properties a fromRow reads (every one it touches, given a row that has them all). */
function propertiesRead(fromRow: (row: Record<string, unknown>) => unknown): Set<string> {
  const read = new Set<string>();
  fromRow(new Proxy({}, { get: (_, key) => (read.add(String(key)), 'x') }));
  return read;
}

describe('the lookahead', () => {
  it('sees the selection below a field through fragments and inline fragments, with dotted paths', () => {
    const selection = new Selection(
      infoOf(
        '{ company(id: "a") { name ...F ... on Organization { roles(roleType: CEO) { title } } } } fragment F on Organization { leaders { person { name } } }',
      ),
    );
    expect(selection.has('leaders.person.name')).toBe(true);
    expect(selection.has('roles.title')).toBe(true);
    expect(selection.has('founded')).toBe(false);
    expect(selection.fieldsUnder('')).toEqual(['name', 'leaders', 'roles']);
    expect(selection.hasPlain('leaders')).toBe(true);
    // With arguments a field is left to its resolver, whose loader those arguments key.
    expect(selection.hasPlain('roles')).toBe(false);
  });

  it('asks for the stored properties behind the selected fields, or all of them for a field it does not know', () => {
    const selection = new Selection(infoOf('{ f { members { organization { name founded { text } headquarters { id } } } } }'));
    expect(neededProperties('Organization', selection, ['members.organization'])).toEqual(['id', 'name', 'foundedPrecision', 'foundedText']);
    // A fuzzy date or a quantity reads the parts selected, and whether it is there at all.
    const parts = new Selection(infoOf('{ f { events { announced { earliest } headcount { low high } effective { __typename earliest } } } }'));
    expect(neededProperties('LayoffEvent', parts, ['events'])).toEqual([
      'id',
      'announcedPrecision',
      'announcedEarliest',
      'headcountQualifier',
      'headcountLow',
      'headcountHigh',
      'effectivePrecision',
      'effectiveEarliest',
      'effectiveLatest',
      'effectiveText',
    ]);
    const unknown = new Selection(infoOf('{ f { members { organization { name somethingNew } } } }'));
    expect(neededProperties('Organization', unknown, ['members.organization'])).toBeNull();
  });

  it('reads a projected list back as the row fromRow expects, and a map as it is', () => {
    expect(projected(['amazon', null, 'Amazon'], ['id', 'legalName', 'name'])).toEqual({ id: 'amazon', name: 'Amazon' });
    expect(projected({ id: 'x' }, null)).toEqual({ id: 'x' });
  });

  it.each([
    ['Organization', Organization.fromRow],
    ['LayoffEvent', LayoffEvent.fromRow],
    ['OwnershipLink', (link: Record<string, unknown>) => OwnershipLink.fromRow({ link, depth: 1, child: { id: 'c' }, parent: { id: 'p' } }, '2024-06-01')],
  ] as const)('knows exactly the properties %s.fromRow reads (the table and the type cannot drift)', (type, fromRow) => {
    const declared = new Set(Object.values(STORED_FIELDS[type]).flatMap(wholeOf));
    expect([...declared].sort()).toEqual([...propertiesRead(fromRow)].sort());
  });
});
