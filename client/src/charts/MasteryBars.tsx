import { clamp01, masteryColor } from './heat-scale';

export interface MasteryBar {
  key: string;
  label: string;
  /** 0..1 */
  value: number;
  /** Stage requirement 0..1, drawn as a tick; null when none. */
  required?: number | null;
  /** A second value (e.g. branch average), drawn as a thin bar under the main one. */
  compare?: number | null;
}

/**
 * Horizontal bars, one per area, with the requirement as a tick. Text labels stay in HTML-like SVG text
 * and every bar has a <title>, so screen readers get the numbers too.
 */
export function MasteryBars({
  bars,
  format,
  requiredLabel,
  compareLabel,
}: {
  bars: MasteryBar[];
  format: (v: number) => string;
  requiredLabel: (v: string) => string;
  compareLabel?: string;
}) {
  const row = 30;
  const labelW = 92;
  const w = 360;
  const barW = w - labelW - 44;
  const h = bars.length * row + 6;
  return (
    <svg className="chart" viewBox={`0 0 ${w} ${h}`} role="list">
      {bars.map((b, i) => {
        const y = i * row + 4;
        const req = b.required ?? null;
        return (
          // biome-ignore lint/a11y/noInteractiveElementToNoninteractiveRole: an SVG group has no list element; the role names each bar for screen readers
          <g key={b.key} role="listitem" aria-label={`${b.label} ${format(b.value)}${req !== null ? `，${requiredLabel(format(req))}` : ''}`}>
            <title>{`${b.label}: ${format(b.value)}${req !== null ? ` (${requiredLabel(format(req))})` : ''}${b.compare != null && compareLabel ? ` · ${compareLabel} ${format(b.compare)}` : ''}`}</title>
            <text x={0} y={y + 13}>
              {b.label}
            </text>
            <rect x={labelW} y={y + 2} width={barW} height={14} rx={3} fill="#eceff1" />
            <rect x={labelW} y={y + 2} width={barW * clamp01(b.value)} height={14} rx={3} fill={masteryColor(b.value, req)} />
            {b.compare != null ? <rect x={labelW} y={y + 18} width={barW * clamp01(b.compare)} height={4} rx={2} fill="#90a4ae" /> : null}
            {req !== null ? <line x1={labelW + barW * clamp01(req)} x2={labelW + barW * clamp01(req)} y1={y} y2={y + 20} stroke="#263238" strokeWidth={2} /> : null}
            <text x={labelW + barW + 6} y={y + 13}>
              {format(b.value)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
