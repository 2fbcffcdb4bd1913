import { createContext, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { formatDate, formatMinutes, formatNumber, formatPercent, formatRelative, initialLocale, translate, type Locale, type Params } from './i18n';
import type { MessageKey } from './zh-CN';

/** What components get from `useI18n()`: the locale, a switch, `t` and Intl formatters bound to the locale. */
export interface I18n {
  locale: Locale;
  setLocale(l: Locale): void;
  t(key: MessageKey, params?: Params): string;
  /** Translate a dynamic key such as `stage.${stage}`; unknown keys show the raw value. */
  te(prefix: string, value: string): string;
  num(n: number, digits?: number): string;
  pct(ratio: number, digits?: number): string;
  date(at: number | string, withTime?: boolean): string;
  ago(at: number | string): string;
  minutes(m: number): string;
}

export const I18nContext = createContext<I18n | null>(null);
const STORAGE_KEY = 'hongtu.locale';

/** Holds the chosen language (saved in localStorage) and keeps `<html lang>` in step for screen readers. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(() => initialLocale(localStorage.getItem(STORAGE_KEY)));
  const setLocale = useCallback((l: Locale) => {
    localStorage.setItem(STORAGE_KEY, l);
    setLocaleState(l);
  }, []);
  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = `${translate(locale, 'app.name')} · ${translate(locale, 'app.tagline')}`;
  }, [locale]);
  const value = useMemo<I18n>(
    () => ({
      locale,
      setLocale,
      t: (key, params) => translate(locale, key, params),
      te: (prefix, v) => {
        const k = `${prefix}.${v}`;
        const s = translate(locale, k);
        return s === k ? v : s;
      },
      num: (n, d) => formatNumber(locale, n, d),
      pct: (r, d) => formatPercent(locale, r, d),
      date: (at, wt) => formatDate(locale, at, wt),
      ago: (at) => formatRelative(locale, at),
      minutes: (m) => formatMinutes(locale, m),
    }),
    [locale, setLocale],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}
