import { FieldNode, GraphQLResolveInfo, Kind, SelectionSetNode } from 'graphql';

/**
 * The fields a request selects below the field being resolved, by dotted path of field names
 * ("leaders", "leaders.person", "links.sources"), fragments and inline fragments flattened. A
 * resolver reads it to fetch, in its own round trip, what the nested resolvers would otherwise
 * ask for one nesting level later: the lookahead that keeps a request's depth of round trips flat.
 */
export class Selection {
  private readonly fields = new Map<string, FieldNode>();

  constructor(info: GraphQLResolveInfo, maxDepth = 6) {
    for (const node of info.fieldNodes) if (node.selectionSet) this.collect(info, node.selectionSet, '', maxDepth);
  }

  private collect(info: GraphQLResolveInfo, set: SelectionSetNode, prefix: string, depth: number): void {
    if (depth === 0) return;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        const path = prefix + selection.name.value;
        if (!this.fields.has(path)) this.fields.set(path, selection);
        if (selection.selectionSet) this.collect(info, selection.selectionSet, `${path}.`, depth - 1);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        this.collect(info, selection.selectionSet, prefix, depth);
      } else {
        const fragment = info.fragments[selection.name.value];
        if (fragment) this.collect(info, fragment.selectionSet, prefix, depth);
      }
    }
  }

  /** Whether the path is selected. */
  has(path: string): boolean {
    return this.fields.has(path);
  }

  /** The names of the fields selected directly under a path ("" for the top). */
  fieldsUnder(path: string): string[] {
    const prefix = path ? `${path}.` : '';
    return [...this.fields.keys()].filter((p) => p.startsWith(prefix) && !p.slice(prefix.length).includes('.')).map((p) => p.slice(prefix.length));
  }

  /** Whether the path is selected with no arguments, so that its resolver will use its defaults. */
  hasPlain(path: string): boolean {
    const field = this.fields.get(path);
    return Boolean(field && !field.arguments?.length);
  }
}
