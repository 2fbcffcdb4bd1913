/**
 * Hash routes (`#/branches/b-1`), so deep links work whatever the server does with unknown paths.
 * Pure parsing and formatting; `useRoute` subscribes to changes.
 */
export type Route =
  | { name: 'root' }
  | { name: 'signin' }
  | { name: 'account' }
  | { name: 'accounts' }
  | { name: 'home' }
  | { name: 'portrait'; id: string }
  | { name: 'branch'; id: string }
  | { name: 'course'; id: string }
  | { name: 'network'; root: string | null }
  | { name: 'dashboard'; id: string | null }
  | { name: 'benchNetwork'; nodes: number; allEdges?: boolean }
  | { name: 'todo' }
  | { name: 'meetings'; branchId: string }
  | { name: 'meetingNew'; branchId: string; kind: string | null; period: string | null }
  | { name: 'meeting'; id: string }
  | { name: 'pipeline'; memberId: string }
  | { name: 'dues'; memberId: string }
  | { name: 'affairs'; branchId: string }
  | { name: 'assessment'; branchId: string }
  | { name: 'notices' }
  | { name: 'appraisal' }
  | { name: 'appraisalRound'; id: string }
  | { name: 'talks'; memberId: string }
  | { name: 'record'; memberId: string }
  | { name: 'profiles'; memberId: string }
  | { name: 'calendar'; branchId: string }
  | { name: 'rules' }
  | { name: 'bulkTransfers' }
  | { name: 'notFound'; path: string };

/** Parse `#/path?query` into a Route; unknown paths become `notFound`. */
export function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#/, '') || '/';
  const [path, query = ''] = raw.split('?');
  const q = new URLSearchParams(query);
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  const [head, id] = parts;
  if (parts.length === 0) return { name: 'root' };
  if (head === 'signin' && parts.length === 1) return { name: 'signin' };
  if (head === 'account' && parts.length === 1) return { name: 'account' };
  if (head === 'admin' && id === 'accounts' && parts.length === 2) return { name: 'accounts' };
  if (head === 'me' && parts.length === 1) return { name: 'home' };
  if (head === 'members' && id && parts.length === 2) return { name: 'portrait', id };
  if (head === 'branches' && id && parts.length === 2) return { name: 'branch', id };
  if (head === 'courses' && id && parts.length === 2) return { name: 'course', id };
  if (head === 'network' && parts.length === 1) return { name: 'network', root: q.get('root') };
  if (head === 'dashboard' && parts.length <= 2) return { name: 'dashboard', id: id ?? null };
  if (head === 'todo' && parts.length === 1) return { name: 'todo' };
  if (head === 'branches' && id && parts[2] === 'meetings' && parts.length === 3) return { name: 'meetings', branchId: id };
  if (head === 'branches' && id && parts[2] === 'meetings' && parts[3] === 'new' && parts.length === 4) {
    return { name: 'meetingNew', branchId: id, kind: q.get('kind'), period: q.get('period') };
  }
  if (head === 'meetings' && id && parts.length === 2) return { name: 'meeting', id };
  if (head === 'members' && id && parts[2] === 'pipeline' && parts.length === 3) return { name: 'pipeline', memberId: id };
  if (head === 'members' && id && parts[2] === 'dues' && parts.length === 3) return { name: 'dues', memberId: id };
  if (head === 'branches' && id && parts[2] === 'affairs' && parts.length === 3) return { name: 'affairs', branchId: id };
  if (head === 'branches' && id && parts[2] === 'assessment' && parts.length === 3) return { name: 'assessment', branchId: id };
  if (head === 'notices' && parts.length === 1) return { name: 'notices' };
  if (head === 'appraisal' && parts.length === 1) return { name: 'appraisal' };
  if (head === 'appraisal' && id && parts.length === 2) return { name: 'appraisalRound', id };
  if (head === 'members' && id && parts[2] === 'talks' && parts.length === 3) return { name: 'talks', memberId: id };
  if (head === 'members' && id && parts[2] === 'record' && parts.length === 3) return { name: 'record', memberId: id };
  if (head === 'members' && id && parts[2] === 'profiles' && parts.length === 3) return { name: 'profiles', memberId: id };
  if (head === 'branches' && id && parts[2] === 'calendar' && parts.length === 3) return { name: 'calendar', branchId: id };
  if (head === 'rules' && parts.length === 1) return { name: 'rules' };
  if (head === 'transfers' && id === 'bulk' && parts.length === 2) return { name: 'bulkTransfers' };
  if (head === 'bench' && id === 'network') {
    const n = Number(q.get('nodes') ?? 2000);
    return { name: 'benchNetwork', nodes: Number.isFinite(n) && n > 0 ? Math.min(n, 20000) : 2000, ...(q.get('edges') === 'all' ? { allEdges: true } : {}) };
  }
  return { name: 'notFound', path };
}

/** The href for a route, e.g. `#/members/m-17`. */
export function hrefFor(route: Route): string {
  const enc = encodeURIComponent;
  switch (route.name) {
    case 'root':
      return '#/';
    case 'signin':
      return '#/signin';
    case 'account':
      return '#/account';
    case 'accounts':
      return '#/admin/accounts';
    case 'home':
      return '#/me';
    case 'portrait':
      return `#/members/${enc(route.id)}`;
    case 'branch':
      return `#/branches/${enc(route.id)}`;
    case 'course':
      return `#/courses/${enc(route.id)}`;
    case 'network':
      return route.root ? `#/network?root=${enc(route.root)}` : '#/network';
    case 'dashboard':
      return route.id ? `#/dashboard/${enc(route.id)}` : '#/dashboard';
    case 'benchNetwork':
      return `#/bench/network?nodes=${route.nodes}${route.allEdges ? '&edges=all' : ''}`;
    case 'todo':
      return '#/todo';
    case 'meetings':
      return `#/branches/${enc(route.branchId)}/meetings`;
    case 'meetingNew': {
      const q = new URLSearchParams();
      if (route.kind) q.set('kind', route.kind);
      if (route.period) q.set('period', route.period);
      const qs = q.toString();
      return `#/branches/${enc(route.branchId)}/meetings/new${qs ? `?${qs}` : ''}`;
    }
    case 'meeting':
      return `#/meetings/${enc(route.id)}`;
    case 'pipeline':
      return `#/members/${enc(route.memberId)}/pipeline`;
    case 'appraisal':
      return '#/appraisal';
    case 'appraisalRound':
      return `#/appraisal/${enc(route.id)}`;
    case 'talks':
      return `#/members/${enc(route.memberId)}/talks`;
    case 'record':
      return `#/members/${enc(route.memberId)}/record`;
    case 'profiles':
      return `#/members/${enc(route.memberId)}/profiles`;
    case 'dues':
      return `#/members/${enc(route.memberId)}/dues`;
    case 'affairs':
      return `#/branches/${enc(route.branchId)}/affairs`;
    case 'assessment':
      return `#/branches/${enc(route.branchId)}/assessment`;
    case 'notices':
      return '#/notices';
    case 'calendar':
      return `#/branches/${enc(route.branchId)}/calendar`;
    case 'rules':
      return '#/rules';
    case 'bulkTransfers':
      return '#/transfers/bulk';
    case 'notFound':
      return `#${route.path}`;
  }
}

/** Navigate programmatically (adds a history entry, like a link). */
export function navigate(route: Route): void {
  window.location.hash = hrefFor(route);
}
