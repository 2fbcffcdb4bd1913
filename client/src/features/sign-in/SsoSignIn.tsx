import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useClient, type CombinedError } from 'urql';
import { CompleteSsoSignInDocument, type CompleteSsoSignInMutation } from '../../gql/graphql';
import { useI18n } from '../../i18n/useI18n';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { errorCodeOf } from '../../ui/error-code';
import { useSignIn } from './useSignIn';
import { RecoveryCodes } from './RecoveryCodes';

/** The campus sign-on's outcome the server put into the address: `#/signin?sso=<reason>`, or null. */
export function ssoOutcome(hash: string = window.location.hash): string | null {
  const query = hash.split('?')[1] ?? '';
  const v = new URLSearchParams(query).get('sso');
  return v && /^[a-z_]{1,32}$/.test(v) ? v : null;
}

/**
 * The campus single sign-on button (统一身份认证): a plain link to the server's start address, which
 * sends the browser to the identity service. Its label comes from the server's configuration.
 */
export function SsoButton({ label, url }: { label: string; url: string }) {
  const { t } = useI18n();
  return (
    <section className="card signin" aria-labelledby="sso-title" data-testid="sso-signin" style={{ marginBottom: '1rem' }}>
      <h2 id="sso-title">{t('sso.title')}</h2>
      <p className="hint">{t('sso.hint')}</p>
      <p>
        <a className="button" href={url} data-testid="sso-start">
          {label}
        </a>
      </p>
    </section>
  );
}

/** Why a campus sign-on was refused, in the reader's language. */
export function SsoRefusal({ reason }: { reason: string }) {
  const { te } = useI18n();
  return (
    <p className="state state-error" role="alert" data-testid="sso-refused" data-reason={reason}>
      {te('sso', reason)}
    </p>
  );
}

type Step = CompleteSsoSignInMutation['completeSsoSignIn'];

/**
 * After the identity service, administrators enter their authenticator app's code (or a recovery code),
 * or set the app up the first time; recovery codes from a new setup are shown once.
 */
export function SsoSecondFactor() {
  const { t } = useI18n();
  const client = useClient();
  const { enter } = useSignIn();
  const [code, setCode] = useState('');
  const [recovery, setRecovery] = useState(false);
  const [step, setStep] = useState<Step | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [error, setError] = useState<CombinedError | null>(null);
  const [busy, setBusy] = useState(false);

  const send = async (value: string | null) => {
    setBusy(true);
    setError(null);
    try {
      const r = await client.mutation(CompleteSsoSignInDocument, { input: recovery ? { recoveryCode: value } : { totpCode: value } }).toPromise();
      if (!r.data) {
        setError(r.error ?? null);
        return;
      }
      const next = r.data.completeSsoSignIn;
      if (next.step === 'SIGNED_IN') {
        if (next.recoveryCodes?.length) setCodes(next.recoveryCodes);
        else await enter();
        return;
      }
      if (next.step === 'TOTP_ENROLMENT_REQUIRED' || !step) setStep(next);
    } finally {
      setBusy(false);
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void send(code.trim() || null);
  };
  // Ask once, without a code, whether the app is to be set up (its secret then shows) or only its code is needed.
  const asked = useRef(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once on mount; send changes every render
  useEffect(() => {
    if (asked.current) return;
    asked.current = true;
    void send(null);
  }, []);

  if (codes) {
    return <RecoveryCodes codes={codes} onDone={() => void enter()} />;
  }
  const enrol = step?.step === 'TOTP_ENROLMENT_REQUIRED' ? step : null;
  const code401 = errorCodeOf(error) === 'UNAUTHENTICATED';
  const expired = code401 && error?.graphQLErrors[0]?.extensions?.ssoExpired === true;
  return (
    <form className="card signin" onSubmit={submit} aria-labelledby="sso-totp-title" data-testid="sso-second-factor">
      <h1 id="sso-totp-title">{t('sso.totpTitle')}</h1>
      <p className="hint">{t('sso.totpIntro')}</p>
      {enrol ? (
        <div className="field" data-testid="totp-enrol">
          <p className="hint">{t('signin.totpEnrolIntro')}</p>
          <code data-testid="totp-secret" style={{ wordBreak: 'break-all' }}>
            {enrol.totpSecret}
          </code>
        </div>
      ) : null}
      <label className="field">
        {recovery ? t('sso.recoveryCode') : t('signin.totpCode')}
        <input value={code} onChange={(e) => setCode(e.target.value)} autoComplete="one-time-code" data-testid="totp-code" inputMode={recovery ? 'text' : 'numeric'} />
      </label>
      {enrol ? null : (
        <p>
          <button
            type="button"
            className="link-like"
            onClick={() => {
              setRecovery(!recovery);
              setCode('');
            }}
            data-testid="sso-use-recovery"
          >
            {recovery ? t('signin.totpCode') : t('sso.useRecovery')}
          </button>
        </p>
      )}
      {error ? (
        expired ? (
          <p className="state state-error" role="alert" data-testid="sso-expired">
            {t('sso.expired')}
          </p>
        ) : code401 ? (
          <p className="state state-error" role="alert" data-testid="signin-failed">
            {t('sso.wrongCode')}
          </p>
        ) : errorCodeOf(error) === 'RATE_LIMITED' ? (
          <p className="state state-error" role="alert" data-testid="signin-locked">
            {t('signin.locked')}
          </p>
        ) : (
          <ErrorMessage error={error} />
        )
      ) : null}
      <p style={{ marginTop: '.75rem' }}>
        <button className="button" type="submit" disabled={busy} data-testid="sso-submit">
          {t('sso.submit')}
        </button>
      </p>
    </form>
  );
}
