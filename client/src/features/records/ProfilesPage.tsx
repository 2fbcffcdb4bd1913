import { type FormEvent, useId, useState } from 'react';
import { type CombinedError, useMutation, useQuery } from 'urql';
import { hrefFor } from '../../app/routes';
import { useSession } from '../../app/useSession';
import {
  ConsentToProfileExportDocument,
  DiscardImportedProfileDocument,
  ExportLearningProfileDocument,
  KeepImportedProfileDocument,
  type KeptProfileFieldsFragment,
  MemberProfilesDocument,
  type MemberProfilesQuery,
  type ProfileContentFieldsFragment,
  VerifyLearningProfileDocument,
  WithdrawProfileConsentDocument,
} from '../../gql/graphql';
import { useI18n } from '../../i18n/useI18n';
import { EmptyState } from '../../ui/EmptyState';
import { QueryState } from '../../ui/QueryState';
import { Section } from '../../ui/Section';

type Transfer = MemberProfilesQuery['memberTransfers'][number];
const OPEN = ['INITIATED', 'APPROVED', 'LETTER_ISSUED', 'LETTER_RECEIVED'];

/**
 * A member's portable learning profile (学习档案转接): on each transfer the member gives or withdraws their consent to
 * export it; profiles brought from another Hongtu are listed with what they carry, and the member (or the branch's
 * managers) discards them. Managers verify a signed profile and keep it with the member.
 */
export default function ProfilesPage({ memberId }: { memberId: string }) {
  const [{ data, fetching, error }, refetch] = useQuery({ query: MemberProfilesDocument, variables: { memberId } });
  const reload = () => refetch({ requestPolicy: 'network-only' });
  return (
    <div className="page">
      <QueryState fetching={fetching} error={error} data={data} retry={reload}>
        {(d) => <Profiles data={d} reload={reload} />}
      </QueryState>
    </div>
  );
}

function Profiles({ data, reload }: { data: MemberProfilesQuery; reload: () => void }) {
  const { t } = useI18n();
  const session = useSession();
  const self = session?.memberId === data.member.id;
  const manages = !!session && ['SECRETARY', 'COMMITTEE_ADMIN', 'UNIVERSITY_ADMIN'].includes(session.role);
  return (
    <>
      <div className="page-head">
        <div>
          <p className="meta">
            {t('profiles.title')} · {data.member.branch.name}
          </p>
          <h1 data-testid="profiles-name">{data.member.name}</h1>
        </div>
        <p className="meta">
          <a href={hrefFor({ name: 'record', memberId: data.member.id })}>{t('record.link')}</a>
        </p>
      </div>
      <Section title={t('profiles.transfers')} hint={t('profiles.transfersHint')}>
        {data.memberTransfers.length === 0 ? (
          <EmptyState>{t('profiles.noTransfers')}</EmptyState>
        ) : (
          <ul className="todo-list" data-testid="profiles-transfers">
            {data.memberTransfers.map((c) => (
              <TransferConsent key={c.id} c={c} self={self} canExport={self || manages} onChanged={reload} />
            ))}
          </ul>
        )}
      </Section>
      <Section title={t('profiles.kept')} hint={t('profiles.keptHint')}>
        {data.importedProfiles.length === 0 ? (
          <EmptyState>{t('profiles.noneKept')}</EmptyState>
        ) : (
          <ul className="todo-list" data-testid="profiles-kept">
            {data.importedProfiles.map((p) => (
              <KeptProfile key={p.id} p={p} memberId={data.member.id} canDiscard={self || manages} onChanged={reload} />
            ))}
          </ul>
        )}
      </Section>
      {manages ? <KeepForm memberId={data.member.id} onKept={reload} /> : null}
    </>
  );
}

function TransferConsent({ c, self, canExport, onChanged }: { c: Transfer; self: boolean; canExport: boolean; onChanged: () => void }) {
  const { t, te, date } = useI18n();
  const [consentState, consent] = useMutation(ConsentToProfileExportDocument);
  const [withdrawState, withdraw] = useMutation(WithdrawProfileConsentDocument);
  const where = c.externalOrg ?? c.toBranch?.name ?? '';
  const error = consentState.error ?? withdrawState.error;
  const act = async (run: (v: { transferId: string }) => Promise<{ error?: CombinedError }>) => {
    const r = await run({ transferId: c.id });
    if (!r.error) onChanged();
  };
  return (
    <li className="todo-item" data-transfer={c.id} data-consent={c.profileConsentAt ? 'yes' : 'no'}>
      <div className="todo-main">
        <strong>{te('transferKind', c.kind)}</strong>
        {where ? ` · ${where}` : ''} · <span className="chip">{te('transfer', c.status)}</span>
      </div>
      <div className="meta" data-testid="consent-state">
        {t('profiles.started', { date: date(c.createdAt) })} · {c.profileConsentAt ? t('profiles.consented', { date: date(c.profileConsentAt) }) : t('profiles.notConsented')}
      </div>
      {self && c.profileConsentAt ? (
        <button type="button" className="button button-ghost" disabled={withdrawState.fetching} onClick={() => void act(withdraw)} data-testid="consent-withdraw">
          {t('profiles.withdraw')}
        </button>
      ) : self && OPEN.includes(c.status) ? (
        <button type="button" className="button" disabled={consentState.fetching} onClick={() => void act(consent)} data-testid="consent-give">
          {t('profiles.consent')}
        </button>
      ) : null}
      {error ? <ActionError error={error} lead={t('profiles.consentFailed')} /> : null}
      {canExport && c.profileConsentAt ? <ExportProfile transferId={c.id} /> : null}
    </li>
  );
}

/** Sign the profile of a consented transfer and show the document to hand to the receiving Hongtu. */
function ExportProfile({ transferId }: { transferId: string }) {
  const { t } = useI18n();
  const ids = useId();
  const [state, run] = useMutation(ExportLearningProfileDocument);
  const out = state.data?.exportLearningProfile;
  return (
    <div className="export-profile" data-testid="export-profile">
      <button type="button" className="button button-ghost" disabled={state.fetching} onClick={() => void run({ transferId })} data-testid="export-run">
        {t('profiles.export')}
      </button>
      {out && !state.error ? (
        <>
          <ProfileSummary p={out.profile} />
          <label htmlFor={`${ids}-token`} className="meta">
            {t('profiles.exported')}
          </label>
          <textarea id={`${ids}-token`} readOnly rows={3} value={out.token} data-testid="export-token" onFocus={(e) => e.target.select()} />
        </>
      ) : null}
      {state.error ? <ActionError error={state.error} lead={t('profiles.exportFailed')} /> : null}
    </div>
  );
}

function ProfileSummary({ p }: { p: ProfileContentFieldsFragment }) {
  const { t, te, date } = useI18n();
  return (
    <div className="meta" data-testid="profile-summary">
      <p>{t('profiles.carries', { name: p.name, stage: te('stage', p.stage), topics: p.mastery.length, courses: p.completedCourses.length, steps: p.milestones.length })}</p>
      <p>{t('profiles.consentAt', { date: date(p.consentAt) })}</p>
      {p.completedCourses.length ? (
        <p>
          {p.completedCourses
            .slice(0, 5)
            .map((x) => x.title)
            .join('、')}
        </p>
      ) : null}
      {p.milestones.length ? <p>{p.milestones.map((m) => `${te('step', m.step)} ${date(m.at)}`).join(' · ')}</p> : null}
    </div>
  );
}

function KeptProfile({ p, memberId, canDiscard, onChanged }: { p: KeptProfileFieldsFragment; memberId: string; canDiscard: boolean; onChanged: () => void }) {
  const { t, date } = useI18n();
  const [asking, setAsking] = useState(false);
  const [state, discard] = useMutation(DiscardImportedProfileDocument);
  const go = async () => {
    const r = await discard({ memberId, id: p.id });
    if (!r.error) onChanged();
  };
  return (
    <li className="todo-item" data-profile={p.id}>
      <div className="todo-main">
        <strong>{p.issuer}</strong> · {t('profiles.importedAt', { date: date(p.importedAt) })}
      </div>
      <ProfileSummary p={p.profile} />
      {canDiscard ? (
        asking ? (
          <div className="row-actions" role="group" aria-label={t('profiles.confirmDiscard')}>
            <button type="button" className="button" disabled={state.fetching} onClick={() => void go()} data-testid="discard-confirm">
              {t('profiles.confirmDiscard')}
            </button>
            <button type="button" className="button button-ghost" onClick={() => setAsking(false)}>
              {t('meetings.cancel')}
            </button>
          </div>
        ) : (
          <button type="button" className="button button-ghost" onClick={() => setAsking(true)} data-testid="discard">
            {t('profiles.discard')}
          </button>
        )
      ) : null}
      {state.error ? <ActionError error={state.error} lead={t('profiles.discardFailed')} /> : null}
    </li>
  );
}

function KeepForm({ memberId, onKept }: { memberId: string; onKept: () => void }) {
  const { t } = useI18n();
  const ids = useId();
  const [token, setToken] = useState('');
  const [verifyState, verify] = useMutation(VerifyLearningProfileDocument);
  const [keepState, keep] = useMutation(KeepImportedProfileDocument);
  const [kept, setKept] = useState(false);
  const checked = verifyState.data?.importLearningProfile && !verifyState.error ? verifyState.data.importLearningProfile : null;
  const check = async (e: FormEvent) => {
    e.preventDefault();
    setKept(false);
    await verify({ token: token.trim() });
  };
  const save = async () => {
    const r = await keep({ token: token.trim(), memberId });
    if (!r.error) {
      setKept(true);
      setToken('');
      onKept();
    }
  };
  const error = verifyState.error ?? keepState.error;
  return (
    <form className="card form" onSubmit={check} aria-labelledby={`${ids}-h`} data-testid="keep-form">
      <h2 id={`${ids}-h`}>{t('profiles.keepTitle')}</h2>
      <p className="hint">{t('profiles.keepHint')}</p>
      <label>
        {t('profiles.token')}
        <textarea
          rows={4}
          value={token}
          onChange={(e) => {
            setToken(e.target.value);
            setKept(false);
          }}
          data-testid="keep-token"
          required
          aria-invalid={verifyState.error ? true : undefined}
          aria-describedby={verifyState.error ? `${ids}-err` : undefined}
        />
      </label>
      <button type="submit" className="button button-ghost" disabled={verifyState.fetching || !token.trim()} data-testid="keep-verify">
        {t('profiles.verify')}
      </button>
      {checked && token.trim() ? (
        <div data-testid="keep-checked">
          <p role="status">{t('profiles.verified', { issuer: checked.issuer })}</p>
          <ProfileSummary p={checked.profile} />
          <button type="button" className="button" disabled={keepState.fetching} onClick={() => void save()} data-testid="keep-save">
            {t('profiles.keep')}
          </button>
        </div>
      ) : null}
      {error ? (
        <div id={`${ids}-err`}>
          <ActionError error={error} lead={t(verifyState.error ? 'profiles.verifyFailed' : 'profiles.keepFailed')} />
        </div>
      ) : null}
      {kept ? (
        <p role="status" data-testid="keep-done">
          {t('profiles.keptDone')}
        </p>
      ) : null}
    </form>
  );
}

/** A refused action: what failed, that nothing changed, and the server's reason. */
function ActionError({ error, lead }: { error: CombinedError; lead: string }) {
  const { t } = useI18n();
  return (
    <div role="alert" className="error" data-testid="profiles-error" data-code={String(error.graphQLErrors[0]?.extensions?.code ?? '')}>
      <p>
        {lead}
        {t('record.nothingSaved')}
      </p>
      <p className="meta">{error.graphQLErrors[0]?.message ?? error.message}</p>
    </div>
  );
}
