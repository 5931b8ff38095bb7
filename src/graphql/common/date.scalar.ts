import { GraphQLScalarType, Kind } from 'graphql';
import { BadUserInputError } from '../../errors/errors';
import { isValidIsoDay } from '../../ingest/dates-and-quantities';

function parse(value: unknown): string {
  if (typeof value !== 'string' || !isValidIsoDay(value)) {
    throw new BadUserInputError(`Expected a calendar date as YYYY-MM-DD, got ${JSON.stringify(value)}`);
  }
  return value;
}

/** A calendar date without time zone (YYYY-MM-DD), as the sources state dates. */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar date without time or time zone, written YYYY-MM-DD (ISO 8601), e.g. 2024-01-10.',
  serialize: (value) => String(value),
  parseValue: parse,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new BadUserInputError('Expected a calendar date as a string YYYY-MM-DD');
    return parse(ast.value);
  },
});
