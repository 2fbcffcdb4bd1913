/**
 * Read-your-writes for a transaction run on behalf of several callers (a group commit): the joined scope reads
 * after every caller's bookmarks, and its new bookmark goes to each caller. Uses the driver's own bookmark
 * managers (no server needed).
 */
import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { currentCausalScope, withCausalScope, withCausalScopes } from '../causal';
import { Executor, joinBookmarkManagers } from './executor';

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

  it('the executor hands each scope its own bookmarks, a joined scope all of its callers\u2019, and code outside any scope the process\u2019s', async () => {
    // The driver connects on first use only: nothing here reaches a server.
    const ex = new Executor({ uri: 'neo4j://127.0.0.1:1', user: 'neo4j', password: 'x', database: 'neo4j' });
    try {
      // biome-ignore lint/complexity/useLiteralKeys: element access reaches the executor's private choice of manager
      const managerNow = () => ex['bookmarkManager']();
      const processBm = managerNow();
      expect(managerNow()).toBe(processBm);
      const a = withCausalScope('caller:a', managerNow);
      const b = withCausalScope('caller:b', managerNow);
      expect(withCausalScope('caller:a', managerNow)).toBe(a);
      expect(a).not.toBe(b);
      expect(a).not.toBe(processBm);
      await a.updateBookmarks([], ['bm:a']);
      await b.updateBookmarks([], ['bm:b']);
      const joined = withCausalScopes(['caller:a', 'caller:b'], managerNow);
      expect(new Set(await joined.getBookmarks())).toEqual(new Set(['bm:a', 'bm:b']));
      await joined.updateBookmarks(['bm:a', 'bm:b'], ['bm:batch']);
      expect([...(await a.getBookmarks())]).toEqual(['bm:batch']);
      expect([...(await b.getBookmarks())]).toEqual(['bm:batch']);
      expect([...(await processBm.getBookmarks())]).toEqual([]);
    } finally {
      await ex.close();
    }
  });
});
