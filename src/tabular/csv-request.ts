import {
  FieldNode,
  getNamedType,
  GraphQLObjectType,
  GraphQLSchema,
  isObjectType,
  Kind,
  OperationDefinitionNode,
  parse,
  print,
  SelectionNode,
  visit,
} from 'graphql';

/**
 * A table must say when it is not the whole answer. Before an operation is run for a CSV answer, its
 * one root field gets, under aliases of our own, what tells that: a connection's pageInfo (is there a
 * next page, and where does it start), a traversal's `truncated` and a roll-up's `leftOut`. The answer carries them back in
 * headers (see csv-response.ts), and the rows stay what the request selected.
 */
export const PAGE_INFO_ALIAS = 'corpgraphCsvPageInfo';
export const TRUNCATED_ALIAS = 'corpgraphCsvTruncated';
export const LEFT_OUT_ALIAS = 'corpgraphCsvLeftOut';

const field = (alias: string, name: string, selections?: SelectionNode[]): FieldNode => ({
  kind: Kind.FIELD,
  alias: { kind: Kind.NAME, value: alias },
  name: { kind: Kind.NAME, value: name },
  ...(selections ? { selectionSet: { kind: Kind.SELECTION_SET, selections } } : {}),
});
const leaf = (name: string): FieldNode => ({ kind: Kind.FIELD, name: { kind: Kind.NAME, value: name } });

/** The query with the paging fields added to its root field; the query as it was when it cannot be read or has no such field. */
export function withPagingFields(schema: GraphQLSchema, query: unknown, operationName?: unknown): unknown {
  if (typeof query !== 'string') return query;
  let document;
  try {
    document = parse(query);
  } catch {
    return query; // Apollo answers the syntax error itself
  }
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const operation = operations.length === 1 ? operations[0] : operations.find((o) => o.name?.value === operationName);
  const root = operation?.selectionSet.selections.filter((s): s is FieldNode => s.kind === Kind.FIELD);
  if (!operation || operation.operation !== 'query' || root?.length !== 1) return query;
  const type = getNamedType(schema.getQueryType()?.getFields()[root[0].name.value]?.type);
  if (!type || !isObjectType(type)) return query;
  const fields = (type as GraphQLObjectType).getFields();
  const extra: FieldNode[] = [];
  if (fields.pageInfo) extra.push(field(PAGE_INFO_ALIAS, 'pageInfo', [leaf('hasNextPage'), leaf('endCursor')]));
  if (fields.truncated) extra.push(field(TRUNCATED_ALIAS, 'truncated'));
  if (fields.leftOut) extra.push(field(LEFT_OUT_ALIAS, 'leftOut', [leaf('events'), leaf('low'), leaf('high'), leaf('unknownCount')]));
  if (!extra.length || !root[0].selectionSet) return query;
  const target = root[0];
  return print(
    visit(document, {
      Field(node) {
        if (node !== target) return undefined;
        return { ...node, selectionSet: { ...node.selectionSet!, selections: [...node.selectionSet!.selections, ...extra] } };
      },
    }),
  );
}
