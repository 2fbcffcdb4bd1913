/** Topics (tree), courses (paging, filters), questions, and course management by administrators. */
import { describe, expect, it } from 'vitest';
import { useApiWorld } from '../support/api-world';

const t = useApiWorld();

describe('topics', () => {
  it('returns the tree with children and prerequisites', async () => {
    const r = await t.as('a')('{ topicTree { id name children { id area prerequisites { id } parent { id } } } }');
    expect(r.body).toMatchInlineSnapshot(`
      {
        "data": {
          "topicTree": [
            {
              "children": [
                {
                  "area": "constitution",
                  "id": "constitution.basics",
                  "parent": {
                    "id": "constitution",
                  },
                  "prerequisites": [],
                },
              ],
              "id": "constitution",
              "name": "党章党规基本知识",
            },
            {
              "children": [
                {
                  "area": "history",
                  "id": "history.founding",
                  "parent": {
                    "id": "history",
                  },
                  "prerequisites": [
                    {
                      "id": "constitution.basics",
                    },
                  ],
                },
              ],
              "id": "history",
              "name": "党史",
            },
          ],
        },
      }
    `);
  });

  it('names an unknown topic', async () => {
    const r = await t.as('a')('{ topic(id: "nope") { id } }');
    expect(r.body.errors[0].message).toBe('Topic "nope" not found');
  });
});

describe('courses and questions', () => {
  it('lists courses with their topics, filtered by area', async () => {
    const r = await t.as('a')('{ courses(filter: { areas: [constitution] }) { totalCount nodes { id title kind minutes topics { topic { id } weight source confidence } } } }');
    expect(r.body).toMatchInlineSnapshot(`
      {
        "data": {
          "courses": {
            "nodes": [
              {
                "id": "course-1",
                "kind": "ARTICLE",
                "minutes": 10,
                "title": "学习党章总纲",
                "topics": [
                  {
                    "confidence": 1,
                    "source": "MANUAL",
                    "topic": {
                      "id": "constitution.basics",
                    },
                    "weight": 1,
                  },
                ],
              },
            ],
            "totalCount": 1,
          },
        },
      }
    `);
  });

  it('lists questions without revealing the answer', async () => {
    const r = await t.as('a')('{ questions(first: 5) { totalCount nodes { id stem options difficulty } } }');
    expect(r.body).toMatchInlineSnapshot(`
      {
        "data": {
          "questions": {
            "nodes": [
              {
                "difficulty": 0.5,
                "id": "q-1",
                "options": [
                  "甲",
                  "乙",
                  "丙",
                ],
                "stem": "党章总纲规定了什么？",
              },
            ],
            "totalCount": 1,
          },
        },
      }
    `);
  });

  it('names an unknown course', async () => {
    const r = await t.as('a')('{ course(id: "course-404") { id } }');
    expect(r.body.errors[0]).toMatchObject({ message: 'Course "course-404" not found', extensions: { code: 'NOT_FOUND' } });
  });
});

const CREATE = 'mutation($i: CreateCourseInput!) { createCourse(input: $i) { id title summary kind minutes topics { topic { id } weight source } } }';
const UPDATE = 'mutation($id: ID!, $i: UpdateCourseInput!) { updateCourse(id: $id, input: $i) { id title minutes kind } }';
const course = {
  id: 'course-new',
  title: '民主集中制',
  summary: '讲解民主集中制的基本原则。',
  kind: 'LESSON',
  minutes: 40,
  topics: [{ topicId: 'constitution.basics', weight: 0.8 }],
};

describe('createCourse / updateCourse', () => {
  it('creates a course with manual tags', async () => {
    const r = await t.as('cadmin')(CREATE, { i: course });
    expect(r.body).toMatchInlineSnapshot(`
      {
        "data": {
          "createCourse": {
            "id": "course-new",
            "kind": "LESSON",
            "minutes": 40,
            "summary": "讲解民主集中制的基本原则。",
            "title": "民主集中制",
            "topics": [
              {
                "source": "MANUAL",
                "topic": {
                  "id": "constitution.basics",
                },
                "weight": 0.8,
              },
            ],
          },
        },
      }
    `);
    expect((await t.store.getCoursesByIds(['course-new']))[0]).toMatchObject({ title: '民主集中制', minutes: 40 });
  });

  const BAD: [string, Record<string, unknown>, string, string | undefined][] = [
    ['an empty title', { title: '' }, 'BAD_USER_INPUT', 'title'],
    ['an over-long summary', { summary: '字'.repeat(2001) }, 'BAD_USER_INPUT', 'summary'],
    ['negative minutes', { minutes: -1 }, 'BAD_USER_INPUT', 'minutes'],
    ['a weight above 1', { topics: [{ topicId: 'constitution.basics', weight: 2 }] }, 'BAD_USER_INPUT', 'topics[0].weight'],
    ['an unknown topic', { topics: [{ topicId: 'nope', weight: 0.5 }] }, 'NOT_FOUND', undefined],
  ];
  it.each(BAD)('rejects %s and writes nothing', async (_d, patch, code, field) => {
    const r = await t.as('uadmin')(CREATE, { i: { ...course, id: 'course-bad', ...patch } });
    expect(r.body.errors[0].extensions.code).toBe(code);
    if (field) expect(r.body.errors[0].extensions.field).toBe(field);
    expect(await t.store.getCoursesByIds(['course-bad'])).toEqual([]);
  });

  it('updates only the given fields', async () => {
    const r = await t.as('uadmin')(UPDATE, { id: 'course-new', i: { minutes: 45 } });
    expect(r.body).toEqual({ data: { updateCourse: { id: 'course-new', title: '民主集中制', minutes: 45, kind: 'LESSON' } } });
  });

  it('rejects a bad update and keeps the course', async () => {
    const r = await t.as('uadmin')(UPDATE, { id: 'course-new', i: { title: '题'.repeat(101), minutes: 5 } });
    expect(r.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'title' });
    expect((await t.store.getCoursesByIds(['course-new']))[0]).toMatchObject({ title: '民主集中制', minutes: 45 });
  });

  it('names an unknown course on update', async () => {
    const r = await t.as('uadmin')(UPDATE, { id: 'course-404', i: { minutes: 5 } });
    expect(r.body.errors[0].message).toBe('Course "course-404" not found');
  });
});
