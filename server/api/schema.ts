/**
 * Merge the enabled feature modules into one executable schema. Descriptions are the API's
 * documentation, so assembly fails if a type or field lacks one.
 */
import { makeExecutableSchema } from '@graphql-tools/schema';
import { type GraphQLSchema, isInputObjectType, isObjectType, isEnumType, isScalarType } from 'graphql';
import type { Config } from '../config';
import { API_MODULES } from './index';
import type { ApiModule } from './module';

/** The executable schema for this configuration (dev login decides whether `login` exists). */
export function buildSchema(config: Pick<Config, 'devLogin'>, modules: ApiModule[] = API_MODULES): GraphQLSchema {
  const enabled = modules.filter((m) => m.enabled?.(config) ?? true);
  const schema = makeExecutableSchema({
    typeDefs: enabled.map((m) => m.typeDefs),
    resolvers: enabled.map((m) => m.resolvers),
    resolverValidationOptions: { requireResolversToMatchSchema: 'error' },
  });
  const missing = undocumented(schema);
  if (missing.length) throw new Error(`Schema elements without a """description""": ${missing.join(', ')}`);
  return schema;
}

/** Types and fields (of our own schema, not introspection) that have no description. */
export function undocumented(schema: GraphQLSchema): string[] {
  const out: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || (isScalarType(type) && !type.astNode)) continue;
    if (!type.description) out.push(type.name);
    if (isObjectType(type) || isInputObjectType(type)) {
      for (const f of Object.values(type.getFields())) if (!f.description) out.push(`${type.name}.${f.name}`);
    }
    if (isEnumType(type)) for (const v of type.getValues()) if (!v.description) out.push(`${type.name}.${v.name}`);
  }
  return out;
}
