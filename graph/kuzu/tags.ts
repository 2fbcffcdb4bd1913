/**
 * Topic tags: COVERS (Course), TESTS (Question), DISCUSSED (Meeting), each {weight, source, confidence}.
 * One edge per (item, topic). MANUAL tags win: an AUTO tag is never written on a topic that has a
 * MANUAL tag, and setting a MANUAL tag removes an AUTO one on the same topic.
 */
import type { TopicTag } from '../model';
import type { KuzuExecutor, Runner } from './executor';
import { requireIds } from './guards';
import { byKeys } from './keyed';
import { groupBy, toTag } from './mapping';

export type TaggedKind = 'Course' | 'Question' | 'Meeting';
const REL: Record<TaggedKind, string> = { Course: 'COVERS', Question: 'TESTS', Meeting: 'DISCUSSED' };

/** Query texts per kind, built once from the closed list above. */
const Q = Object.fromEntries(
  (Object.keys(REL) as TaggedKind[]).map((k) => {
    const pat = `(x:${k} {id: $id})-[e:${REL[k]}]->(t:Topic)`;
    return [
      k,
      {
        read: `MATCH (x:${k})-[e:${REL[k]}]->(t:Topic) WHERE x.id IN $ids RETURN x.id AS itemId, t.id AS topicId,
        e.weight AS weight, e.source AS source, e.confidence AS confidence`,
        readOne: `MATCH ${pat} RETURN x.id AS itemId, t.id AS topicId, e.weight AS weight, e.source AS source,
        e.confidence AS confidence`,
        dropSource: `MATCH ${pat} WHERE e.source = $source DELETE e`,
        dropTopics: `MATCH ${pat} WHERE t.id IN $topicIds DELETE e`,
        dropAll: `MATCH ${pat} DELETE e`,
        manualTopics: `MATCH ${pat} WHERE e.source = 'MANUAL' RETURN t.id AS topicId`,
        create: `MATCH (x:${k} {id: $id}), (t:Topic {id: $topicId})
        CREATE (x)-[:${REL[k]} {weight: $weight, source: $source, confidence: $confidence}]->(t)`,
      },
    ];
  }),
) as Record<TaggedKind, Record<'read' | 'readOne' | 'dropSource' | 'dropTopics' | 'dropAll' | 'manualTopics' | 'create', string>>;

const byWeight = (a: TopicTag, b: TopicTag) => b.weight - a.weight || a.topicId.localeCompare(b.topicId);

/** Tags of many items in one query, keyed by item id, heaviest first. */
export async function readTags(r: Runner, kind: TaggedKind, ids: string[]): Promise<Map<string, TopicTag[]>> {
  if (ids.length === 0) return new Map();
  const rows = await byKeys(r, ids, { one: Q[kind].readOne, many: Q[kind].read });
  const grouped = groupBy(rows, (x) => String(x.itemId));
  return new Map([...grouped].map(([id, rs]) => [id, rs.map(toTag).sort(byWeight)]));
}

function dedupe(tags: TopicTag[]): TopicTag[] {
  return [...new Map(tags.map((t) => [t.topicId, t])).values()];
}

/** Write tags as given (one per topic); topics must exist. */
export async function writeTags(tx: Runner, kind: TaggedKind, id: string, tags: TopicTag[]): Promise<void> {
  const list = dedupe(tags);
  await requireIds(
    tx,
    'Topic',
    list.map((t) => t.topicId),
  );
  for (const t of list) {
    await tx.run(Q[kind].create, { id, topicId: t.topicId, weight: t.weight, source: t.source, confidence: t.confidence });
  }
}

/** Replace every tag of an item (used when the item itself is upserted). */
export async function replaceAllTags(tx: Runner, kind: TaggedKind, id: string, tags: TopicTag[]): Promise<void> {
  await requireIds(
    tx,
    'Topic',
    tags.map((t) => t.topicId),
  );
  await tx.run(Q[kind].dropAll, { id });
  await writeTags(tx, kind, id, tags);
}

export async function replaceAutoTags(ex: KuzuExecutor, kind: TaggedKind, id: string, tags: TopicTag[]): Promise<void> {
  await ex.write(async (tx) => {
    await requireIds(tx, kind, [id]);
    await requireIds(
      tx,
      'Topic',
      tags.map((t) => t.topicId),
    );
    await tx.run(Q[kind].dropSource, { id, source: 'AUTO' });
    const manual = new Set((await tx.run(Q[kind].manualTopics, { id })).map((r) => String(r.topicId)));
    const auto = tags.filter((t) => !manual.has(t.topicId)).map((t) => ({ ...t, source: 'AUTO' as const }));
    await writeTags(tx, kind, id, auto);
  });
}

export async function setManualTags(ex: KuzuExecutor, kind: TaggedKind, id: string, tags: TopicTag[]): Promise<void> {
  await ex.write(async (tx) => {
    await requireIds(tx, kind, [id]);
    await requireIds(
      tx,
      'Topic',
      tags.map((t) => t.topicId),
    );
    await tx.run(Q[kind].dropSource, { id, source: 'MANUAL' });
    const manual = dedupe(tags).map((t) => ({ ...t, source: 'MANUAL' as const, confidence: 1 }));
    if (manual.length) await tx.run(Q[kind].dropTopics, { id, topicIds: manual.map((t) => t.topicId) });
    await writeTags(tx, kind, id, manual);
  });
}
