import { clamp01 } from './heat-scale';

export interface BarSeries {
  key: string;
  label: string;
  color: string;
}
export interface BarGroup {
  key: string;
  label: string;
  href?: string;
  values: Record<string, number | null>;
}

/**
 * Grouped bars of 0..1 ratios (meetings held/required, attendance, completion, mastery per branch), drawn
 * horizontally in HTML: one row per group with its name in full and a thin bar plus the value per series.
 * Text stays at body size on a phone and the chart grows downwards with the number of branches, where a
 * scaled SVG shrank twelve branches' labels to unreadable 5 px. Group names are links when `href` is given.
 */
export function GroupedBars({ groups, series, format, label }: { groups: BarGroup[]; series: BarSeries[]; format: (v: number) => string; label: string }) {
  return (
    <div className="hbars" role="figure" aria-label={label}>
      <div className="legend" aria-hidden="true">
        {series.map((s) => (
          <span key={s.key}>
            <i style={{ background: s.color }} />
            {s.label}
          </span>
        ))}
      </div>
      <ul className="hbars-list">
        {groups.map((g) => (
          <li key={g.key} className="hbars-group" data-group={g.key}>
            <span className="hbars-name">{g.href ? <a href={g.href}>{g.label}</a> : g.label}</span>
            <ul className="hbars-bars" aria-label={g.label}>
              {series.map((s) => {
                const v = g.values[s.key];
                return (
                  <li key={s.key} className="hbars-bar" title={`${g.label} · ${s.label}: ${v == null ? '—' : format(v)}`}>
                    <span className="sr-only">{s.label}</span>
                    <span className="hbars-track" aria-hidden="true">
                      {v == null ? null : <span style={{ width: `${Math.max(0.5, clamp01(v) * 100)}%`, background: s.color }} />}
                    </span>
                    <span className="hbars-value">{v == null ? '—' : format(v)}</span>
                  </li>
                );
              })}
            </ul>
          </li>
        ))}
      </ul>
    </div>
  );
}
