import { useI18n } from '../../i18n/useI18n';

/** A rule's citation: the document, the article where it was checked, and a note when it was not. */
export function Citation({ c }: { c: { document: string; article?: string | null; confirmed: boolean } }) {
  const { t } = useI18n();
  return (
    <span className="meta" data-testid="affairs-citation">
      {t('affairs.basis', { document: c.document, article: c.article ?? '' })}
      {c.confirmed ? '' : t('affairs.unconfirmed')}
    </span>
  );
}
