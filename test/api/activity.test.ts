/** recordStudy / recordAnswer: happy paths, idempotency, recent activity, and bad inputs with nothing written. */
import { describe, expect, it } from 'vitest';
import { useApiWorld } from '../support/api-world';

const t = useApiWorld();

const STUDY = 'mutation($i: RecordStudyInput!) { recordStudy(input: $i) { created study { id at seconds progress course { id title } } } }';
const ANSWER = 'mutation($i: RecordAnswerInput!) { recordAnswer(input: $i) { created correct correctOption explanation answer { id correct question { id } } } }';

async function history(memberId: string) {
  return t.store.getMemberHistory(memberId, { limit: 100 });
}

describe('recordStudy', () => {
  it("records the viewer's study once, even when retried", async () => {
    const i = { id: 'st-1', memberId: 'm-a', courseId: 'course-1', at: '2025-03-01T08:00:00Z', seconds: 600, progress: 0.5 };
    const first = await t.as('a')(STUDY, { i });
    expect(first.body).toMatchInlineSnapshot(`
      {
        "data": {
          "recordStudy": {
            "created": true,
            "study": {
              "at": "2025-03-01T08:00:00.000Z",
              "course": {
                "id": "course-1",
                "title": "学习党章总纲",
              },
              "id": "st-1",
              "progress": 0.5,
              "seconds": 600,
            },
          },
        },
      }
    `);
    const retry = await t.as('a')(STUDY, { i });
    expect(retry.body.data.recordStudy.created).toBe(false);
    expect((await history('m-a')).studies.filter((s) => s.id === 'st-1')).toHaveLength(1);
  });

  const BAD: [string, Record<string, unknown>, string, string | undefined][] = [
    ['negative seconds', { seconds: -5 }, 'BAD_USER_INPUT', 'seconds'],
    ['progress above 1', { progress: 1.5 }, 'BAD_USER_INPUT', 'progress'],
    ['a future time', { at: '2999-01-01T00:00:00Z' }, 'BAD_USER_INPUT', 'at'],
    ['an unknown course', { courseId: 'course-404' }, 'NOT_FOUND', undefined],
    ['an unknown member', { memberId: 'm-404' }, 'NOT_FOUND', undefined],
  ];
  it.each(BAD)('rejects %s and writes nothing', async (_d, patch, code, field) => {
    const before = (await history('m-a')).studies.length;
    const r = await t.as('a')(STUDY, { i: { id: 'st-bad', memberId: 'm-a', courseId: 'course-1', seconds: 60, progress: 0.1, ...patch } });
    expect(r.body.errors[0].extensions.code).toBe(code);
    if (field) expect(r.body.errors[0].extensions.field).toBe(field);
    expect((await history('m-a')).studies.length).toBe(before);
  });

  it('rejects a date that is not ISO-8601', async () => {
    const r = await t.as('a')(STUDY, { i: { memberId: 'm-a', courseId: 'course-1', seconds: 60, progress: 0.1, at: 'yesterday' } });
    expect(r.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(r.body.errors[0].message).toContain('ISO-8601');
  });
});

describe('recordAnswer', () => {
  it('decides correctness on the server and reveals the right option', async () => {
    const r = await t.as('a')(ANSWER, { i: { id: 'an-1', memberId: 'm-a', questionId: 'q-1', choice: 1, seconds: 20 } });
    expect(r.body).toMatchInlineSnapshot(`
      {
        "data": {
          "recordAnswer": {
            "answer": {
              "correct": true,
              "id": "an-1",
              "question": {
                "id": "q-1",
              },
            },
            "correct": true,
            "correctOption": 1,
            "created": true,
            "explanation": "因为乙。",
          },
        },
      }
    `);
    const wrong = await t.as('a')(ANSWER, { i: { id: 'an-2', memberId: 'm-a', questionId: 'q-1', choice: 0, seconds: 20 } });
    expect(wrong.body.data.recordAnswer).toMatchObject({ correct: false, correctOption: 1 });
    const answers = (await history('m-a')).answers;
    expect(answers.map((a) => [a.id, a.correct]).sort()).toEqual([
      ['an-1', true],
      ['an-2', false],
    ]);
  });

  it('rejects a choice outside the options and writes nothing', async () => {
    const r = await t.as('a')(ANSWER, { i: { id: 'an-bad', memberId: 'm-a', questionId: 'q-1', choice: 3, seconds: 20 } });
    expect(r.body.errors[0]).toMatchObject({ message: '所选选项（choice）须为0至2之间的整数', extensions: { code: 'BAD_USER_INPUT', field: 'choice' } });
    expect((await history('m-a')).answers.some((a) => a.id === 'an-bad')).toBe(false);
  });

  it('names an unknown question', async () => {
    const r = await t.as('a')(ANSWER, { i: { memberId: 'm-a', questionId: 'q-404', choice: 0, seconds: 20 } });
    expect(r.body.errors[0]).toMatchObject({ message: 'Question "q-404" not found', extensions: { code: 'NOT_FOUND' } });
  });
});

describe('recent activity', () => {
  it("shows the member's events newest first, to those in scope", async () => {
    const q = '{ member(id: "m-a") { recentActivity(first: 5) { studies { id course { id } } answers { id correct question { id } } } } }';
    const r = await t.as('sec')(q);
    expect(r.body.data.member.recentActivity.studies).toEqual([{ id: 'st-1', course: { id: 'course-1' } }]);
    expect(r.body.data.member.recentActivity.answers.map((a: { id: string }) => a.id).sort()).toEqual(['an-1', 'an-2']);
  });

  it('limits first to 1–50', async () => {
    const r = await t.as('a')('{ member(id: "m-a") { recentActivity(first: 51) { studies { id } } } }');
    expect(r.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });
});
