import type { ReactNode } from 'react';

/**
 * A horizontally scrollable box for a wide table: focusable and named, so keyboard users can scroll it and
 * screen readers announce what it holds.
 */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take focus so that keyboard users can scroll it
    <div className="table-wrap" tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}
