/**
 * "Last used" stamps (access tokens, browser sessions) written beside the request instead of in it:
 * the request does not wait for a write transaction (on Kuzu, the single writer may be busy with a
 * group commit or an outbox pass), and a token used by many requests at once is stamped once.
 * A stamp that fails is dropped: the next use after the interval writes one again.
 */
const inFlight = new Set<string>();

/** Start `write` unless a write for `key` is still under way; never throws, never waits. */
export function touchLater(key: string, write: () => Promise<void>): void {
  if (inFlight.has(key)) return;
  inFlight.add(key);
  void write()
    .catch(() => undefined)
    .finally(() => inFlight.delete(key));
}
