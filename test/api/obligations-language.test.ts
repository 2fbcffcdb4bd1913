/**
 * Obligations (the work queue's and the warnings' items) and rules in the request's language, over HTTP on a
 * real Kuzu store: zh-CN (the default) keeps the Chinese title; en gives the rule's English title with the same
 * detail, and the detail's reason code and parameters are the same in both.
 */
import { describe, expect, it } from 'vitest';
import { useApiWorld } from '../support/api-world';
import { cstDayStart } from '../support/rules-time';

const NOW = cstDayStart(2025, 6, 15, 10);
const t = useApiWorld({ deps: { now: () => NOW } });
const Q = `{ obligations(scope: { kind: BRANCH, id: "b-1" }, from: "2025-01-01T00:00:00Z", to: "2025-07-01T00:00:00Z") {
  key ruleId title period { label } titleDetail { code params { name kind value } text } } }`;

async function read(lang?: string) {
  const r = await t.server.gql(Q, {}, await t.server.tokenFor('m-sec'), lang ? { 'accept-language': lang } : {});
  expect(r.body.errors, JSON.stringify(r.body.errors)).toBeUndefined();
  return r.body.data.obligations as {
    key: string;
    ruleId: string;
    title: string;
    period: { label: string } | null;
    titleDetail: { code: string; params: unknown[]; text: string } | null;
  }[];
}

describe('obligations in the request language', () => {
  it('gives the same obligations and detail codes in both languages, with the title in each', async () => {
    const [zh, en, none] = [await read('zh-CN'), await read('en'), await read()];
    expect(none).toEqual(zh);
    expect(en.map((o) => [o.key, o.titleDetail?.code ?? null, o.titleDetail?.params ?? null])).toEqual(
      zh.map((o) => [o.key, o.titleDetail?.code ?? null, o.titleDetail?.params ?? null]),
    );
    const rules = (await t.server.gql('{ rules { id titleZh titleEn title } }', {}, await t.server.tokenFor('m-sec'), { 'accept-language': 'en' })).body.data.rules as {
      id: string;
      titleZh: string;
      titleEn: string;
      title: string;
    }[];
    const rule = new Map(rules.map((r) => [r.id, r]));
    for (const r of rules) expect(r.title).toBe(r.titleEn);
    const periodic = zh.filter((o) => o.period && o.titleDetail?.code === 'OBL_PERIOD');
    expect(periodic.length).toBeGreaterThan(3);
    for (const o of periodic) {
      expect(o.title).toBe(`${rule.get(o.ruleId)!.titleZh}（${o.period!.label}）`);
      expect(o.titleDetail!.params).toEqual([{ name: 'period', kind: 'TEXT', value: o.period!.label }]);
    }
    for (const o of en.filter((x) => x.titleDetail?.code === 'OBL_PERIOD')) {
      expect(o.title).toBe(`${rule.get(o.ruleId)!.titleEn} (${o.period!.label})`);
    }
    for (const o of en) expect(o.title).not.toMatch(/[\u4e00-\u9fff]/);
  });
});
