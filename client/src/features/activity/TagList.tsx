import { useI18n } from '../../i18n/useI18n';
import { EmptyState } from '../../ui/EmptyState';
import { deriveTags, type ActivityCounts } from './derive-tags';

/** Portrait tags, each with the evidence behind it. */
export function TagList({ activity, gapTags = [] }: { activity: ActivityCounts; gapTags?: { key: string; label: string; evidence: string }[] }) {
  const { t } = useI18n();
  const tags = deriveTags(activity);
  if (tags.length === 0 && gapTags.length === 0) return <EmptyState>{t('portrait.tagsEmpty')}</EmptyState>;
  return (
    <ul className="list" data-testid="tags">
      {gapTags.map((g) => (
        <li key={`gap:${g.key}`}>
          <span className="chip chip-red">{t('portrait.gapTag', { topic: g.label })}</span>
          <p className="meta">
            {t('portrait.evidence')}：{g.evidence}
          </p>
        </li>
      ))}
      {tags.map((tag) => (
        <li key={tag.key}>
          <span className={`chip ${tag.tone === 'ok' ? 'chip-ok' : 'chip-warn'}`}>{t(tag.label)}</span>
          <p className="meta">
            {t('portrait.evidence')}：{t(tag.evidence, tag.params)}
          </p>
        </li>
      ))}
    </ul>
  );
}
