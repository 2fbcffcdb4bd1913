import { type GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';

/** The schema as committed in schema.graphql: sorted, so diffs show real changes only. */
export function printSortedSchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
