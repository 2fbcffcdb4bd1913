/**
 * Personal data in a mutation's answer is a read of it: while a mutation executes, resolving any field
 * but `id` of a Member (its id) or of an object carrying a `memberId` (a transfer case, an account, a
 * pipeline, ...) adds that member to the request's `mutationReads`; the audit plugin records them as
 * READ_MEMBER entries of the signed-in viewer. Queries are untouched (their services note reads).
 * Wraps the resolvers of the app's own schema object in place (createApp builds a fresh one).
 */
import { defaultFieldResolver, type GraphQLSchema, isObjectType } from 'graphql';
import type { ApiContext } from './context';

const ROOTS = new Set(['Query', 'Mutation', 'Subscription']);

function memberOf(typeName: string, parent: unknown): string | null {
  if (!parent || typeof parent !== 'object') return null;
  const p = parent as { id?: unknown; memberId?: unknown };
  const id = typeName === 'Member' ? p.id : p.memberId;
  return typeof id === 'string' && id ? id : null;
}

export function auditMutationReads(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__') || ROOTS.has(type.name)) continue;
    for (const field of Object.values(type.getFields())) {
      if (field.name === 'id') continue;
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (parent, args, ctx: ApiContext, info) => {
        if (info.operation.operation === 'mutation') {
          const id = memberOf(type.name, parent);
          if (id) ctx.mutationReads?.add(id);
        }
        return resolve(parent, args, ctx, info);
      };
    }
  }
  return schema;
}
