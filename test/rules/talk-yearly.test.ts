/**
 * The catalogue's yearly talk (talk.yearly): a branch is DONE for a year when each full and probationary member had
 * a YEARLY talk in it (China Standard Time); a talk an instant before the year, or of another kind, does not count.
 * The obligation carries counts only.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { GraphStore, TalkRecord } from '../../graph';
import { RulesEngine } from '../../server/rules/engine';
import { buildMember } from '../support/builders';
import { useOrgStore } from '../support/org-store';

const org = useOrgStore({ branches: [['b-t', '谈话支部']] });
let store: GraphStore;
const YEAR_2026 = Date.UTC(2025, 11, 31, 16); // 2026-01-01T00:00+08:00
const AS_OF = Date.UTC(2026, 5, 1);
let seq = 0;

beforeAll(async () => {
  store = org.store;
  await buildMember(store, { id: 'm-sec', branchId: 'b-t', role: 'SECRETARY' });
  await buildMember(store, { id: 'm-full', branchId: 'b-t' });
  await buildMember(store, { id: 'm-prob', branchId: 'b-t', stage: 'PROBATIONARY' });
  await buildMember(store, { id: 'm-act', branchId: 'b-t', stage: 'ACTIVIST' });
});

const talk = (subjectId: string, at: number, kind = 'YEARLY'): TalkRecord => ({
  id: `tk-${++seq}`,
  subjectId,
  branchId: 'b-t',
  kind,
  at,
  participantIds: [subjectId, 'm-sec'],
  summary: '谈话',
  followUp: '',
  forCommittee: false,
  createdBy: 'm-sec',
  createdAt: at,
});

const verdict = async () => {
  const all = await new RulesEngine({ store }).evaluate({ kind: 'BRANCH', id: 'b-t' }, AS_OF, { ruleIds: ['talk.yearly'] });
  return all.filter((o) => o.period?.from === YEAR_2026).map((o) => ({ status: o.status, detail: o.detail, evidence: o.evidence, citation: o.citation.document }));
};

describe('talk.yearly', () => {
  it('counts only YEARLY talks inside the year, of full and probationary members, and names no one', async () => {
    await store.createTalkRecord(talk('m-sec', YEAR_2026 + 86_400_000));
    await store.createTalkRecord(talk('m-full', YEAR_2026 - 1));
    await store.createTalkRecord(talk('m-prob', YEAR_2026 + 86_400_000, 'CONCERN'));
    expect(await verdict()).toEqual([{ status: 'DUE', detail: { members: 3, talked: 1 }, evidence: [], citation: '中国共产党支部工作条例（试行）' }]);
    await store.createTalkRecord(talk('m-full', YEAR_2026));
    await store.createTalkRecord(talk('m-prob', AS_OF - 1));
    expect(await verdict()).toEqual([{ status: 'DONE', detail: { members: 3, talked: 3 }, evidence: [], citation: '中国共产党支部工作条例（试行）' }]);
  });
});
