/**
 * `DateTime`: ISO-8601 strings at the API edge, epoch milliseconds inside. Unparseable input is
 * BAD_USER_INPUT naming the problem; the argument's name is added by graphql-js.
 */
import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

const ISO = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2}))?$/;

function parseIso(value: unknown): number {
  if (typeof value !== 'string' || !ISO.test(value)) {
    throw new GraphQLError('DateTime must be an ISO-8601 string such as 2025-03-01T08:00:00Z', { extensions: { code: 'BAD_USER_INPUT' } });
  }
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new GraphQLError(`DateTime "${value}" is not a valid date`, { extensions: { code: 'BAD_USER_INPUT' } });
  return ms;
}

export const DateTimeScalar = new GraphQLScalarType<number, string>({
  name: 'DateTime',
  // The description comes from common.graphql (SDL is the documentation).
  serialize(value) {
    if (typeof value === 'number' && Number.isFinite(value)) return new Date(value).toISOString();
    if (value instanceof Date) return value.toISOString();
    throw new GraphQLError('DateTime cannot represent a non-time value');
  },
  parseValue: parseIso,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('DateTime must be a string', { extensions: { code: 'BAD_USER_INPUT' } });
    return parseIso(ast.value);
  },
});
