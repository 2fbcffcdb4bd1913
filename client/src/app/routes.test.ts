import { describe, expect, it } from 'vitest';
import { hrefFor, parseRoute, type Route } from './routes';

describe('routes', () => {
  it('round-trips every route through its href', () => {
    const routes: Route[] = [
      { name: 'root' },
      { name: 'signin' },
      { name: 'accounts' },
      { name: 'home' },
      { name: 'portrait', id: 'm-17' },
      { name: 'branch', id: 'b 1' },
      { name: 'network', root: 'branch:b-1' },
      { name: 'network', root: null },
      { name: 'dashboard', id: null },
      { name: 'dashboard', id: 'c-1' },
      { name: 'benchNetwork', nodes: 2000 },
      { name: 'todo' },
      { name: 'meetings', branchId: 'b-1' },
      { name: 'assessment', branchId: 'b-1' },
      { name: 'meeting', id: 'mt-1' },
      { name: 'meetingNew', branchId: 'b-1', kind: 'THEME_DAY', period: '2026-12' },
      { name: 'meetingNew', branchId: 'b-1', kind: null, period: null },
      { name: 'record', memberId: 'm-1' },
      { name: 'profiles', memberId: 'm 2' },
      { name: 'calendar', branchId: 'b-1' },
      { name: 'rules' },
      { name: 'bulkTransfers' },
    ];
    for (const r of routes) expect(parseRoute(hrefFor(r))).toEqual(r);
  });

  it('sends unknown paths to notFound', () => {
    expect(parseRoute('#/nowhere/x')).toEqual({ name: 'notFound', path: '/nowhere/x' });
  });
});
