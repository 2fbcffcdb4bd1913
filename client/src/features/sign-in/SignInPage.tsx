import { useMemo, useState, useSyncExternalStore, type FormEvent } from 'react';
import { useQuery } from 'urql';
import { DemoAccountsDocument, SignInOptionsDocument, type Role } from '../../gql/graphql';
import { useI18n } from '../../i18n/useI18n';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Loading } from '../../ui/Loading';
import { errorCodeOf } from '../../ui/error-code';
import { PasswordSignIn } from './PasswordSignIn';
import { SsoButton, SsoRefusal, SsoSecondFactor, ssoOutcome } from './SsoSignIn';
import { useSignIn } from './useSignIn';
import { sessionExpiredNotice, subscribeSession } from '../../app/session';

const ROLES: Role[] = ['MEMBER', 'SECRETARY', 'COMMITTEE_ADMIN', 'UNIVERSITY_ADMIN'];

/**
 * Sign-in: with campus single sign-on when the server offers it (after it, the reason of a refusal, or
 * an administrator's authenticator code); with a password (always); below it, in the demo world only, choose a role and one of the
 * seeded people (or type a member id).
 */
export default function SignInPage() {
  const { t, te } = useI18n();
  const [{ data, fetching, error }, retry] = useQuery({ query: DemoAccountsDocument });
  const [role, setRole] = useState<Role>('MEMBER');
  const [picked, setPicked] = useState('');
  const [typed, setTyped] = useState('');
  const { signInAsDemo: signIn, error: signInError, busy } = useSignIn();
  const expired = useSyncExternalStore(subscribeSession, sessionExpiredNotice);
  const [{ data: options }] = useQuery({ query: SignInOptionsDocument });
  const sso = options?.signInOptions.sso ?? null;
  const [outcome] = useState(() => ssoOutcome());
  const people = useMemo(() => (data?.demoAccounts ?? []).filter((a) => a.role === role), [data, role]);
  const chosen = typed.trim() || picked || people[0]?.memberId || '';

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (chosen) void signIn(chosen);
  };

  // Without HONGTU_DEV_LOGIN the field is not in the schema: a validation error with no AppError code.
  const disabled = error && errorCodeOf(error) === 'UNKNOWN' && !error.networkError;
  return (
    <div className="page">
      {expired ? (
        <p className="state state-error" role="status" data-testid="signin-expired">
          {t('signin.expired')}
        </p>
      ) : null}
      {outcome && outcome !== 'totp' ? <SsoRefusal reason={outcome} /> : null}
      {outcome === 'totp' ? (
        <SsoSecondFactor />
      ) : (
        <>
          {sso ? <SsoButton label={sso.label} url={sso.url} /> : null}
          <PasswordSignIn />
        </>
      )}
      {disabled ? null : (
        <form className="card signin" onSubmit={submit} aria-describedby="signin-intro" style={{ marginTop: '1rem' }}>
          <h1>{t('signin.title')}</h1>
          <p id="signin-intro" className="hint">
            {t('signin.intro')}
          </p>
          {fetching && !data ? <Loading /> : null}
          {error ? <ErrorMessage error={error} onRetry={() => retry({ requestPolicy: 'network-only' })} /> : null}
          {data ? (
            <>
              <fieldset className="role-grid" style={{ border: 0, padding: 0 }}>
                <legend className="field">{t('signin.pickRole')}</legend>
                {ROLES.map((r) => (
                  <label key={r}>
                    <input
                      type="radio"
                      name="role"
                      value={r}
                      checked={role === r}
                      data-role={r}
                      onChange={() => {
                        setRole(r);
                        setPicked('');
                      }}
                    />
                    <span>{te('role', r)}</span>
                  </label>
                ))}
              </fieldset>
              {people.length === 0 ? (
                <EmptyState>{t('signin.noPeople')}</EmptyState>
              ) : (
                <label className="field">
                  {t('signin.pickPerson')}
                  <select value={picked || people[0].memberId} onChange={(e) => setPicked(e.target.value)} data-testid="person">
                    {people.map((p) => (
                      <option key={p.memberId} value={p.memberId}>
                        {p.name} · {p.branchName} · {te('stage', p.stage)}
                      </option>
                    ))}
                  </select>
                </label>
              )}
            </>
          ) : null}
          <label className="field" style={{ marginTop: '.5rem' }}>
            {t('signin.byId')}
            <input value={typed} onChange={(e) => setTyped(e.target.value)} placeholder={t('signin.idPlaceholder')} autoComplete="off" />
          </label>
          {signInError && errorCodeOf(signInError) === 'NOT_FOUND' ? (
            <p className="state state-error" role="alert" data-testid="signin-unknown">
              {t('signin.unknownId', { id: chosen })}
            </p>
          ) : signInError ? (
            <ErrorMessage error={signInError} />
          ) : null}
          <p style={{ marginTop: '.75rem' }}>
            <button className="button" type="submit" disabled={!chosen || busy} data-testid="signin-submit">
              {t('signin.submit')}
            </button>
          </p>
        </form>
      )}
    </div>
  );
}
