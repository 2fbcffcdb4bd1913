import { RAMP, RAMP_RANGE, STAGE_COLORS, type StyleMode } from '../../graph-view/stylesheet';
import { useI18n } from '../../i18n/useI18n';

/** Legend for the current colouring, plus the node shapes. */
export function NetworkLegend({ mode }: { mode: StyleMode }) {
  const { t, te, pct } = useI18n();
  const range = mode === 'stage' ? null : RAMP_RANGE[mode];
  return (
    <div className="legend" style={{ display: 'grid', gap: '.3rem', marginTop: '.5rem' }}>
      <strong>{t('network.legend')} · {t(`network.style.${mode}`)}</strong>
      {mode === 'stage'
        ? Object.entries(STAGE_COLORS).map(([s, c]) => <span key={s}><i style={{ background: c, borderRadius: '50%' }} />{te('stage', s)}</span>)
        : (
          <span>
            <i style={{ background: RAMP.low }} />≤{pct(range![0])} <i style={{ background: `linear-gradient(90deg, ${RAMP.low}, ${RAMP.high})`, width: '3rem' }} /> <i style={{ background: RAMP.high }} />≥{pct(range![1])}
            {' '}<i style={{ background: RAMP.none }} />—
          </span>
        )}
      <span><i style={{ background: '#d32f2f' }} />{t('network.legendOrg')}</span>
      <span><i style={{ background: '#7e57c2', transform: 'rotate(45deg)' }} />{t('network.legendTopic')}</span>
      <span><i style={{ background: '#5c6bc0' }} />{t('network.legendCourse')}</span>
    </div>
  );
}
