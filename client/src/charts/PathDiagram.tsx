export interface PathStep {
  id: string;
  label: string;
  kind: 'member' | 'gap' | 'topic' | 'course';
}

const COLORS: Record<PathStep['kind'], string> = { member: '#546e7a', gap: '#e53935', topic: '#7e57c2', course: '#1565c0' };

/**
 * A recommendation's graph path (gap topic → prerequisite → course) as a small left-to-right chain.
 * Up to four steps per row; longer paths wrap.
 */
export function PathDiagram({ steps, label }: { steps: PathStep[]; label: string }) {
  if (steps.length === 0) return null;
  const perRow = Math.min(steps.length, 4);
  const cellW = 132;
  const rowH = 46;
  const rows = Math.ceil(steps.length / perRow);
  const w = perRow * cellW;
  const h = rows * rowH;
  const pos = (i: number) => ({ x: (i % perRow) * cellW + 8, y: Math.floor(i / perRow) * rowH + 6 });
  return (
    <svg className="chart" viewBox={`0 0 ${w} ${h}`} role="img" aria-label={`${label}: ${steps.map((s) => s.label).join(' → ')}`} style={{ maxWidth: w }}>
      <defs>
        <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse">
          <path d="M 0 0 L 10 5 L 0 10 z" fill="#90a4ae" />
        </marker>
      </defs>
      {steps.map((s, i) => {
        const p = pos(i);
        const next = i + 1 < steps.length ? pos(i + 1) : null;
        const text = s.label.length > 7 ? `${s.label.slice(0, 6)}…` : s.label;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: a step may appear twice in a path; its place tells the copies apart
          <g key={`${s.id}-${i}`}>
            <title>{s.label}</title>
            <rect x={p.x} y={p.y} width={cellW - 34} height={30} rx={15} fill="#fff" stroke={COLORS[s.kind]} strokeWidth={2} />
            <text x={p.x + (cellW - 34) / 2} y={p.y + 19} textAnchor="middle" fill={COLORS[s.kind]}>
              {text}
            </text>
            {next ? (
              next.y === p.y ? (
                <line x1={p.x + cellW - 32} y1={p.y + 15} x2={next.x - 3} y2={next.y + 15} stroke="#90a4ae" strokeWidth={2} markerEnd="url(#arrow)" />
              ) : (
                <path
                  d={`M ${p.x + (cellW - 34) / 2} ${p.y + 31} L ${next.x + (cellW - 34) / 2} ${next.y - 2}`}
                  stroke="#90a4ae"
                  strokeWidth={2}
                  fill="none"
                  markerEnd="url(#arrow)"
                />
              )
            ) : null}
          </g>
        );
      })}
    </svg>
  );
}
