/** The rules catalogue and obligations. */
import { listObligations, obligationKey } from '../rules/obligation-service';
import { overrideRule, ruleHistory, ruleNotFound } from '../rules/override-service';
import { workQueue } from '../rules/work-queue';
import { obligationCalendar } from '../rules/obligation-service';
import type { Resolvers } from './generated/resolvers-types';
import { type ApiModule, readSdl } from './module';
import { requestLocale } from '../i18n/locale';
import { renderStored } from '../i18n/reasons';
import { NO_NAMES, reasonModelsIn } from './reasons';

import { citationText } from '../rules/citation';
const json = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v));

const resolvers: Resolvers = {
  Query: {
    rules: async (_, { at }, ctx) => {
      const s = await ctx.session();
      const set = await s.rules.ruleSet();
      const t = at ?? s.now();
      return set.ids().flatMap((id) => set.ruleInForce(id, t) ?? []);
    },
    rule: async (_, { id, at }, ctx) => {
      const s = await ctx.session();
      const r = (await s.rules.ruleSet()).ruleInForce(id, at ?? s.now());
      if (!r) throw ruleNotFound(id);
      return r;
    },
    ruleHistory: async (_, { id }, ctx) =>
      (await ruleHistory(await ctx.session(), id)).map(({ rule, override }) => ({
        rule,
        isOverride: override !== null,
        reason: override?.reason ?? null,
        createdBy: override?.createdBy ?? null,
        createdAt: override?.createdAt ?? null,
      })),
    obligationCalendar: async (_, { branchId, from, weeks }, ctx) => obligationCalendar(await ctx.session(), branchId, from, weeks),
    workQueue: async (_, { asOf, horizonDays }, ctx) => {
      const q = await workQueue(await ctx.session(), { asOf, horizonDays });
      return { ...q, scopeKind: q.scope.kind, scopeId: q.scope.id };
    },
    obligations: async (_, args, ctx) =>
      listObligations(await ctx.session(), {
        scope: args.scope,
        asOf: args.asOf,
        from: args.from,
        to: args.to,
        statuses: args.statuses,
      }),
  },
  Mutation: {
    overrideRule: async (_, { input }, ctx) => overrideRule(await ctx.session(), input),
  },
  Rule: {
    title: (r, _, ctx) => (requestLocale(ctx) === 'en' ? r.title.en : r.title.zh),
    titleZh: (r) => r.title.zh,
    titleEn: (r) => r.title.en,
    params: (r) => JSON.stringify(r.params),
    effectiveTo: (r) => r.effectiveTo ?? null,
  },
  Citation: {
    article: (c) => (c.confirmed ? (c.article ?? null) : null),
    note: (c) => c.note ?? null,
    text: (c) => citationText(c),
  },
  Obligation: {
    key: (o) => obligationKey(o),
    title: async (o, _, ctx) => {
      if (requestLocale(ctx) !== 'en') return o.title;
      const s = await ctx.session();
      const set = await s.rules.ruleSet();
      const rule = set.ruleInForce(o.ruleId, o.dueAt ?? s.now()) ?? set.ruleInForce(o.ruleId, s.now());
      if (!rule) return o.title;
      return o.titleDetail ? `${rule.title.en} (${renderStored(o.titleDetail, 'en', NO_NAMES)})` : rule.title.en;
    },
    titleDetail: (o, _, ctx) => (o.titleDetail ? (reasonModelsIn(o.titleDetail, requestLocale(ctx), NO_NAMES)[0] ?? null) : null),
    period: (o) => o.period ?? null,
    action: (o) => o.action ?? null,
    detail: (o) => json(o.detail),
    subject: (o) => ({ kind: o.subject.kind, id: o.subject.id, name: o.subject.name ?? null, branchId: o.subject.branchId ?? null }),
    evidence: (o) => o.evidence.map((e) => ({ kind: e.kind, id: e.id, label: e.label ?? null, at: e.at ?? null })),
  },
  ObligationEvidence: {
    label: (e, _, ctx) => (e.label ? renderStored(e.label, requestLocale(ctx), NO_NAMES) : null),
  },
};

export const rulesModule: ApiModule = { name: 'rules', typeDefs: readSdl('rules.graphql', import.meta.url), resolvers };
