/**
 * After a course or meeting record is created or edited, embed it and write its AUTO topic tags, so it
 * shows up in vector search and recommendations at once. Tagging improves an item; it is not part of
 * the write, so a failure is logged with the request id and the mutation still succeeds.
 */
import type { TagKind } from '../learning/tagging/retag-store';
import type { ApiContext } from './context';
import type { Session } from '../auth/session';

export async function tagAfterWrite(ctx: ApiContext, s: Session, kind: TagKind, id: string): Promise<void> {
  const tagger = ctx.deps.learning?.tagger;
  if (!tagger) return;
  try {
    await tagger.tagItems(s.store, kind, [id]);
  } catch (e) {
    s.log.warn(`[${ctx.requestId}] auto-tagging ${kind} "${id}" failed: ${(e as Error).message}`);
  }
  if (kind === 'Course') s.loaders.course.clear(id);
  if (kind === 'Meeting') s.loaders.meeting.clear(id);
}
