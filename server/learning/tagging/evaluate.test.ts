/**
 * Tagging quality on the hand-written curriculum with the offline lexical embedder: topic
 * representations are built without the held-out courses and questions (seeds/curriculum/index.ts),
 * which are then tagged. Thresholds sit well above chance (1/8 for areas, 1/64 for subtopics) and
 * below the measured figures, so the test guards against regressions, not against noise.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateTagging, parseAreaLabeled } from './evaluate';

const AREA_LABELED = path.resolve(__dirname, '../../../test/fixtures/area-labeled-courses.tsv');

describe('evaluateTagging (lexical embedder, held-out curriculum)', () => {
  it('tags held-out courses and questions far above chance', async () => {
    const ev = await evaluateTagging({ areaLabeled: parseAreaLabeled(fs.readFileSync(AREA_LABELED, 'utf8')) });
    expect(ev.embedderId).toBe('lexical-v1/2048');
    expect(ev.chanceAreaP1).toBe(0.125);
    const courses = ev.byKind.Course!;
    expect(courses.n).toBeGreaterThan(20);
    expect(courses.primaryAreaP1).toBeGreaterThanOrEqual(0.85);
    expect(courses.topicP1).toBeGreaterThanOrEqual(0.6);
    const questions = ev.byKind.Question!;
    expect(questions.n).toBeGreaterThan(20);
    expect(questions.areaP1).toBeGreaterThanOrEqual(0.7);
    expect(questions.topicP3).toBeGreaterThan(questions.topicP1 / 3);
    // Texts written apart from the curriculum, labelled by area only.
    expect(ev.areaLabeled!.n).toBe(40);
    expect(ev.areaLabeled!.areaP1).toBeGreaterThanOrEqual(0.85);
  });
});
