import type { ReactNode } from 'react';
import { useMutation } from 'urql';
import { SignOutDocument } from '../gql/graphql';
import { useI18n } from '../i18n/useI18n';
import { LOCALES, type Locale } from '../i18n/i18n';
import { hrefFor, type Route } from './routes';
import { navFor, writeSession } from './session';
import { useRoute } from './useRoute';
import { useSession } from './useSession';

const LOCALE_NAMES: Record<Locale, string> = { 'zh-CN': '中文', en: 'English' };

/** Header with role-based navigation, the language switch and sign-out; a skip link for keyboard users. */
export function Shell({ children }: { children: ReactNode }) {
  const { t, locale, setLocale, te } = useI18n();
  const session = useSession();
  const route = useRoute();
  const [, signOut] = useMutation(SignOutDocument);
  // The API ends the session and clears the cookie; the app forgets the person whatever the answer.
  const leave = async () => {
    await signOut({}).catch(() => undefined);
    writeSession(null);
    window.location.hash = '#/signin';
  };
  const items = session ? navFor(session) : [];
  const target = (item: ReturnType<typeof navFor>[number]): Route => {
    switch (item) {
      case 'branch':
        return { name: 'branch', id: session?.branchId ?? '' };
      case 'network':
        return { name: 'network', root: null };
      case 'dashboard':
        return { name: 'dashboard', id: null };
      case 'todo':
        return { name: 'todo' };
      case 'notices':
        return { name: 'notices' };
      case 'appraisal':
        return { name: 'appraisal' };
      case 'accounts':
        return { name: 'accounts' };
      case 'rules':
        return { name: 'rules' };
      default:
        return { name: 'home' };
    }
  };
  return (
    <div className="shell">
      {/* biome-ignore lint/a11y/useValidAnchor: a skip link is a link; following #main would change the hash route, so it moves focus itself */}
      <a
        className="skip-link"
        href="#main"
        onClick={(e) => {
          e.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        {t('app.skip')}
      </a>
      <header className="topbar">
        <a className="brand" href={hrefFor({ name: 'root' })}>
          <span className="brand-mark" aria-hidden="true">
            红
          </span>
          <span className="brand-name">{t('app.name')}</span>
        </a>
        {items.length > 0 ? (
          <nav aria-label={t('nav.label')} className="nav">
            {items.map((item) => {
              const r = target(item);
              const current = route.name === r.name || (item === 'home' && route.name === 'home');
              return (
                <a key={item} href={hrefFor(r)} aria-current={current ? 'page' : undefined} data-nav={item}>
                  {t(`nav.${item}`)}
                </a>
              );
            })}
          </nav>
        ) : (
          <span className="nav-spacer" />
        )}
        <div className="topbar-tools">
          <label className="sr-only" htmlFor="locale-select">
            {t('nav.language')}
          </label>
          <select id="locale-select" value={locale} onChange={(e) => setLocale(e.target.value as Locale)} data-testid="locale">
            {LOCALES.map((l) => (
              <option key={l} value={l}>
                {LOCALE_NAMES[l]}
              </option>
            ))}
          </select>
          {session ? (
            <>
              <a href={hrefFor({ name: 'account' })} aria-current={route.name === 'account' ? 'page' : undefined} data-nav="account">
                {t('nav.account')}
              </a>
              <button
                type="button"
                className="link-button"
                onClick={() => void leave()}
                data-testid="signout"
                data-member-id={session.memberId}
                title={t('nav.signedInAs', { name: session.name, role: te('role', session.role) })}
              >
                {t('nav.signOut')}
              </button>
            </>
          ) : null}
        </div>
      </header>
      {children}
    </div>
  );
}
