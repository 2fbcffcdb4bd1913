/**
 * Read-your-writes for a transaction run on behalf of several callers (a group commit): the joined scope reads
 * after every caller's bookmarks, and its new bookmark goes to each caller. Uses the driver's own bookmark
 * managers (no server needed).
 */
import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { currentCausalScope, withCausalScope, withCausalScopes } from '../causal';
import { joinBookmarkManagers } from './executor';

describe('joined causal scopes', () => {
  it('read after every caller and hand the new bookmark to each of them', async () => {
    const a = neo4j.bookmarkManager({ initialBookmarks: ['bm:a1'] });
    const b = neo4j.bookmarkManager({ initialBookmarks: ['bm:b1'] });
    const other = neo4j.bookmarkManager({ initialBookmarks: ['bm:o1'] });
    const joined = joinBookmarkManagers([a, b]);
    expect(new Set(await joined.getBookmarks())).toEqual(new Set(['bm:a1', 'bm:b1']));
    // What the driver does after the commit: the bookmarks it started from are replaced by the new one.
    await joined.updateBookmarks(await joined.getBookmarks(), ['bm:batch']);
    expect([...(await a.getBookmarks())]).toEqual(['bm:batch']);
    expect([...(await b.getBookmarks())]).toEqual(['bm:batch']);
    expect([...(await other.getBookmarks())]).toEqual(['bm:o1']);
  });

  it('keep a caller bookmark the joined transaction did not start from', async () => {
    const a = neo4j.bookmarkManager({ initialBookmarks: ['bm:a1'] });
    const b = neo4j.bookmarkManager();
    const joined = joinBookmarkManagers([a, b]);
    const started = [...(await joined.getBookmarks())];
    await a.updateBookmarks(['bm:a1'], ['bm:a2']); // a's own request committed meanwhile
    await joined.updateBookmarks(started, ['bm:batch']);
    expect(new Set(await a.getBookmarks())).toEqual(new Set(['bm:a2', 'bm:batch']));
    expect([...(await b.getBookmarks())]).toEqual(['bm:batch']);
  });

  it('withCausalScopes: one key is that caller\u2019s scope, several are joined, none is process-wide', () => {
    expect(withCausalScopes(['caller:x'], () => currentCausalScope())).toEqual({ key: 'caller:x' });
    expect(withCausalScopes(['caller:x', 'caller:y', 'caller:x'], () => currentCausalScope()?.keys)).toEqual(['caller:x', 'caller:y']);
    // Even when the batch is written from inside one caller's scope (a timer it started), no keys is no scope.
    expect(withCausalScope('caller:first', () => withCausalScopes([], () => currentCausalScope()))).toBeUndefined();
  });
});
