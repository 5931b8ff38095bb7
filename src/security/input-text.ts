import { ASTNode, GraphQLError, Kind, ValidationRule } from 'graphql';
import { BadUserInputError } from '../errors/errors';
import { findValueFault, textFault } from '../ingest/valid-text';

/**
 * A request's own values checked before anything reads them (src/ingest/valid-text.ts): every string
 * at any depth of its variables, and every string literal of its document (graphql-js reads the escape
 * \u0000 in a literal as it is), holds only what text may hold, and no variable nests deeper than
 * MAX_INPUT_DEPTH. A refusal names the variable's path ($input.sources[0].quote) or the literal's
 * argument, as BAD_USER_INPUT (400).
 */
export function variablesFault(variables: Record<string, unknown> | undefined): BadUserInputError | null {
  const fault = findValueFault(variables ?? {});
  if (!fault) return null;
  const path = `$${fault.path}`;
  return new BadUserInputError(`Variable ${path}: ${fault.reason}`, path);
}

/** What a literal is given for, as the client wrote it: an argument and the input fields within it (input.text), or a variable's default. */
function literalPath(ancestors: ReadonlyArray<ASTNode | ReadonlyArray<ASTNode>>): string {
  const names: string[] = [];
  for (const a of ancestors) {
    if (Array.isArray(a) || !('kind' in a)) continue;
    const node = a as ASTNode;
    if (node.kind === Kind.ARGUMENT || node.kind === Kind.OBJECT_FIELD) names.push(node.name.value);
    if (node.kind === Kind.VARIABLE_DEFINITION) names.push(`$${node.variable.name.value}`);
  }
  return names.join('.') || 'value';
}

/** Refuses a string literal of the document that holds what no text may hold. */
export const validTextInLiterals: ValidationRule = (context) => ({
  StringValue(node, _key, parent, _path, ancestors) {
    const reason = textFault(node.value);
    if (!reason) return;
    const path = literalPath(parent ? [...ancestors, parent] : ancestors);
    const error = new BadUserInputError(`${path}: the string literal ${reason}`, path);
    context.reportError(new GraphQLError(error.message, { nodes: node, originalError: error, extensions: { code: error.code, argument: path } }));
  },
});
