/** Query depth and cost limits, with their error codes. */
import { describe, expect, it } from 'vitest';
import { useApiWorld } from '../support/api-world';

const t = useApiWorld({ env: { HONGTU_MAX_DEPTH: '6', HONGTU_MAX_COST: '800' } });

describe('query limits', () => {
  it('refuses a query nested deeper than the limit, through fragments', async () => {
    const q = `
      fragment Deep on Committee { branches { committee { branches { committee { id } } } } }
      { university { committees { ...Deep } } }`;
    const r = await t.as('uadmin')(q);
    expect(r.body).toMatchInlineSnapshot(`
      {
        "errors": [
          {
            "extensions": {
              "actual": 7,
              "code": "BAD_USER_INPUT",
              "limit": "depth",
              "max": 6,
            },
            "locations": [
              {
                "column": 7,
                "line": 3,
              },
            ],
            "message": "Query is nested 7 levels deep; the limit is 6",
          },
        ],
      }
    `);
  });

  it('allows introspection regardless of depth', async () => {
    const r = await t.as(null)('{ __schema { types { name fields { name type { name ofType { name ofType { name ofType { name } } } } } } } }');
    expect(r.body.errors).toBeUndefined();
  });

  it('refuses a query whose cost exceeds the limit, counting first from variables', async () => {
    const q = 'query($n: Int) { members(first: $n) { nodes { recentActivity(first: 50) { studies { course { title } } } } } }';
    const ok = await t.as('uadmin')(q, { n: 2 });
    expect(ok.body.errors).toBeUndefined();
    const r = await t.as('uadmin')(q, { n: 100 });
    expect(r.body.errors).toMatchInlineSnapshot(`
      [
        {
          "extensions": {
            "actual": 15201,
            "code": "BAD_USER_INPUT",
            "limit": "cost",
            "max": 800,
          },
          "message": "Query would cost 15201; the limit is 800. Ask for fewer items (first) or fewer nested lists",
        },
      ]
    `);
  });

  it('counts lists without first as several items', async () => {
    const r = await t.as('uadmin')('{ university { committees { branches { members(first: 100) { nodes { id } } } } } }');
    expect(r.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit: 'cost' });
  });
});
