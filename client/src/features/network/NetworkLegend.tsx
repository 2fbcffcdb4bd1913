import { KIND_LOOK, RAMP, STAGE_COLORS, type RampRange, type StyleMode } from '../../graph-view/stylesheet';
import { useI18n } from '../../i18n/useI18n';

type Kind = keyof typeof KIND_LOOK;

/** The outline of each canvas shape, drawn in a 16×16 box, so the legend shows what the canvas draws. */
const SHAPES: Record<string, string> = {
  star: 'M8 0.8 L9.9 6 L15.4 6.1 L11 9.4 L12.6 14.8 L8 11.6 L3.4 14.8 L5 9.4 L0.6 6.1 L6.1 6 Z',
  hexagon: 'M4 1 L12 1 L16 8 L12 15 L4 15 L0 8 Z',
  'round-rectangle': 'M3 1 H13 Q15 1 15 3 V13 Q15 15 13 15 H3 Q1 15 1 13 V3 Q1 1 3 1 Z',
  ellipse: 'M8 1 A7 7 0 1 1 7.99 1 Z',
  diamond: 'M8 0.5 L15.5 8 L8 15.5 L0.5 8 Z',
  'round-tag': 'M1 3 Q1 1 3 1 H10 L15 8 L10 15 H3 Q1 15 1 13 Z',
};

/** A legend swatch: the canvas's shape in the canvas's colour. */
export function Swatch({ shape, color, testId }: { shape: string; color: string; testId?: string }) {
  return (
    <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" data-shape={shape} data-testid={testId} style={{ verticalAlign: '-2px', marginRight: '.25rem' }}>
      <path d={SHAPES[shape] ?? SHAPES.ellipse} fill={color} stroke="#37474f" strokeWidth="0.6" />
    </svg>
  );
}

/**
 * Legend for the current colouring, with the ramp's ends as fitted to the members on screen, plus a shape
 * for each kind of node on the canvas (and only those).
 */
export function NetworkLegend({ mode, range, kinds }: { mode: StyleMode; range: RampRange | null; kinds: readonly string[] }) {
  const { t, te, pct } = useI18n();
  const ends = mode === 'stage' ? null : range;
  const shown = (Object.keys(KIND_LOOK) as Kind[]).filter((k): k is Exclude<Kind, 'member'> => k !== 'member' && kinds.includes(k));
  return (
    <div className="legend" style={{ display: 'grid', gap: '.3rem', marginTop: '.5rem' }} data-testid="network-legend">
      <strong>
        {t('network.legend')} · {t(`network.style.${mode}`)}
      </strong>
      {mode === 'stage' ? (
        Object.entries(STAGE_COLORS).map(([s, c]) => (
          <span key={s}>
            <Swatch shape="ellipse" color={c} />
            {te('stage', s)}
          </span>
        ))
      ) : (
        <span data-testid="legend-ramp" data-low={ends?.[0] ?? ''} data-high={ends?.[1] ?? ''}>
          {ends ? (
            <>
              <Swatch shape="ellipse" color={RAMP.low} />≤{pct(ends[0])} <i style={{ background: `linear-gradient(90deg, ${RAMP.low}, ${RAMP.high})`, width: '3rem' }} />{' '}
              <Swatch shape="ellipse" color={RAMP.high} />≥{pct(ends[1])}{' '}
            </>
          ) : null}
          <Swatch shape="ellipse" color={RAMP.none} />
          {t('network.noValue')}
        </span>
      )}
      {shown.map((k) => (
        <span key={k} data-kind={k}>
          <Swatch shape={KIND_LOOK[k].shape} color={KIND_LOOK[k].color} testId={`legend-${k}`} />
          {t(`network.kind.${k}`)}
        </span>
      ))}
    </div>
  );
}
