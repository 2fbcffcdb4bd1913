import { graphql, type GraphQLResolveInfo } from 'graphql';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { describe, expect, it } from 'vitest';
import { selectsField } from './selection';

const seen: boolean[] = [];
const schema = makeExecutableSchema({
  typeDefs: 'type Query { member: Member } type Member { id: ID recentActivity: Int name: String }',
  resolvers: {
    Query: {
      member: (_: unknown, __: unknown, ___: unknown, info: GraphQLResolveInfo) => {
        seen.push(selectsField(info, 'recentActivity'));
        return { id: 'm-1', recentActivity: 1, name: 'x' };
      },
    },
  },
});

const ask = async (source: string) => {
  seen.length = 0;
  const r = await graphql({ schema, source });
  expect(r.errors).toBeUndefined();
  return seen[0];
};

describe('selectsField', () => {
  it('sees a field selected directly, through an inline fragment or a named fragment', async () => {
    expect(await ask('{ member { id recentActivity } }')).toBe(true);
    expect(await ask('{ member { ... on Member { recentActivity } } }')).toBe(true);
    expect(await ask('{ member { ...F } } fragment F on Member { name ... { recentActivity } }')).toBe(true);
  });

  it('does not see a field that is not asked for, or one only named as an alias', async () => {
    expect(await ask('{ member { id name } }')).toBe(false);
    expect(await ask('{ member { recentActivity: name } }')).toBe(false);
    expect(await ask('{ member { ...F } } fragment F on Member { id }')).toBe(false);
  });
});
