/**
 * The sorted, printed schema is committed as schema.graphql: any change to the API shows up in that
 * file's diff (a removed field or type is a breaking change for the client). After changing SDL,
 * run `npm run codegen` (it rewrites schema.graphql and the generated types).
 */
import { describe, expect, it } from 'vitest';
import { printSortedSchema } from '../../server/api/print-schema';
import { buildSchema, undocumented } from '../../server/api/schema';

describe('schema', () => {
  it('matches the committed schema.graphql (dev login on)', async () => {
    await expect(printSortedSchema(buildSchema({ devLogin: true }))).toMatchFileSnapshot('../../schema.graphql');
  });

  it('documents every type, field and enum value', () => {
    expect(undocumented(buildSchema({ devLogin: true }))).toEqual([]);
  });

  it('leaves login and demoAccounts out when dev login is off', () => {
    const schema = buildSchema({ devLogin: false });
    expect(Object.keys(schema.getMutationType()!.getFields())).not.toContain('login');
    expect(Object.keys(schema.getQueryType()!.getFields())).not.toContain('demoAccounts');
    expect(schema.getType('LoginPayload')).toBeUndefined();
  });
});
