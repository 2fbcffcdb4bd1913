import { useI18n } from '../i18n/useI18n';

/**
 * "Show all (N)" / "Show fewer" under a list cut to its first few items; renders nothing when the list is
 * short enough. `controls` names the list's id so screen readers announce what expands.
 */
export function ShowAllButton({ total, limit, expanded, onToggle, controls }: { total: number; limit: number; expanded: boolean; onToggle: () => void; controls?: string }) {
  const { t } = useI18n();
  if (total <= limit) return null;
  return (
    <button type="button" className="button button-ghost button-small" aria-expanded={expanded} aria-controls={controls} onClick={onToggle} data-testid="show-all">
      {expanded ? t('state.showLess') : t('state.showAll', { n: total })}
    </button>
  );
}
