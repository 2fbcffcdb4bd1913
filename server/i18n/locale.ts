/**
 * The language of a request: `Accept-Language` (the client sends the language the user chose),
 * zh-CN by default. Only zh-CN and en are served; any other tag falls through to the next one.
 */
export type Locale = 'zh-CN' | 'en';
export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

/** The supported locale a language tag names, or null: `zh`, `zh-CN`, `zh-Hans-CN` → zh-CN; `en`, `en-GB` → en. */
function supported(tag: string): Locale | null {
  const base = tag.trim().toLowerCase().split('-')[0];
  return base === 'zh' ? 'zh-CN' : base === 'en' ? 'en' : null;
}

/** The best supported locale of an Accept-Language header (by q-value, then order); zh-CN when none matches. */
export function localeFromHeader(header: string | null | undefined): Locale {
  if (!header) return DEFAULT_LOCALE;
  const ranked = header
    .split(',')
    .slice(0, 20)
    .map((part, i) => {
      const [tag, ...opts] = part.split(';');
      const q = opts.map((o) => o.trim()).find((o) => o.startsWith('q='));
      const weight = q ? Number(q.slice(2)) : 1;
      return { locale: supported(tag), weight: Number.isFinite(weight) ? weight : 0, i };
    })
    .filter((x) => x.locale && x.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.i - b.i);
  return ranked[0]?.locale ?? DEFAULT_LOCALE;
}

/** The locale of a GraphQL request (its context carries the Fetch API request). */
export function requestLocale(ctx: { request?: { headers: { get(name: string): string | null } } }): Locale {
  return localeFromHeader(ctx.request?.headers.get('accept-language'));
}
