import { clamp01 } from './heat-scale';

export interface BarSeries { key: string; label: string; color: string }
export interface BarGroup { key: string; label: string; href?: string; values: Record<string, number | null> }

/**
 * Vertical grouped bars of 0..1 ratios (e.g. meetings held/required, completion, mastery per branch).
 * Group labels are links when `href` is given, so a chart is also a way to navigate.
 */
export function GroupedBars({ groups, series, format, threshold }: {
  groups: BarGroup[]; series: BarSeries[]; format: (v: number) => string; threshold?: number;
}) {
  const bw = 16;
  const gap = 26;
  const gw = series.length * bw + gap;
  const h = 150;
  const top = 10;
  const labelH = 70;
  const w = Math.max(320, groups.length * gw + 40);
  const y = (v: number) => top + h - h * clamp01(v);
  return (
    <div className="table-wrap">
      <svg className="chart" viewBox={`0 0 ${w} ${top + h + labelH}`} style={{ maxWidth: w * 1.25, minWidth: Math.min(w, 640) }} role="img"
        aria-label={groups.map((g) => `${g.label}: ${series.map((s) => `${s.label} ${g.values[s.key] == null ? '—' : format(g.values[s.key]!)}`).join('，')}`).join('；')}>
        {[0, 0.5, 1].map((v) => (
          <g key={v}>
            <line className="axis" x1={24} x2={w} y1={y(v)} y2={y(v)} />
            <text x={0} y={y(v) + 4}>{format(v)}</text>
          </g>
        ))}
        {threshold !== undefined ? <line x1={24} x2={w} y1={y(threshold)} y2={y(threshold)} stroke="#e53935" strokeDasharray="4 3" /> : null}
        {groups.map((g, gi) => {
          const x0 = 30 + gi * gw;
          const label = g.label.length > 9 ? `${g.label.slice(0, 8)}…` : g.label;
          const text = <text x={0} y={0} transform={`translate(${x0 + 2} ${top + h + 10}) rotate(40)`}>{label}</text>;
          return (
            <g key={g.key}>
              {series.map((s, si) => {
                const v = g.values[s.key];
                if (v == null) return null;
                return (
                  <rect key={s.key} x={x0 + si * bw} y={Math.min(y(v), top + h - 2)} width={bw - 2} height={Math.max(2, top + h - y(v))} fill={s.color}>
                    <title>{`${g.label} · ${s.label}: ${format(v)}`}</title>
                  </rect>
                );
              })}
              {g.href ? <a href={g.href}>{text}</a> : text}
            </g>
          );
        })}
      </svg>
      <div className="legend">
        {series.map((s) => <span key={s.key}><i style={{ background: s.color }} />{s.label}</span>)}
      </div>
    </div>
  );
}
