import { useI18n } from '../../i18n/useI18n';

/** The recovery codes, shown once after the authenticator is set up; `onDone` goes on into the app. */
export function RecoveryCodes({ codes, onDone }: { codes: readonly string[]; onDone: () => void }) {
  const { t } = useI18n();
  return (
    <div className="card signin" data-testid="recovery-codes">
      <h2>{t('signin.recoveryTitle')}</h2>
      <p className="hint">{t('signin.recoveryIntro')}</p>
      <ul className="codes">
        {codes.map((c) => (
          <li key={c}>
            <code>{c}</code>
          </li>
        ))}
      </ul>
      <button className="button" type="button" onClick={onDone} data-testid="recovery-done">
        {t('signin.recoveryDone')}
      </button>
    </div>
  );
}
