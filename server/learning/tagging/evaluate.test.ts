/**
 * Tagging quality with the offline lexical embedder. Development split: the curriculum's held-out
 * courses and questions (seeds/curriculum/index.ts; the settings were chosen on the curriculum, so these
 * figures are not independent). Test split: test/fixtures/tagging-test-items.tsv, written after the
 * settings were frozen (frozen-settings.ts), one item per subtopic. Thresholds sit well above chance
 * (1/8 for areas, 1/64 for subtopics) and below the measured figures, so the test guards against
 * regressions, not against noise. A planted mislabel is caught by the label check; the fixtures have none.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LexicalEmbedder } from '../embed/lexical-embedder';
import { evaluateTagging, parseAreaLabeled, parseTestItems, suspectLabels } from './evaluate';
import { loadCorpusFromSeeds } from './seeds-corpus';
import { indexCorpus } from './topic-tagger';

const FIXTURES = path.resolve(__dirname, '../../../test/fixtures');
const areaLabeled = parseAreaLabeled(fs.readFileSync(path.join(FIXTURES, 'area-labeled-courses.tsv'), 'utf8'));
const testItems = parseTestItems(fs.readFileSync(path.join(FIXTURES, 'tagging-test-items.tsv'), 'utf8'));

describe('evaluateTagging (lexical embedder)', () => {
  it('tags held-out courses and questions and the frozen test split far above chance, main label and any label', async () => {
    const ev = await evaluateTagging({ areaLabeled, testItems });
    expect(ev.embedderId).toBe('lexical-v1/2048');
    expect(ev.chanceAreaP1).toBe(0.125);
    const courses = ev.byKind.Course!;
    expect(courses.n).toBeGreaterThan(20);
    expect(courses.primaryAreaP1).toBeGreaterThanOrEqual(0.85);
    expect(courses.topicP1).toBeGreaterThanOrEqual(0.6);
    const questions = ev.byKind.Question!;
    expect(questions.n).toBeGreaterThan(20);
    expect(questions.areaP1).toBeGreaterThanOrEqual(0.7);
    // Any label counts at least as often as the main label alone.
    for (const f of [courses, questions]) {
      expect(f.areaP1).toBeGreaterThanOrEqual(f.primaryAreaP1);
      expect(f.topicP1).toBeGreaterThanOrEqual(f.primaryTopicP1);
    }
    expect(questions.topicP3).toBeGreaterThan(questions.topicP1 / 3);
    // Texts written apart from the curriculum, labelled by area only.
    expect(ev.areaLabeled!.n).toBe(40);
    expect(ev.areaLabeled!.areaP1).toBeGreaterThanOrEqual(0.85);
    // The frozen test split: one item per subtopic, per-area counts add up to the items.
    const test = ev.test!;
    expect(test.n).toBe(64);
    expect(test.perArea.reduce((s, a) => s + a.labelled, 0)).toBe(64);
    expect(test.perArea.reduce((s, a) => s + a.predicted, 0)).toBe(64);
    expect(test.perArea.map((a) => a.area)).toHaveLength(8);
    expect(test.primaryAreaP1).toBeGreaterThanOrEqual(0.6);
    expect(test.primaryTopicP1).toBeGreaterThan(0.2);
  });

  it('flags a planted mislabel and no label of the fixtures or the test split', async () => {
    const embedder = new LexicalEmbedder();
    const corpus = loadCorpusFromSeeds();
    const index = await indexCorpus(embedder, corpus);
    const items = testItems.map((item) => ({ ...item }));
    // The oath item relabelled as a topic of international affairs.
    const k = items.findIndex((i) => i.tags[0].topicId === 'admission.oath');
    items[k] = { ...items[k], tags: [{ topicId: 'affairs.international', weight: 1 }] };
    const xs = await embedder.embed(items.map((i) => i.text));
    const flagged = suspectLabels(
      index,
      items.map((item, j) => ({ item, vector: xs[j] })),
    );
    expect(flagged.map((f) => f.id)).toEqual([items[k].id]);
    expect(flagged[0].label).toBe('affairs.international');
    const ys = await embedder.embed(areaLabeled.map((x) => x.text));
    const leaf = (area: string) => corpus.topics.find((t) => t.area === area && t.parentId !== null)!.id;
    const byArea = areaLabeled.map((x, j) => ({ item: { kind: 'Course' as const, id: `area-${j}`, text: x.text, tags: [{ topicId: leaf(x.area), weight: 1 }] }, vector: ys[j] }));
    expect(suspectLabels(index, byArea, 2, 0)).toEqual([]);
  });
});
