import type { ReactNode } from 'react';

/** What to show when there is nothing yet: a sentence saying what to do next, and optionally the action. */
export function EmptyState({ children, action }: { children: ReactNode; action?: ReactNode }) {
  return (
    <div className="state state-empty">
      <p>{children}</p>
      {action}
    </div>
  );
}
