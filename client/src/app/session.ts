/**
 * Who is signed in, for navigation only. The API trusts the session cookie (HttpOnly: no script,
 * this one included, can read it); nothing secret is kept here, and nothing at all in localStorage.
 * After a reload the app asks the API who the cookie belongs to (`restoreSession`).
 */
export type Role = 'MEMBER' | 'COMMITTEE_MEMBER' | 'SECRETARY' | 'COMMITTEE_ADMIN' | 'UNIVERSITY_ADMIN';

export interface Session {
  memberId: string;
  name: string;
  role: Role;
  branchId: string | null;
  committeeId: string | null;
}

/** Where earlier versions kept a bearer token; removed on start so no token stays behind. */
const LEGACY_KEY = 'hongtu.session';
type Listener = () => void;
const listeners = new Set<Listener>();
/** undefined until the API has said whether the cookie signs someone in. */
let cached: Session | null | undefined;

/** The signed-in person, or null when signed out (or not yet known: see `sessionKnown`). */
export function readSession(): Session | null {
  return cached ?? null;
}

/** False until `restoreSession` has asked the API (pages wait so as not to flash the sign-in page). */
export function sessionKnown(): boolean {
  return cached !== undefined;
}

/** Set (or with null, clear) the signed-in person and notify subscribers. */
export function writeSession(s: Session | null): void {
  cached = s;
  if (s) expiredNotice = false;
  for (const l of listeners) l();
}

let restoring: Promise<void> | null = null;

/** Ask the API once who the session cookie belongs to (`fetchViewer` answers null when no one). */
export function restoreSession(fetchViewer: () => Promise<Session | null>): Promise<void> {
  try {
    localStorage.removeItem(LEGACY_KEY);
  } catch {
    /* storage unavailable */
  }
  restoring ??= fetchViewer().then(
    (s) => {
      if (cached === undefined) writeSession(s);
    },
    () => {
      if (cached === undefined) writeSession(null);
    },
  );
  return restoring;
}

/** Set by `expireSession`, cleared when someone signs in (`writeSession`). */
let expiredNotice = false;

/** Sign out because the API no longer accepts the session; the sign-in page then says why. */
export function expireSession(): void {
  expiredNotice = true;
  writeSession(null);
}

/**
 * Whether the last sign-out was the API's (`expireSession`), so the sign-in page can explain it; true until
 * someone signs in. Reading it changes nothing: React may render a page more than once before showing it
 * (a render it set aside and began again), and a notice taken by the first render was lost to the shown one.
 */
export function sessionExpiredNotice(): boolean {
  return expiredNotice;
}

/** Subscribe to sign-in/sign-out; returns the unsubscribe function. */
export function subscribeSession(l: Listener): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

/** Which top-level pages a role may open; the API enforces scope regardless. */
export function navFor(s: Session): ('home' | 'branch' | 'network' | 'dashboard' | 'todo' | 'notices' | 'appraisal' | 'accounts' | 'rules')[] {
  switch (s.role) {
    case 'SECRETARY':
    case 'COMMITTEE_MEMBER':
      return s.role === 'SECRETARY' ? ['todo', 'branch', 'home', 'network', 'notices', 'appraisal'] : ['home', 'branch', 'notices', 'appraisal'];
    case 'COMMITTEE_ADMIN':
    case 'UNIVERSITY_ADMIN':
      return ['dashboard', 'network', 'home', 'notices', 'accounts', 'rules'];
    default:
      return ['home', 'notices', 'appraisal'];
  }
}

/** Where a role lands after signing in. */
export function landingFor(s: Session): 'home' | 'dashboard' | 'branch' | 'todo' {
  if (s.role === 'COMMITTEE_ADMIN' || s.role === 'UNIVERSITY_ADMIN') return 'dashboard';
  // The secretary's landing page is the work queue (待办).
  if (s.role === 'SECRETARY') return 'todo';
  return 'home';
}
