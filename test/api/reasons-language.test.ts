/**
 * Reasons in the request's language, over HTTP on a real Kuzu store with the hand-written curriculum:
 * the same request in zh-CN and en returns the same reason codes and parameters, with the text in
 * each language (Accept-Language; zh-CN when absent or unsupported). Names of topics and course
 * titles are curriculum content and stay as written. Rows stored before reasons had codes still read.
 */
import { describe, expect, it } from 'vitest';
import { decodeReasons } from '../../server/i18n/reasons';
import { REQUIREMENT_NOTES_EN, REQUIREMENT_NOTES_ZH } from '../../server/i18n/requirement-notes';
import { formatDay } from '../../server/rules/periods';
import { questionsOn, useLearningWorld } from './learning-world';

const h = useLearningWorld();
const TOPIC = 'admission.activist';
const DETAILS = 'code params { name kind value } text';
const GAPS = `query($id: ID!) { gaps(memberId: $id) { topic { id } reasons reasonDetails { ${DETAILS} } } }`;
const OPEN = `query($id: ID!) {
  mastery(memberId: $id) { notAssessed { topic { id } reasons reasonDetails { ${DETAILS} } } }
}`;
const ADVICE = `query($id: ID!) {
  recommendations(memberId: $id, first: 5) { course { id } explanation explanationDetails { ${DETAILS} } path { edges { kind label } } }
  practiceQuestions(memberId: $id, first: 3) { question { id } reason reasonDetails { ${DETAILS} } }
}`;
const GEN = `mutation($id: ID!) { generateStudyPlan(memberId: $id, minutesPerWeek: 120, weeks: 4) {
  items { course { id } reason reasonDetails { ${DETAILS} } } } }`;
const PLAN = `query($id: ID!) { studyPlan(memberId: $id) { items { course { id } reason reasonDetails { ${DETAILS} } } } }`;
const LECTURE = `query($b: ID!) { branchGaps(branchId: $b) { suggestedLecture { topic { id } reason reasonDetails { ${DETAILS} } } } }`;

const CJK = /[\u4e00-\u9fff]/;
/** English text with the quoted curriculum content (topic names, course titles) taken out. */
const unquoted = (s: string) => s.replace(/"[^"]*"/g, '""');

/** Everything a member reads with reasons, in one language (three requests: one would exceed the cost limit). */
async function read(memberId: string, lang?: string) {
  const v = { id: memberId };
  return { ...(await ask(memberId, GAPS, v, lang)), ...(await ask(memberId, OPEN, v, lang)), ...(await ask(memberId, ADVICE, v, lang)) };
}

async function ask(memberId: string, query: string, variables: Record<string, unknown>, lang?: string) {
  const r = await h.server.gql(query, variables, await h.server.tokenFor(memberId), lang ? { 'accept-language': lang } : {});
  expect(r.body.errors, JSON.stringify(r.body.errors)).toBeUndefined();
  return r.body.data;
}

type Detail = { code: string; params: { name: string; kind: string; value: string }[]; text: string };
/** Every code and parameter in a response, in order, without the texts. */
const structure = (x: unknown): unknown =>
  JSON.parse(JSON.stringify(x, (k, v) => (k === 'text' || k === 'reasons' || k === 'reason' || k === 'explanation' || k === 'label' ? undefined : v)));
const details = (x: unknown): Detail[] => {
  const out: Detail[] = [];
  JSON.stringify(x, (k, v) => {
    if ((k === 'reasonDetails' || k === 'explanationDetails') && Array.isArray(v)) out.push(...v);
    return v;
  });
  return out;
};

describe('reasons follow the request language', () => {
  it('gaps, not-yet-assessed topics, recommendations and practice: same codes, text in each language', async () => {
    for (const q of questionsOn(TOPIC).slice(0, 3)) {
      const r = await h.server.gql(
        'mutation($i: RecordAnswerInput!) { recordAnswer(input: $i) { correct } }',
        { i: { memberId: 'm-e', questionId: q.id, choice: (q.answer + 1) % q.options.length, seconds: 30 } },
        await h.server.tokenFor('m-e'),
      );
      expect(r.body.data.recordAnswer.correct).toBe(false);
    }
    const zh = await read('m-e', 'zh-CN');
    const en = await read('m-e', 'en');
    expect(structure(en)).toEqual(structure(zh));

    const gap = (d: typeof zh) => d.gaps.find((g: { topic: { id: string } }) => g.topic.id === TOPIC);
    expect(gap(zh).reasonDetails.map((d: Detail) => d.code)).toEqual(['GAP_STAGE_TOPIC', 'GAP_STAGE_AREA', 'GAP_ANSWERS_WEAK']);
    expect(gap(zh).reasonDetails[0].params).toEqual([
      { name: 'stage', kind: 'STAGE', value: 'ACTIVIST' },
      { name: 'topic', kind: 'TOPIC', value: TOPIC },
      { name: 'target', kind: 'SHARE', value: '0.7' },
      { name: 'mastery', kind: 'SHARE', value: expect.stringMatching(/^0\.\d+$/) },
      // The catalogue's note on the requirement, by its key: its text follows the request's language.
      { name: 'note', kind: 'NOTE', value: 'ACTIVIST/admission.activist' },
    ]);
    expect(gap(zh).reasons).toEqual([
      expect.stringMatching(/^入党积极分子须掌握「入党积极分子的确定和培养教育」（要求 70%，当前 \d+%）：积极分子须了解自身培养教育和考察的要求$/),
      expect.stringMatching(/^入党积极分子要求「发展党员工作」整体掌握度达到 60%（整体 \d+%，本知识点 \d+%）：/),
      expect.stringMatching(/^最近 3 次相关答题只答对 0 次，掌握度估计为 \d+%$/),
    ]);
    expect(gap(en).reasons).toEqual([
      expect.stringMatching(
        /^The activist stage requires "入党积极分子的确定和培养教育" at 70% \(now \d+%\): Activists must know how they themselves are trained, educated and assessed$/,
      ),
      expect.stringMatching(
        /^The activist stage requires 60% across "Admission" \(area \d+%, this topic \d+%\): Activists must know how they are trained and assessed, and the admission procedure$/,
      ),
      expect.stringMatching(/^Only 0 of the last 3 related answers were right; estimated mastery \d+%$/),
    ]);

    // The list fields carry the same text as the details, and English has no Chinese outside the quoted content.
    expect(gap(en).reasonDetails.map((d: Detail) => d.text)).toEqual(gap(en).reasons);
    expect(details(en).length).toBeGreaterThan(10);
    for (const d of details(en)) expect(unquoted(d.text)).not.toMatch(CJK);
    for (const d of details(zh)) expect(d.text).toMatch(CJK);
    for (const r of en.recommendations) expect(unquoted(r.explanation)).not.toMatch(CJK);
    for (const p of en.practiceQuestions) expect(p.reason).toMatch(/^(Practises your gap|Consolidates) "/);
    expect(en.mastery.notAssessed[0].reasons).toContain('No related study or answers yet');
    expect(zh.mastery.notAssessed[0].reasons).toContain('还没有相关学习或答题记录');
    const labels = (d: typeof zh) => new Set(d.recommendations.flatMap((r: { path: { edges: { label: string }[] } }) => r.path.edges.map((e) => e.label)));
    expect(labels(en)).toContain('covers');
    expect(labels(zh)).toContain('讲授');
  });

  it('no header or an unsupported language reads zh-CN; en-GB with q-values reads en', async () => {
    const zh = await read('m-e', 'zh-CN');
    expect(await read('m-e')).toEqual(zh);
    expect(await read('m-e', 'fr-FR, de;q=0.8')).toEqual(zh);
    expect(await read('m-e', 'fr;q=1, en-GB;q=0.9, zh;q=0.5')).toEqual(await read('m-e', 'en'));
  });

  it('a study plan made in one language reads in the other: the stored reasons are codes, not text', async () => {
    const made = (await ask('m-e', GEN, { id: 'm-e' }, 'en')).generateStudyPlan;
    expect(made.items.length).toBeGreaterThan(0);
    for (const i of made.items) expect(unquoted(i.reason)).not.toMatch(CJK);
    const zh = (await ask('m-e', PLAN, { id: 'm-e' }, 'zh-CN')).studyPlan;
    expect(structure(zh.items)).toEqual(structure(made.items));
    for (const i of zh.items) expect(i.reason).toMatch(CJK);
    expect(zh.items[0].reasonDetails[0].code).toMatch(/^(REC_|PLAN_REVIEW)/);
  });

  it('the suggested party lecture explains itself in both languages', async () => {
    const zh = (await ask('m-sec', LECTURE, { b: 'b-1' }, 'zh-CN')).branchGaps.suggestedLecture;
    const en = (await ask('m-sec', LECTURE, { b: 'b-1' }, 'en')).branchGaps.suggestedLecture;
    expect(zh.reasonDetails.map((d: Detail) => d.code)).toEqual(['LECTURE_COMMON_GAP']);
    expect(en.reasonDetails).toEqual(zh.reasonDetails.map((d: Detail) => ({ ...d, text: expect.any(String) })));
    expect(zh.reason).toMatch(/^本支部 \d+ 名成员中有 \d+ 人在「.+」上存在学习短板/);
    expect(en.reason).toMatch(/^\d+ of the branch's \d+ members have a gap on ".+", the most common gap in the branch/);
  });

  it("the portrait's per-area requirement note reads in the request's language", async () => {
    const AREAS = 'query($id: ID!) { mastery(memberId: $id) { areas { area target requirement } } }';
    type Area = { area: string; target: number | null; requirement: string | null };
    const zh: Area[] = (await ask('m-e', AREAS, { id: 'm-e' }, 'zh-CN')).mastery.areas;
    const en: Area[] = (await ask('m-e', AREAS, { id: 'm-e' }, 'en')).mastery.areas;
    // Same areas and targets; an area the stage requires has a note in each language, the others none.
    expect(en.map(({ area, target }) => ({ area, target }))).toEqual(zh.map(({ area, target }) => ({ area, target })));
    const required = zh.filter((a) => a.target != null);
    expect(required.length).toBeGreaterThan(0);
    for (const a of zh) expect(a.requirement == null).toBe(a.target == null);
    for (const a of en) expect(a.requirement == null).toBe(a.target == null);
    // m-e is an activist: the catalogue's own notes, by key ACTIVIST/<area>.
    for (const a of required) {
      const key = `ACTIVIST/${a.area.toLowerCase()}`;
      expect(a.requirement).toBe(REQUIREMENT_NOTES_ZH[key]);
      expect(en.find((x) => x.area === a.area)!.requirement).toBe(REQUIREMENT_NOTES_EN[key]);
    }
    expect(en.find((a) => a.area.toLowerCase() === 'admission')!.requirement).toBe('Activists must know how they are trained and assessed, and the admission procedure');
    for (const a of en) if (a.requirement) expect(a.requirement).not.toMatch(CJK);
    for (const a of zh) if (a.requirement) expect(a.requirement).toMatch(CJK);
  });

  it("an administrator's own note on an area reads as written in both languages; a catalogue note kept in the override is translated", async () => {
    const own = '本校要求：积极分子须熟悉本校发展党员工作细则';
    const areas = [
      { area: 'admission', target: 0.6, reason: own },
      { area: 'constitution', target: 0.5, reason: REQUIREMENT_NOTES_ZH['ACTIVIST/constitution'] },
    ];
    const r = await h.as('m-uadmin')('mutation($i: OverrideRuleInput!) { overrideRule(input: $i) { version } }', {
      i: { ruleId: 'learning.stage-requirements.activist', params: JSON.stringify({ areas }), effectiveFrom: formatDay(Date.now()), reason: '校党委学习要求调整' },
    });
    expect(r.body.errors).toBeUndefined();
    const AREAS = 'query($id: ID!) { mastery(memberId: $id) { areas { area target requirement } } }';
    type Area = { area: string; target: number | null; requirement: string | null };
    const noted = (list: Area[]) => Object.fromEntries(list.filter((a) => a.requirement).map((a) => [a.area, a.requirement]));
    expect(noted((await ask('m-e', AREAS, { id: 'm-e' }, 'zh-CN')).mastery.areas)).toEqual({ admission: own, constitution: REQUIREMENT_NOTES_ZH['ACTIVIST/constitution'] });
    expect(noted((await ask('m-e', AREAS, { id: 'm-e' }, 'en')).mastery.areas)).toEqual({ admission: own, constitution: REQUIREMENT_NOTES_EN['ACTIVIST/constitution'] });
  });

  it('a gap stored as plain text before reasons had codes still reads, as it was written', async () => {
    await h.store.replaceGaps('m-j', [{ memberId: 'm-j', topicId: TOPIC, severity: 0.5, reasons: ['最近 4 次相关答题只答对 1 次'], updatedAt: Date.now() }]);
    const stored = (await h.store.getGapsForMembers(['m-j'])).get('m-j')![0].reasons;
    expect(stored.flatMap(decodeReasons)).toEqual([{ code: 'LEGACY_TEXT', params: { text: '最近 4 次相关答题只答对 1 次' } }]);
  });
});
