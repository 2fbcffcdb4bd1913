import { useState, type FormEvent } from 'react';
import type { SignInMutation } from '../../gql/graphql';
import { useI18n } from '../../i18n/useI18n';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { errorCodeOf } from '../../ui/error-code';
import { useSignIn } from './useSignIn';
import { RecoveryCodes } from './RecoveryCodes';

type Step = SignInMutation['signIn'];

/**
 * Password sign-in, step by step as the API asks: login name and password; then, when asked, a new
 * password (first sign-in with a one-time password), an authenticator app to set up (its secret shown
 * as text to type or paste), the app's 6-digit code, and recovery codes shown once. The password stays
 * in this form's memory only.
 */
export function PasswordSignIn() {
  const { t } = useI18n();
  const { signInWithPassword, enter, error, busy } = useSignIn();
  const [loginName, setLoginName] = useState('');
  const [password, setPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [totpCode, setTotpCode] = useState('');
  const [step, setStep] = useState<Step | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const next = await signInWithPassword({
      loginName,
      password,
      newPassword: newPassword || null,
      totpCode: totpCode.trim() || null,
    });
    if (!next) return;
    if (next.step === 'SIGNED_IN' && next.recoveryCodes?.length) setCodes(next.recoveryCodes);
    else if (next.step !== 'SIGNED_IN') {
      // Keep the enrolment secret on screen while the code is typed.
      setStep(next.step === 'TOTP_REQUIRED' && step?.step === 'TOTP_ENROLMENT_REQUIRED' ? step : next);
    }
  };

  if (codes) {
    return <RecoveryCodes codes={codes} onDone={() => void enter()} />;
  }

  const code = errorCodeOf(error);
  const needNew = step?.step === 'PASSWORD_CHANGE_REQUIRED' || Boolean(newPassword);
  const enrol = step?.step === 'TOTP_ENROLMENT_REQUIRED' ? step : null;
  const needCode = step?.step === 'TOTP_REQUIRED' || Boolean(enrol);
  return (
    <form className="card signin" onSubmit={(e) => void submit(e)} aria-labelledby="pw-title" data-testid="password-signin">
      <h1 id="pw-title">{t('signin.passwordTitle')}</h1>
      <label className="field">
        {t('signin.loginName')}
        <input value={loginName} onChange={(e) => setLoginName(e.target.value)} autoComplete="username" required data-testid="login-name" />
      </label>
      <label className="field">
        {t('signin.password')}
        <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="current-password" required data-testid="password" />
      </label>
      {needNew ? (
        <label className="field">
          {t('signin.newPassword')}
          <span className="hint">{t('signin.newPasswordHint')}</span>
          <input
            type="password"
            value={newPassword}
            onChange={(e) => setNewPassword(e.target.value)}
            autoComplete="new-password"
            minLength={10}
            required
            data-testid="new-password"
          />
        </label>
      ) : null}
      {enrol ? (
        <div className="field" data-testid="totp-enrol">
          <p className="hint">{t('signin.totpEnrolIntro')}</p>
          <code data-testid="totp-secret" style={{ wordBreak: 'break-all' }}>
            {enrol.totpSecret}
          </code>
        </div>
      ) : null}
      {needCode ? (
        <label className="field">
          {t('signin.totpCode')}
          <input
            value={totpCode}
            onChange={(e) => setTotpCode(e.target.value)}
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9 ]{6,7}"
            required
            data-testid="totp-code"
          />
        </label>
      ) : null}
      {error ? (
        code === 'UNAUTHENTICATED' ? (
          <p className="state state-error" role="alert" data-testid="signin-failed">
            {t('signin.failed')}
          </p>
        ) : code === 'RATE_LIMITED' ? (
          <p className="state state-error" role="alert" data-testid="signin-locked">
            {t('signin.locked')}
          </p>
        ) : code === 'BAD_USER_INPUT' ? (
          <p className="state state-error" role="alert" data-testid="signin-policy">
            {error.graphQLErrors[0]?.message}
          </p>
        ) : (
          <ErrorMessage error={error} />
        )
      ) : null}
      <p style={{ marginTop: '.75rem' }}>
        <button className="button" type="submit" disabled={busy} data-testid="password-submit">
          {t('signin.passwordSubmit')}
        </button>
      </p>
    </form>
  );
}
