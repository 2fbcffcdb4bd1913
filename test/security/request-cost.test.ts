/**
 * The cost of one request, probed against a production-mode server: many aliased mutations or
 * expensive reads, too many root fields, a huge or deeply nested document, an oversized body, and a
 * client that goes away. Each is refused with BAD_USER_INPUT naming the limit (or stops), and the
 * store reads back unchanged.
 */
import { describe, expect, it } from 'vitest';
import type { GraphStore } from '../../graph/store';
import { useProductionWorld } from './production-world';

let answersStarted = 0;
const t = useProductionWorld({
  wrap: (s) =>
    new Proxy(s as GraphStore, {
      get(target, prop, receiver) {
        const v = Reflect.get(target, prop, receiver);
        if (prop === 'recordAnswer') {
          return async (...a: Parameters<GraphStore['recordAnswer']>) => {
            answersStarted++;
            await new Promise((r) => setTimeout(r, 150));
            return target.recordAnswer(...a);
          };
        }
        return typeof v === 'function' ? v.bind(target) : v;
      },
    }),
});

const aliased = (n: number, field: (i: number) => string) => Array.from({ length: n }, (_, i) => `f${i}: ${field(i)}`).join('\n');
const history = async () => JSON.stringify(await t.store.getMemberHistory('m-a', { limit: 2000 }));

const REFUSED = ['aliases', 'rootFields', 'tokens', 'body', 'cost'];
const refused = (r: { status: number; body: { data?: unknown; errors?: { extensions?: { code?: string; limit?: string } }[] } }) => {
  expect(r.body.data ?? null).toBeNull();
  expect(r.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  expect(REFUSED).toContain(r.body.errors?.[0]?.extensions?.limit);
};

describe('aliases and root fields', () => {
  it('refuses 1,000 aliased recordAnswer (inline or through one variable) and writes nothing', async () => {
    const before = await history();
    refused(
      await t.as('a')(`mutation { ${aliased(1000, (i) => `recordAnswer(input: { id: "p-a-${i}", memberId: "m-a", questionId: "q-1", choice: 0, seconds: 5 }) { created }`)} }`),
    );
    refused(
      await t.as('a')(`mutation($i: RecordAnswerInput!) { ${aliased(1000, () => 'recordAnswer(input: $i) { created }')} }`, {
        i: { id: 'p-a', memberId: 'm-a', questionId: 'q-1', choice: 0, seconds: 5 },
      }),
    );
    expect(await history()).toBe(before);
  });

  it('refuses 200 aliased generateStudyPlan and saves no plan', async () => {
    refused(await t.as('a')(`mutation { ${aliased(200, () => 'generateStudyPlan(memberId: "m-a", minutesPerWeek: 60, weeks: 4) { id }')} }`));
    expect(await t.store.getStudyPlan('m-a')).toBeNull();
  });

  it('refuses 1,000 aliased recommendations and 100 aliased branchGaps', async () => {
    refused(await t.as('a')(`{ ${aliased(1000, () => 'recommendations(memberId: "m-a") { course { id } }')} }`));
    refused(await t.as('sec')(`{ ${aliased(100, () => 'branchGaps(branchId: "b-1") { branch { id } }')} }`));
  });

  it('refuses more aliases than the limit in a small document', async () => {
    const r = await t.as('a')(`{ viewer { ${aliased(16, () => 'role')} } }`);
    expect(r.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit: 'aliases', max: 15 });
  });

  it('refuses more root fields than the limit even without aliases', async () => {
    const fields = [
      'viewer { memberId }',
      'topics { id }',
      'university { id }',
      'health { ok }',
      'topicTree { id }',
      'courses(first: 1) { totalCount }',
      'questions(first: 1) { totalCount }',
      'meetings(branchId: "b-1", from: "2025-01-01T00:00:00Z", to: "2025-02-01T00:00:00Z") { id }',
      'branch(id: "b-1") { id }',
      'committee(id: "c-1") { id }',
      'member(id: "m-a") { id }',
    ];
    const r = await t.as('sec')(`{ ${fields.join(' ')} }`);
    expect(r.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit: 'rootFields', max: 10, actual: 11 });
  });

  it('weighs expensive fields: four aliased recommendations of 50 with their courses exceed the cost limit', async () => {
    const one = 'recommendations(memberId: "m-a", first: 50) { score course { id title summary topics { topic { name } } } }';
    const ok = await t.as('a')(`{ ${one} }`);
    expect(ok.body.errors).toBeUndefined();
    const r = await t.as('a')(`{ ${aliased(4, () => one)} }`);
    expect(r.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit: 'cost', max: 5000 });
  });

  it('counts mutations: ten aliased recordAnswer or generateStudyPlan are refused by cost, nothing written', async () => {
    const before = await history();
    const answers = await t.as('a')(
      `mutation { ${aliased(10, (i) => `recordAnswer(input: { id: "cost-${i}", memberId: "m-a", questionId: "q-1", choice: 0, seconds: 5 }) { created }`)} }`,
    );
    expect(answers.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit: 'cost' });
    const plans = await t.as('a')(`mutation { ${aliased(10, () => 'generateStudyPlan(memberId: "m-a", minutesPerWeek: 60, weeks: 4) { id }')} }`);
    expect(plans.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit: 'cost' });
    expect(await history()).toBe(before);
    expect(await t.store.getStudyPlan('m-a')).toBeNull();
  });
});

describe('document size and nesting', () => {
  it('refuses a 1 MB document with 413 before parsing it', async () => {
    const big = JSON.stringify({ query: `{ viewer { memberId } } # ${'x'.repeat(1_000_000)}` });
    const res = await t.post(big, { authorization: `Bearer ${await t.token('a')}` });
    expect(res.status).toBe(413);
    const body = await res.json();
    expect(body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit: 'body' });
  });

  it('refuses the same body sent without a Content-Length (chunked)', async () => {
    const chunks = [JSON.stringify({ query: `{ viewer { memberId } } # ${'x'.repeat(300_000)}` })];
    const body = new ReadableStream({
      pull(c) {
        const next = chunks.shift();
        if (next) c.enqueue(new TextEncoder().encode(next));
        else c.close();
      },
    });
    const res = await fetch(`${t.server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
  });

  it('answers a document nested 5,000 deep with a clean 400, not a 500', async () => {
    const deep = `{ ${'member(id: "m-a") { branch { '.repeat(2500)} id ${'} } '.repeat(2500)} }`;
    const r = await t.as('a')(deep);
    expect(r.status).toBe(400);
    expect(r.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit: 'nesting', max: 100, actual: 5001 });
  });

  it('answers a list value nested 1,990 deep (within the token limit) with a 400, not a 500', async () => {
    const r = await t.as('a')(`{ topics(ids: ${'['.repeat(1990)}${']'.repeat(1990)}) { id } }`);
    expect(r.status).toBe(400);
    expect(r.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit: 'nesting' });
  });

  it('refuses a flat document of more than 2,000 tokens with a 400', async () => {
    const r = await t.as('a')(`{ viewer { role ${'role '.repeat(2100)} } }`);
    expect(r.status).toBe(400);
    expect(r.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit: 'tokens', max: 2000 });
  });
});

describe('a client that goes away', () => {
  it('stops running the remaining root fields', async () => {
    answersStarted = 0;
    const q = `mutation { ${aliased(9, (i) => `recordAnswer(input: { id: "gone-${i}", memberId: "m-a", questionId: "q-1", choice: 0, seconds: 5 }) { created }`)} }`;
    const ctrl = new AbortController();
    const pending = t.post(JSON.stringify({ query: q }), { authorization: `Bearer ${await t.token('a')}` }, ctrl.signal).catch(() => null);
    await new Promise((r) => setTimeout(r, 400));
    ctrl.abort();
    await pending;
    await new Promise((r) => setTimeout(r, 2000));
    // Nine serial writes of 150 ms each would take 1.35 s; after the abort at ~0.4 s at most a few ran.
    expect(answersStarted).toBeGreaterThan(0);
    expect(answersStarted).toBeLessThan(6);
  });
});
