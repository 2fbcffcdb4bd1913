import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import {
  ChangePasswordDocument,
  ConfirmTotpDocument,
  CreateTokenDocument,
  EndSessionDocument,
  MyAccountDocument,
  RevokeTokenDocument,
  SignOutEverywhereDocument,
  StartTotpDocument,
  type TokenScope,
} from '../../gql/graphql';
import { useI18n } from '../../i18n/useI18n';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Loading } from '../../ui/Loading';

/** My account: password, authenticator app, open sessions (end one or all others), personal access tokens. */
export default function AccountPage() {
  const { t } = useI18n();
  const [q, refetch] = useQuery({ query: MyAccountDocument, requestPolicy: 'cache-and-network' });
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const me = q.data?.myAccount;
  const date = (iso: string | null | undefined) => (iso ? new Date(iso).toLocaleString() : '—');
  return (
    <div className="page">
      <h1>{t('account.title')}</h1>
      {q.error && !me ? <ErrorMessage error={q.error} onRetry={reload} /> : !me && q.fetching ? <Loading /> : null}
      {me ? (
        <>
          {me.account ? (
            <p data-testid="account-login">
              {t('account.loginName')}: <strong>{me.account.loginName}</strong>
            </p>
          ) : (
            <p className="hint">{t('account.none')}</p>
          )}
          {me.account ? <PasswordForm /> : null}
          {me.account ? <TotpSection enabled={me.account.totpEnabled} left={me.account.recoveryCodesLeft} required={me.totpRequired} onChange={reload} /> : null}
          <section className="card" aria-labelledby="sessions-h" data-testid="sessions">
            <h2 id="sessions-h">{t('account.sessions')}</h2>
            <ul>
              {me.sessions.map((s) => (
                <li key={s.id} data-current={s.current ? '1' : undefined}>
                  {date(s.createdAt)} · {s.userAgent.slice(0, 60) || '—'} {s.current ? <strong>（{t('account.thisSession')}）</strong> : <EndButton id={s.id} onDone={reload} />}
                </li>
              ))}
            </ul>
            <EverywhereButton onDone={reload} />
          </section>
          <TokensSection tokens={me.accessTokens} maxDays={me.tokenMaxDays} onChange={reload} date={date} />
        </>
      ) : null}
    </div>
  );
}

function PasswordForm() {
  const { t } = useI18n();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [r, change] = useMutation(ChangePasswordDocument);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const res = await change({ current, next });
    if (res.data) {
      setCurrent('');
      setNext('');
    }
  };
  return (
    <form className="card" onSubmit={(e) => void submit(e)} aria-labelledby="pw-h">
      <h2 id="pw-h">{t('account.changePassword')}</h2>
      <label className="field">
        {t('account.currentPassword')}
        <input type="password" value={current} onChange={(e) => setCurrent(e.target.value)} autoComplete="current-password" required />
      </label>
      <label className="field">
        {t('signin.newPassword')}
        <span className="hint">{t('signin.newPasswordHint')}</span>
        <input type="password" value={next} onChange={(e) => setNext(e.target.value)} autoComplete="new-password" minLength={10} required />
      </label>
      {r.error ? (
        <p className="state state-error" role="alert">
          {r.error.graphQLErrors[0]?.message ?? ''}
        </p>
      ) : null}
      {r.data ? <p role="status">{t('account.passwordChanged')}</p> : null}
      <button className="button" type="submit" disabled={r.fetching}>
        {t('account.save')}
      </button>
    </form>
  );
}

function TotpSection({ enabled, left, required, onChange }: { enabled: boolean; left: number; required: boolean; onChange: () => void }) {
  const { t } = useI18n();
  const [start, startTotp] = useMutation(StartTotpDocument);
  const [confirm, confirmTotp] = useMutation(ConfirmTotpDocument);
  const [code, setCode] = useState('');
  const secret = start.data?.startTotpEnrolment.secret;
  return (
    <section className="card" aria-labelledby="totp-h" data-testid="totp">
      <h2 id="totp-h">{t('account.totp')}</h2>
      <p>{enabled ? t('account.totpOn', { n: left }) : required ? t('account.totpRequired') : t('account.totpOff')}</p>
      {confirm.data ? (
        <ul className="codes">
          {confirm.data.confirmTotpEnrolment.map((c) => (
            <li key={c}>
              <code>{c}</code>
            </li>
          ))}
        </ul>
      ) : !enabled && !secret ? (
        <button className="button" type="button" onClick={() => void startTotp({})}>
          {t('account.totpSetUp')}
        </button>
      ) : secret ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void confirmTotp({ code }).then((r) => {
              if (r.data) onChange();
            });
          }}
        >
          <p className="hint">{t('signin.totpEnrolIntro')}</p>
          <code style={{ wordBreak: 'break-all' }}>{secret}</code>
          <label className="field">
            {t('signin.totpCode')}
            <input value={code} onChange={(e) => setCode(e.target.value)} inputMode="numeric" autoComplete="one-time-code" required />
          </label>
          {confirm.error ? <ErrorMessage error={confirm.error} /> : null}
          <button className="button" type="submit">
            {t('account.save')}
          </button>
        </form>
      ) : null}
    </section>
  );
}

function EndButton({ id, onDone }: { id: string; onDone: () => void }) {
  const { t } = useI18n();
  const [, end] = useMutation(EndSessionDocument);
  return (
    <button type="button" className="link-button" onClick={() => void end({ id }).then(onDone)}>
      {t('account.endSession')}
    </button>
  );
}

function EverywhereButton({ onDone }: { onDone: () => void }) {
  const { t } = useI18n();
  const [r, everywhere] = useMutation(SignOutEverywhereDocument);
  return (
    <p>
      <button type="button" className="button" onClick={() => void everywhere({}).then(onDone)} data-testid="signout-everywhere">
        {t('account.signOutEverywhere')}
      </button>
      {r.data ? <span role="status"> {t('account.endedN', { n: r.data.signOutEverywhere })}</span> : null}
    </p>
  );
}

interface TokenRow {
  id: string;
  name: string;
  scope: TokenScope;
  createdAt: string;
  expiresAt: string;
  lastUsedAt?: string | null;
  revoked: boolean;
}

function TokensSection({ tokens, maxDays, onChange, date }: { tokens: TokenRow[]; maxDays: number; onChange: () => void; date: (s: string | null | undefined) => string }) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [scope, setScope] = useState<TokenScope>('READ');
  const [days, setDays] = useState(30);
  const [made, create] = useMutation(CreateTokenDocument);
  const [, revoke] = useMutation(RevokeTokenDocument);
  return (
    <section className="card" aria-labelledby="tokens-h" data-testid="tokens">
      <h2 id="tokens-h">{t('account.tokens')}</h2>
      <p className="hint">{t('account.tokensIntro')}</p>
      <ul>
        {tokens.map((x) => (
          <li key={x.id}>
            <strong>{x.name}</strong> · {x.scope === 'READ' ? t('account.scopeRead') : t('account.scopeWrite')} · {t('account.expires')} {date(x.expiresAt)}
            {x.revoked ? (
              ` · ${t('account.revoked')}`
            ) : (
              <>
                {' '}
                ·{' '}
                <button type="button" className="link-button" onClick={() => void revoke({ id: x.id }).then(onChange)}>
                  {t('account.revoke')}
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void create({ input: { name, scope, days } }).then((r) => {
            if (r.data) {
              setName('');
              onChange();
            }
          });
        }}
      >
        <label className="field">
          {t('account.tokenName')}
          <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={80} />
        </label>
        <label className="field">
          {t('account.tokenScope')}
          <select value={scope} onChange={(e) => setScope(e.target.value as TokenScope)}>
            <option value="READ">{t('account.scopeRead')}</option>
            <option value="READ_WRITE">{t('account.scopeWrite')}</option>
          </select>
        </label>
        <label className="field">
          {t('account.tokenDays', { max: maxDays })}
          <input type="number" min={1} max={maxDays} value={days} onChange={(e) => setDays(Number(e.target.value))} />
        </label>
        {made.error ? <ErrorMessage error={made.error} /> : null}
        {made.data ? (
          <p role="status">
            {t('account.tokenShownOnce')}{' '}
            <code data-testid="new-token" style={{ wordBreak: 'break-all' }}>
              {made.data.createAccessToken.token}
            </code>
          </p>
        ) : null}
        <button className="button" type="submit" disabled={made.fetching}>
          {t('account.tokenCreate')}
        </button>
      </form>
    </section>
  );
}
