/**
 * A generated world read back for simulation: the curriculum (as the product sees it), each member's
 * observable history (what the product learns from) and hidden state (truth/mastery.csv and ability
 * from truth/members.csv — what the simulator alone may read), plus branch study counts and the
 * topics of each branch's meetings in the last 90 days before the world's reference date.
 */
import path from 'node:path';
import { readCsvObjects } from '../../../graph';
import type { AnswerEvent, Course, CourseKind, MemberKind, MemberStage, Question, StudyEvent, Topic, TopicTag } from '../../../graph';
import { buildCurriculumView, type CurriculumView, resolveTags } from '../mastery/curriculum-view';

export interface SimMember {
  id: string;
  stage: MemberStage;
  kind: MemberKind;
  branchId: string;
  ability: number;
  hidden: Map<string, number>;
  studies: StudyEvent[];
  answers: AnswerEvent[];
}

export interface SimWorld {
  view: CurriculumView;
  members: SimMember[];
  /** Study counts per course over the whole world (popularity baseline). */
  popularity: Map<string, number>;
  branchPopularity: Map<string, Map<string, number>>;
  branchTopics: Map<string, Map<string, number>>;
  referenceDate: number;
}

type Row = Record<string, string | null>;
async function rows(dir: string, file: string): Promise<Row[]> {
  const out: Row[] = [];
  for await (const r of readCsvObjects(path.join(dir, file))) out.push(r);
  return out;
}
const s = (r: Row, k: string) => r[k] ?? '';
const tag = (r: Row): TopicTag => ({ topicId: s(r, 'to'), weight: Number(r.weight), source: 'MANUAL', confidence: Number(r.confidence ?? 1) });
function group<T>(list: T[], key: (x: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of list) {
    const k = key(x);
    const l = m.get(k);
    if (l) l.push(x);
    else m.set(k, [x]);
  }
  return m;
}

/** Read a bulk directory written by generateWorld (with its truth/ side files). */
export async function readSimWorld(dir: string, opts: { memberLimit?: number; referenceDate: number }): Promise<SimWorld> {
  const [topicRows, subOf, preOf, courseRows, covers, questionRows, tests] = await Promise.all(
    ['Topic', 'SUBTOPIC_OF', 'PREREQUISITE_OF', 'Course', 'COVERS', 'Question', 'TESTS'].map((f) => rows(dir, `${f}.csv`)),
  );
  const parent = new Map(subOf.map((r) => [s(r, 'from'), s(r, 'to')]));
  const pre = group(preOf, (r) => s(r, 'to'));
  const topics: Topic[] = topicRows.map((r) => ({
    id: s(r, 'id'),
    name: s(r, 'name'),
    area: s(r, 'area') as Topic['area'],
    description: s(r, 'description'),
    parentId: parent.get(s(r, 'id')) ?? null,
    prerequisiteIds: (pre.get(s(r, 'id')) ?? []).map((x) => s(x, 'from')),
  }));
  const coverBy = group(covers, (r) => s(r, 'from'));
  const courses: Course[] = courseRows.map((r) => ({
    id: s(r, 'id'),
    title: s(r, 'title'),
    summary: s(r, 'summary'),
    kind: s(r, 'kind') as CourseKind,
    minutes: Number(r.minutes),
    topics: (coverBy.get(s(r, 'id')) ?? []).map(tag),
    createdAt: Number(r.createdAt),
    updatedAt: Number(r.updatedAt),
  }));
  const testBy = group(tests, (r) => s(r, 'from'));
  const questions: Question[] = questionRows.map((r) => ({
    id: s(r, 'id'),
    stem: s(r, 'stem'),
    options: JSON.parse(s(r, 'options')) as string[],
    answer: Number(r.answer),
    explanation: s(r, 'explanation'),
    difficulty: Number(r.difficulty),
    topics: (testBy.get(s(r, 'id')) ?? []).map(tag),
  }));
  const view = buildCurriculumView(topics, courses, questions);

  const [memberRows, belongs, truthMembers] = await Promise.all([rows(dir, 'Member.csv'), rows(dir, 'BELONGS_TO.csv'), rows(dir, 'truth/members.csv')]);
  const branchOf = new Map(belongs.map((r) => [s(r, 'from'), s(r, 'to')]));
  const ability = new Map(truthMembers.map((r) => [s(r, 'memberId'), Number(r.ability)]));
  const chosen = memberRows.slice(0, opts.memberLimit ?? memberRows.length);
  const wanted = new Set(chosen.map((r) => s(r, 'id')));
  const members = new Map<string, SimMember>(
    chosen.map((r) => [
      s(r, 'id'),
      {
        id: s(r, 'id'),
        stage: s(r, 'stage') as MemberStage,
        kind: s(r, 'kind') as MemberKind,
        branchId: branchOf.get(s(r, 'id')) ?? '',
        ability: ability.get(s(r, 'id')) ?? 0,
        hidden: new Map(),
        studies: [],
        answers: [],
      },
    ]),
  );
  for await (const r of readCsvObjects(path.join(dir, 'truth', 'mastery.csv'))) members.get(s(r, 'memberId'))?.hidden.set(s(r, 'topicId'), Number(r.p));

  const popularity = new Map<string, number>();
  const branchPopularity = new Map<string, Map<string, number>>();
  for await (const r of readCsvObjects(path.join(dir, 'STUDIED.csv'))) {
    const memberId = s(r, 'from'),
      courseId = s(r, 'to');
    popularity.set(courseId, (popularity.get(courseId) ?? 0) + 1);
    const b = branchOf.get(memberId) ?? '';
    const bp = branchPopularity.get(b) ?? new Map<string, number>();
    bp.set(courseId, (bp.get(courseId) ?? 0) + 1);
    branchPopularity.set(b, bp);
    if (wanted.has(memberId))
      members.get(memberId)!.studies.push({ id: s(r, 'id'), memberId, courseId, at: Number(r.at), seconds: Number(r.seconds), progress: Number(r.progress) });
  }
  for await (const r of readCsvObjects(path.join(dir, 'ANSWERED.csv'))) {
    const memberId = s(r, 'from');
    if (wanted.has(memberId))
      members.get(memberId)!.answers.push({ id: s(r, 'id'), memberId, questionId: s(r, 'to'), at: Number(r.at), correct: r.correct === 'true', seconds: Number(r.seconds) });
  }
  for (const m of members.values()) {
    m.studies.sort((a, b) => b.at - a.at);
    m.answers.sort((a, b) => b.at - a.at);
  }

  const [meetings, held, discussed] = await Promise.all([rows(dir, 'Meeting.csv'), rows(dir, 'HELD.csv'), rows(dir, 'DISCUSSED.csv')]);
  const recent = new Set(meetings.filter((r) => Number(r.at) >= opts.referenceDate - 90 * 86_400_000).map((r) => s(r, 'id')));
  const meetingBranch = new Map(held.map((r) => [s(r, 'to'), s(r, 'from')]));
  const branchTopics = new Map<string, Map<string, number>>();
  for (const [meetingId, tags] of group(
    discussed.filter((r) => recent.has(s(r, 'from'))),
    (r) => s(r, 'from'),
  )) {
    const b = meetingBranch.get(meetingId) ?? '';
    const bt = branchTopics.get(b) ?? new Map<string, number>();
    // The same resolution as the product's gap service (area tags spread over subtopics).
    for (const tw of resolveTags(tags.map(tag), view.topics, view.leavesByArea)) if (tw.weight >= 0.3) bt.set(tw.topicId, (bt.get(tw.topicId) ?? 0) + 1);
    branchTopics.set(b, bt);
  }
  return { view, members: [...members.values()], popularity, branchPopularity, branchTopics, referenceDate: opts.referenceDate };
}
