import { useSyncExternalStore } from 'react';
import { readSession, sessionKnown, subscribeSession, type Session } from './session';

/** The signed-in person (or null); re-renders on sign-in and sign-out. */
export function useSession(): Session | null {
  return useSyncExternalStore(subscribeSession, readSession);
}

/** False until the app knows whether the session cookie signs someone in. */
export function useSessionKnown(): boolean {
  return useSyncExternalStore(subscribeSession, sessionKnown);
}
