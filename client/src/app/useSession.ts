import { useSyncExternalStore } from 'react';
import { readSession, subscribeSession, type Session } from './session';

/** The signed-in person (or null); re-renders on sign-in and sign-out. */
export function useSession(): Session | null {
  return useSyncExternalStore(subscribeSession, readSession);
}
