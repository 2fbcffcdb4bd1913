import { useI18n } from '../i18n/useI18n';

/** A polite loading line; screen readers hear it once (aria-live), sighted users see a pulse. */
export function Loading({ label }: { label?: string }) {
  const { t } = useI18n();
  return (
    <div className="state state-loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label ?? t('state.loading')}
    </div>
  );
}
