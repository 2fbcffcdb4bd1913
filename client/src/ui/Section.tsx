import { useId, type ReactNode } from 'react';

/** A titled card; the heading labels the region for screen readers. */
export function Section({ title, hint, actions, children, className }: { title: string; hint?: string; actions?: ReactNode; children: ReactNode; className?: string }) {
  const id = useId();
  return (
    <section className={`card ${className ?? ''}`} aria-labelledby={id}>
      <header className="card-head">
        <h2 id={id}>{title}</h2>
        {actions}
      </header>
      {hint ? <p className="hint">{hint}</p> : null}
      {children}
    </section>
  );
}
