import type { Core } from 'cytoscape';

declare global {
  interface Window {
    cy?: Core;
  }
}

/** True in test builds (`vite build --mode test`) or when the page is opened with `?debug`. */
export function debugEnabled(): boolean {
  return import.meta.env.MODE === 'test' || new URLSearchParams(window.location.search).has('debug');
}

/**
 * Expose the live instance as `window.cy` for browser tests (they assert through it, as cytoscape's own
 * Playwright suite does). Returns the cleanup that removes it again.
 */
export function exposeDebugCy(cy: Core): () => void {
  if (!debugEnabled()) return () => {};
  window.cy = cy;
  return () => {
    if (window.cy === cy) delete window.cy;
  };
}
