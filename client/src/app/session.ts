/**
 * The signed-in demo person, kept in localStorage so a reload stays signed in.
 * The token is what the API trusts; the other fields only drive navigation.
 */
export type Role = 'MEMBER' | 'COMMITTEE_MEMBER' | 'SECRETARY' | 'COMMITTEE_ADMIN' | 'UNIVERSITY_ADMIN';

export interface Session {
  token: string;
  memberId: string;
  name: string;
  role: Role;
  branchId: string | null;
  committeeId: string | null;
}

const KEY = 'hongtu.session';
type Listener = () => void;
const listeners = new Set<Listener>();
let cached: Session | null | undefined;

/** The stored session, or null when signed out. */
export function readSession(): Session | null {
  if (cached !== undefined) return cached;
  try {
    const raw = localStorage.getItem(KEY);
    cached = raw ? (JSON.parse(raw) as Session) : null;
  } catch {
    cached = null;
  }
  return cached;
}

/** Store (or with null, clear) the session and notify subscribers. */
export function writeSession(s: Session | null): void {
  cached = s;
  if (s) localStorage.setItem(KEY, JSON.stringify(s));
  else localStorage.removeItem(KEY);
  listeners.forEach((l) => l());
}

let expiredNotice = false;

/** Sign out because the API no longer accepts the token; the sign-in page then says why (once). */
export function expireSession(): void {
  expiredNotice = true;
  writeSession(null);
}

/** True once after `expireSession`, so the sign-in page can explain the sudden sign-out. */
export function takeExpiredNotice(): boolean {
  const was = expiredNotice;
  expiredNotice = false;
  return was;
}

/** Subscribe to sign-in/sign-out; returns the unsubscribe function. */
export function subscribeSession(l: Listener): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

/** Which top-level pages a role may open; the API enforces scope regardless. */
export function navFor(s: Session): ('home' | 'branch' | 'network' | 'dashboard' | 'todo' | 'notices')[] {
  switch (s.role) {
    case 'SECRETARY':
    case 'COMMITTEE_MEMBER':
      return s.role === 'SECRETARY' ? ['todo', 'branch', 'home', 'network', 'notices'] : ['home', 'branch', 'notices'];
    case 'COMMITTEE_ADMIN':
    case 'UNIVERSITY_ADMIN':
      return ['dashboard', 'network', 'home', 'notices'];
    default:
      return ['home', 'notices'];
  }
}

/** Where a role lands after signing in. */
export function landingFor(s: Session): 'home' | 'dashboard' | 'branch' | 'todo' {
  if (s.role === 'COMMITTEE_ADMIN' || s.role === 'UNIVERSITY_ADMIN') return 'dashboard';
  // The secretary's landing page is the work queue (待办).
  if (s.role === 'SECRETARY') return 'todo';
  return 'home';
}
