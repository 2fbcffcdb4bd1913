import type { CombinedError } from 'urql';
import { useI18n } from '../i18n/useI18n';
import { hrefFor } from '../app/routes';
import { errorCodeOf } from './error-code';

/** A human message chosen by the error's code, with the next step (retry or sign in). */
export function ErrorMessage({ error, onRetry }: { error: CombinedError; onRetry?: () => void }) {
  const { t } = useI18n();
  const code = errorCodeOf(error);
  return (
    <div className="state state-error" role="alert" data-error-code={code}>
      <p>{t(`error.${code}`)}</p>
      {code === 'UNAUTHENTICATED' ? (
        <a className="button" href={hrefFor({ name: 'signin' })}>
          {t('error.signIn')}
        </a>
      ) : code === 'FORBIDDEN' || code === 'NOT_FOUND' ? (
        <a className="button button-ghost" href={hrefFor({ name: 'root' })}>
          {t('state.backHome')}
        </a>
      ) : onRetry ? (
        <button type="button" className="button" onClick={onRetry}>
          {t('state.retry')}
        </button>
      ) : null}
    </div>
  );
}
