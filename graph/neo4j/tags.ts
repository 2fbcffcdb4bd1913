/**
 * Topic tags: COVERS (Course), TESTS (Question), DISCUSSED (Meeting), each {weight, source, confidence}.
 * One edge per (item, topic). MANUAL tags win: an AUTO tag is never written on a topic that has a
 * MANUAL tag, and setting a MANUAL tag removes an AUTO one on the same topic.
 */
import type { TopicTag } from '../model';
import type { Executor, Tx } from './executor';
import { lastPerKey, requireIds } from './guards';
import type { TaggedKind } from './labels';
import { tagParams } from './mapping';
import { LOCK, TAG_Q } from './queries';

const onePerTopic = (tags: TopicTag[]) => lastPerKey(tags, (t) => t.topicId);

/** Replace every tag of an item (the item itself is being created or upserted); topics must exist. */
export async function replaceAllTags(tx: Tx, kind: TaggedKind, id: string, tags: TopicTag[]): Promise<void> {
  await requireIds(
    tx,
    'Topic',
    tags.map((t) => t.topicId),
  );
  await tx.write(TAG_Q[kind].deleteAll, { id });
  if (tags.length) await tx.write(TAG_Q[kind].create, { id, tags: tagParams(onePerTopic(tags)) });
}

export function replaceAutoTags(ex: Executor, kind: TaggedKind, id: string, tags: TopicTag[]): Promise<void> {
  return ex.write(async (tx) => {
    // The item's lock (it must exist): concurrent tag writes of one item take turns instead of interleaving.
    if ((await tx.rows(LOCK[kind], { id })).length === 0) await requireIds(tx, kind, [id]);
    await requireIds(
      tx,
      'Topic',
      tags.map((t) => t.topicId),
    );
    await tx.write(TAG_Q[kind].deleteBySource, { id, source: 'AUTO' });
    const auto = onePerTopic(tags).map((t) => ({ ...t, source: 'AUTO' as const }));
    // `create` skips topics that still carry a tag, i.e. the MANUAL ones.
    if (auto.length) await tx.write(TAG_Q[kind].create, { id, tags: tagParams(auto) });
  });
}

export function setManualTags(ex: Executor, kind: TaggedKind, id: string, tags: TopicTag[]): Promise<void> {
  return ex.write(async (tx) => {
    // The item's lock (it must exist): concurrent tag writes of one item take turns instead of interleaving.
    if ((await tx.rows(LOCK[kind], { id })).length === 0) await requireIds(tx, kind, [id]);
    await requireIds(
      tx,
      'Topic',
      tags.map((t) => t.topicId),
    );
    await tx.write(TAG_Q[kind].deleteBySource, { id, source: 'MANUAL' });
    const manual = onePerTopic(tags).map((t) => ({ ...t, source: 'MANUAL' as const, confidence: 1 }));
    if (manual.length === 0) return;
    await tx.write(TAG_Q[kind].deleteAutoFor, { id, topicIds: manual.map((t) => t.topicId) });
    await tx.write(TAG_Q[kind].create, { id, tags: tagParams(manual) });
  });
}
