/** MANUAL vs AUTO topic tags on courses, questions and meetings: auto never overwrites manual. */
import { describe, expect, it } from 'vitest';
import type { TopicTag } from '../model';
import type { GetStore } from './index';
import { auto, expectCode, manual, snapshot, T0 } from './fixtures';

const sorted = (tags: TopicTag[]) => [...tags].sort((a, b) => a.topicId.localeCompare(b.topicId));

export function tagsContract(get: GetStore): void {
  describe('topic tags', () => {
    it('replaceAutoTags replaces AUTO tags and never touches or shadows MANUAL ones', async () => {
      const s = get();
      await s.replaceAutoTags('Course', 'k-01', [auto('constitution.rights', 0.6, 0.8), auto('constitution.duties', 0.9, 0.9)]);
      let [c] = await s.getCoursesByIds(['k-01']);
      expect(sorted(c.topics)).toEqual([manual('constitution.duties'), auto('constitution.rights', 0.6, 0.8)]);
      await s.replaceAutoTags('Course', 'k-01', [auto('history.founding', 0.4, 0.5)]);
      [c] = await s.getCoursesByIds(['k-01']);
      expect(sorted(c.topics)).toEqual([manual('constitution.duties'), auto('history.founding', 0.4, 0.5)]);
      await s.replaceAutoTags('Course', 'k-01', []);
      [c] = await s.getCoursesByIds(['k-01']);
      expect(c.topics).toEqual([manual('constitution.duties')]);
    });

    it('setManualTags replaces MANUAL tags and wins over an AUTO tag on the same topic', async () => {
      const s = get();
      await s.replaceAutoTags('Question', 'q-01', [auto('constitution.rights', 0.5, 0.7), auto('history.founding', 0.3, 0.6)]);
      await s.setManualTags('Question', 'q-01', [manual('constitution.rights', 0.7)]);
      const [q] = await s.getQuestionsByIds(['q-01']);
      expect(sorted(q.topics)).toEqual([manual('constitution.rights', 0.7), auto('history.founding', 0.3, 0.6)]);
    });

    it('tags meetings through DISCUSSED the same way', async () => {
      const s = get();
      await s.createMeeting({ id: 'mt-1', branchId: 'b-1', kind: 'PARTY_LECTURE', title: '党课', at: T0, minutes: 60, record: '学习党章', topics: [manual('constitution')] });
      await s.replaceAutoTags('Meeting', 'mt-1', [auto('constitution.duties', 0.8, 0.9), auto('constitution', 0.2, 0.5)]);
      const [m] = await s.getMeetingsByIds(['mt-1']);
      expect(sorted(m.topics)).toEqual([manual('constitution'), auto('constitution.duties', 0.8, 0.9)]);
    });

    it('rejects unknown items or topics with NOT_FOUND and writes nothing', async () => {
      const s = get();
      const before = await snapshot(s);
      await expectCode(s.replaceAutoTags('Course', 'nope', [auto('history', 1, 1)]), 'NOT_FOUND', /nope/);
      await expectCode(s.setManualTags('Question', 'q-01', [manual('history'), manual('nope-topic')]), 'NOT_FOUND', /nope-topic/);
      await expectCode(s.replaceAutoTags('Meeting', 'mt-404', []), 'NOT_FOUND', /mt-404/);
      expect((await s.getQuestionsByIds(['q-01']))[0].topics).toEqual([manual('constitution.duties')]);
      expect(await snapshot(s)).toEqual(before);
    });
  });
}
