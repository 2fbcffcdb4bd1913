/**
 * Reasons at the API edge: the `Reason` type (code, typed parameters, text) and the helpers other
 * resolvers use to render stored reasons (server/i18n/reasons.ts) in the request's language.
 */
import type { ApiContext } from './context';
import { type Locale, requestLocale } from '../i18n/locale';
import { decodeReasons, paramKind, renderReason, renderSentences, type ReasonCode, type ReasonNames, type ReasonParamKind } from '../i18n/reasons';
import { type ApiModule, readSdl } from './module';

/** What a `Reason` field returns: plain data in the GraphQL shape. */
export interface ReasonModel {
  code: ReasonCode;
  params: { name: string; kind: ReasonParamKind; value: string }[];
  text: string;
}

const namesOf = new WeakMap<ApiContext, Promise<ReasonNames>>();

/** Topic names for rendering: the curriculum's (ids where learning services are off). */
function reasonNames(ctx: ApiContext): Promise<ReasonNames> {
  let p = namesOf.get(ctx);
  if (!p) {
    const cache = ctx.deps.learning?.learner?.curriculum;
    p = (cache ? cache.get() : Promise.resolve(null)).then((view) => ({ topic: (id: string) => view?.topics.get(id)?.name }));
    namesOf.set(ctx, p);
  }
  return p;
}

/** One stored reason string (one reason or a list read as sentences) as text in the request's language. */
export async function renderStoredText(ctx: ApiContext, stored: string): Promise<string> {
  return renderSentences(decodeReasons(stored), requestLocale(ctx), await reasonNames(ctx));
}

/** A list of stored reasons, each rendered on its own (no sentence punctuation added). */
export async function renderStoredList(ctx: ApiContext, stored: readonly string[]): Promise<string[]> {
  const [locale, names] = [requestLocale(ctx), await reasonNames(ctx)];
  return stored.flatMap(decodeReasons).map((r) => renderReason(r, locale, names));
}

/** Stored reasons (a list, or one string holding one or several) as codes, typed parameters and text. */
export async function storedReasonModels(ctx: ApiContext, stored: string | readonly string[]): Promise<ReasonModel[]> {
  return reasonModelsIn(stored, requestLocale(ctx), await reasonNames(ctx));
}

/** Names for reasons that name no curriculum topic (e.g. the assessment's). */
export const NO_NAMES: ReasonNames = { topic: () => undefined };

/** `storedReasonModels` with the locale and names at hand. */
export function reasonModelsIn(stored: string | readonly string[], locale: Locale, names: ReasonNames): ReasonModel[] {
  return (typeof stored === 'string' ? [stored] : stored).flatMap(decodeReasons).map((r) => ({
    code: r.code,
    params: Object.entries(r.params).map(([name, value]) => ({ name, kind: paramKind(r.code, name), value: String(value) })),
    text: renderReason(r, locale, names),
  }));
}

export const reasonsModule: ApiModule = { name: 'reasons', typeDefs: readSdl('reasons.graphql', import.meta.url), resolvers: {} };
