import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { type CombinedError, useMutation, useQuery } from 'urql';
import {
  AccountAuditDocument,
  AccountListDocument,
  AdminCreateAccountDocument,
  AdminDisableAccountDocument,
  AdminEnableAccountDocument,
  AdminResetPasswordDocument,
  AdminResetTotpDocument,
  AdminSignOutEverywhereDocument,
  type AccountListQuery,
} from '../../gql/graphql';
import type { MessageKey } from '../../i18n/zh-CN';
import { useI18n } from '../../i18n/useI18n';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Loading } from '../../ui/Loading';
import { errorCodeOf } from '../../ui/error-code';

type Item = AccountListQuery['accountList']['items'][number];
type Action = 'create' | 'reset' | 'totp' | 'disable' | 'enable' | 'signout';
interface Pending {
  action: Action;
  item: Item;
}
interface Issued {
  name: string;
  login: string;
  password: string;
}

const PAGE = 20;

/**
 * Accounts (账号管理) for committee and university administrators: the members whose accounts they
 * administer, with status; open an account, reset its password (the one-time password is shown once)
 * or authenticator app, disable or enable it, sign the member out everywhere. Each action asks for
 * confirmation; the API enforces scope and audits every action.
 */
export default function AccountsAdminPage({ canSeeHistory }: { canSeeHistory: boolean }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState('');
  const [search, setSearch] = useState('');
  const [cursors, setCursors] = useState<string[]>([]);
  const after = cursors.length ? cursors[cursors.length - 1]! : null;
  const [q, refetch] = useQuery({
    query: AccountListDocument,
    variables: { search: search || null, first: PAGE, after },
    requestPolicy: 'cache-and-network',
  });
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const [pending, setPending] = useState<Pending | null>(null);
  const [issued, setIssued] = useState<Issued | null>(null);
  const [notice, setNotice] = useState('');
  const list = q.data?.accountList;

  const submitSearch = (e: FormEvent) => {
    e.preventDefault();
    setSearch(draft.trim());
    setCursors([]);
  };
  const done = (message: string, otp?: Issued) => {
    setPending(null);
    setNotice(message);
    if (otp) setIssued(otp);
    reload();
  };

  return (
    <div className="page">
      <div className="page-head">
        <h1>{t('accounts.title')}</h1>
        {list ? (
          <span className="sub" data-testid="accounts-total">
            {t('accounts.total', { n: list.totalCount })}
          </span>
        ) : null}
      </div>
      <p className="hint">{t('accounts.intro')}</p>
      <form className="toolbar" role="search" onSubmit={submitSearch}>
        <label className="sr-only" htmlFor="accounts-search">
          {t('accounts.search')}
        </label>
        <input
          id="accounts-search"
          type="search"
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          placeholder={t('accounts.search')}
          maxLength={64}
          data-testid="accounts-search"
          className="accounts-search"
        />
        <button className="button" type="submit">
          {t('accounts.searchSubmit')}
        </button>
        {search ? (
          <button
            className="button button-ghost"
            type="button"
            onClick={() => {
              setDraft('');
              setSearch('');
              setCursors([]);
            }}
          >
            {t('accounts.searchClear')}
          </button>
        ) : null}
      </form>
      <p role="status" className="accounts-notice" data-testid="accounts-notice">
        {notice}
      </p>
      {q.error && !list ? <ErrorMessage error={q.error} onRetry={reload} /> : !list ? <Loading /> : null}
      {list ? (
        list.items.length === 0 ? (
          <p className="state" data-testid="accounts-empty">
            {t('accounts.empty')}
          </p>
        ) : (
          <ul className="account-list" aria-label={t('accounts.listLabel')}>
            {list.items.map((item) => (
              <AccountRow
                key={item.member.id}
                item={item}
                canSeeHistory={canSeeHistory}
                onAction={(action) => {
                  setNotice('');
                  setPending({ action, item });
                }}
              />
            ))}
          </ul>
        )
      ) : null}
      {list && (cursors.length > 0 || list.hasNextPage) ? (
        <nav className="toolbar" aria-label={t('accounts.listLabel')}>
          <button type="button" className="button button-ghost" disabled={cursors.length === 0} onClick={() => setCursors((c) => c.slice(0, -1))}>
            {t('accounts.prev')}
          </button>
          <button
            type="button"
            className="button button-ghost"
            disabled={!list.hasNextPage || !list.endCursor}
            onClick={() => setCursors((c) => [...c, list.endCursor!])}
            data-testid="accounts-next"
          >
            {t('accounts.next')}
          </button>
        </nav>
      ) : null}
      {pending ? <ConfirmDialog pending={pending} onCancel={() => setPending(null)} onDone={done} /> : null}
      {issued ? <OneTimePasswordDialog issued={issued} onClose={() => setIssued(null)} /> : null}
    </div>
  );
}

function StatusChips({ account }: { account: Item['account'] }) {
  const { t } = useI18n();
  if (!account)
    return (
      <span className="chip chip-muted" data-status="NONE">
        {t('accounts.status.NONE')}
      </span>
    );
  return (
    <>
      {account.status === 'DISABLED' ? (
        <span className="chip chip-red" data-status="DISABLED">
          {t('accounts.status.DISABLED')}
        </span>
      ) : (
        <span className="chip chip-ok" data-status="ACTIVE">
          {t('accounts.status.ACTIVE')}
        </span>
      )}
      {account.mustChangePassword ? (
        <span className="chip chip-warn" data-status="MUST_CHANGE">
          {t('accounts.status.MUST_CHANGE')}
        </span>
      ) : null}
      {account.totpEnabled ? (
        <span className="chip" data-status="TOTP">
          {t('accounts.status.TOTP')}
        </span>
      ) : null}
      {account.locked ? (
        <span className="chip chip-warn" data-status="LOCKED">
          {t('accounts.status.LOCKED')}
        </span>
      ) : null}
    </>
  );
}

function AccountRow({ item, canSeeHistory, onAction }: { item: Item; canSeeHistory: boolean; onAction: (a: Action) => void }) {
  const { t, te, date } = useI18n();
  const [history, setHistory] = useState(false);
  const { member, account } = item;
  const headingId = `acct-${member.id}`;
  const button = (action: Action, label: MessageKey) => (
    <button type="button" className="button button-ghost button-small" onClick={() => onAction(action)} data-testid={`account-action-${action}`}>
      {t(label)}
    </button>
  );
  return (
    <li className="card account-card" data-testid="account-row" data-member-id={member.id} aria-labelledby={headingId}>
      <div className="account-head">
        <h2 id={headingId} className="account-name">
          {member.name}
        </h2>
        <span className="meta">
          {te('role', member.role)} · {member.branch.name}
        </span>
      </div>
      <div className="row account-status" data-testid="account-status">
        <StatusChips account={account} />
      </div>
      {account ? (
        <p className="meta">
          {t('accounts.loginName')}: <code data-testid="account-login">{account.loginName}</code> · {t('accounts.createdAt', { date: date(account.createdAt) })}
        </p>
      ) : null}
      {item.manageable ? (
        <div className="toolbar" role="group" aria-label={t('accounts.actionsFor', { name: member.name })}>
          {!account ? (
            button('create', 'accounts.create')
          ) : (
            <>
              {button('reset', 'accounts.resetPassword')}
              {account.totpEnabled ? button('totp', 'accounts.resetTotp') : null}
              {account.status === 'DISABLED' ? button('enable', 'accounts.enable') : button('disable', 'accounts.disable')}
              {account.status === 'DISABLED' ? null : button('signout', 'accounts.signOutEverywhere')}
            </>
          )}
          {canSeeHistory ? (
            <button type="button" className="button button-ghost button-small" aria-expanded={history} onClick={() => setHistory((h) => !h)} data-testid="account-history-toggle">
              {history ? t('accounts.hideHistory') : t('accounts.history')}
            </button>
          ) : null}
        </div>
      ) : (
        <p className="hint">{t('accounts.notManageable')}</p>
      )}
      {history ? <AccountHistory memberId={member.id} /> : null}
    </li>
  );
}

/** The audit trail of one account (university administrators may read anyone's access records). */
function AccountHistory({ memberId }: { memberId: string }) {
  const { t, te, date } = useI18n();
  const [q] = useQuery({ query: AccountAuditDocument, variables: { memberId }, requestPolicy: 'network-only' });
  if (q.error) return <AdminError error={q.error} />;
  if (!q.data) return <Loading />;
  // Account actions among the newest 100 records of the member's trail; reads (this list's too) stay in the full trail.
  const rows = q.data.accessRecords.filter((r) => r.targetKind === 'Account' && r.action !== 'READ_ACCOUNT');
  return rows.length === 0 ? (
    <p className="hint">{t('accounts.historyEmpty')}</p>
  ) : (
    <ul className="list account-history" data-testid="account-history">
      {rows.map((r) => (
        <li key={r.id} data-action={r.action}>
          <strong>{te('accountAction', r.action)}</strong> <span className="meta">{t('accounts.historyBy', { who: r.viewerId || '—', date: date(r.at, true) })}</span>
        </li>
      ))}
    </ul>
  );
}

/** The error's meaning in the reader's language, and what the server said (it names the field or the reason). */
function AdminError({ error }: { error: CombinedError }) {
  const { t } = useI18n();
  const code = errorCodeOf(error);
  const message = error.graphQLErrors[0]?.message;
  return (
    <div className="state state-error" role="alert" data-testid="admin-error" data-error-code={code}>
      <p>{t(`error.${code}` as MessageKey)}</p>
      {message ? <p>{t('accounts.serverSaid', { message })}</p> : null}
    </div>
  );
}

/** A modal <dialog>: focus moves into it, the page behind is inert; Escape closes it unless `locked`. */
function Modal({ labelledBy, onClose, locked, children, testId }: { labelledBy: string; onClose: () => void; locked?: boolean; children: ReactNode; testId: string }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    return () => {
      if (d?.open) d.close();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      className="modal"
      aria-labelledby={labelledBy}
      data-testid={testId}
      onCancel={(e) => {
        e.preventDefault();
        if (!locked) onClose();
      }}
    >
      {children}
    </dialog>
  );
}

const TITLES: Record<Action, MessageKey> = {
  create: 'accounts.create',
  reset: 'accounts.resetPassword',
  totp: 'accounts.resetTotp',
  disable: 'accounts.disable',
  enable: 'accounts.enable',
  signout: 'accounts.signOutEverywhere',
};

function ConfirmDialog({ pending, onCancel, onDone }: { pending: Pending; onCancel: () => void; onDone: (message: string, otp?: Issued) => void }) {
  const { t } = useI18n();
  const { action, item } = pending;
  const name = item.member.name;
  const memberId = item.member.id;
  const [login, setLogin] = useState('');
  const [create, doCreate] = useMutation(AdminCreateAccountDocument);
  const [reset, doReset] = useMutation(AdminResetPasswordDocument);
  const [totp, doTotp] = useMutation(AdminResetTotpDocument);
  const [disable, doDisable] = useMutation(AdminDisableAccountDocument);
  const [enable, doEnable] = useMutation(AdminEnableAccountDocument);
  const [signout, doSignout] = useMutation(AdminSignOutEverywhereDocument);
  const state = { create, reset, totp, disable, enable, signout }[action];

  const confirm = async (e: FormEvent) => {
    e.preventDefault();
    switch (action) {
      case 'create': {
        const r = await doCreate({ memberId, loginName: login.trim() });
        if (r.data) onDone(t('accounts.done.create', { name }), { name, login: r.data.createAccount.account.loginName, password: r.data.createAccount.oneTimePassword });
        break;
      }
      case 'reset': {
        const r = await doReset({ memberId });
        if (r.data) onDone(t('accounts.done.reset', { name }), { name, login: r.data.resetPassword.account.loginName, password: r.data.resetPassword.oneTimePassword });
        break;
      }
      case 'totp':
        if ((await doTotp({ memberId })).data) onDone(t('accounts.done.totp', { name }));
        break;
      case 'disable':
        if ((await doDisable({ memberId })).data) onDone(t('accounts.done.disable', { name }));
        break;
      case 'enable':
        if ((await doEnable({ memberId })).data) onDone(t('accounts.done.enable', { name }));
        break;
      case 'signout': {
        const r = await doSignout({ memberId });
        if (r.data) onDone(t('accounts.done.signout', { name, n: r.data.signOutEverywhere }));
        break;
      }
    }
  };

  return (
    <Modal labelledBy="confirm-title" onClose={onCancel} testId="confirm-dialog" locked={state.fetching}>
      <form onSubmit={(e) => void confirm(e)} className="modal-body">
        <h2 id="confirm-title">{t(TITLES[action])}</h2>
        <p>{t(`accounts.confirm.${action}` as MessageKey, { name })}</p>
        {action === 'create' ? (
          <label className="field">
            {t('accounts.loginName')}
            <span className="hint">{t('accounts.loginNameHint')}</span>
            <input
              value={login}
              onChange={(e) => setLogin(e.target.value)}
              required
              maxLength={64}
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              data-testid="confirm-login"
            />
          </label>
        ) : null}
        {state.error ? <AdminError error={state.error} /> : null}
        <div className="toolbar modal-actions">
          <button type="button" className="button button-ghost" onClick={onCancel} disabled={state.fetching}>
            {t('accounts.cancel')}
          </button>
          <button type="submit" className="button" disabled={state.fetching} data-testid="confirm-submit">
            {t('accounts.confirm')}
          </button>
        </div>
      </form>
    </Modal>
  );
}

/** The one-time password, shown once: copy it, hand it over, close. Nothing keeps it afterwards. */
function OneTimePasswordDialog({ issued, onClose }: { issued: Issued; onClose: () => void }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const copy = () => {
    const write = navigator.clipboard?.writeText(issued.password);
    if (!write) {
      setCopied('failed');
      return;
    }
    write.then(
      () => setCopied('yes'),
      () => setCopied('failed'),
    );
  };
  return (
    <Modal labelledBy="otp-title" onClose={onClose} locked testId="otp-dialog">
      <div className="modal-body">
        <h2 id="otp-title">{t('accounts.otpTitle')}</h2>
        <p>{t('accounts.otpFor', { name: issued.name, login: issued.login })}</p>
        <p className="otp">
          <code data-testid="one-time-password">{issued.password}</code>
        </p>
        <p className="state-error otp-warning" data-testid="otp-warning">
          {t('accounts.otpWarning')}
        </p>
        <div className="toolbar modal-actions">
          <button type="button" className="button button-ghost" onClick={copy} data-testid="otp-copy">
            {t('accounts.copy')}
          </button>
          <span role="status" data-testid="otp-copied">
            {copied === 'yes' ? t('accounts.copied') : copied === 'failed' ? t('accounts.copyFailed') : ''}
          </span>
          <button type="button" className="button" onClick={onClose} data-testid="otp-done">
            {t('accounts.otpDone')}
          </button>
        </div>
      </div>
    </Modal>
  );
}
