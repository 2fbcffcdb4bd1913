import { useSyncExternalStore } from 'react';
import { parseRoute, type Route } from './routes';

function subscribe(cb: () => void) {
  window.addEventListener('hashchange', cb);
  return () => window.removeEventListener('hashchange', cb);
}

/** The current hash route; re-renders on navigation. */
export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  // Parsing is cheap and Route is a plain object; memoising on the hash string keeps identity stable enough.
  return parseRoute(hash);
}
