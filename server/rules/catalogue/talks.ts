/**
 * Talks (谈心谈话): every full and probationary member has a yearly talk with the secretary or a branch committee
 * member. 《中国共产党支部工作条例（试行）》 asks branch committee members to talk with members (谈心谈话); the article
 * and a yearly figure could not be checked against the text here, so the document alone is cited and the yearly
 * frequency is the common practice this catalogue keeps. A university can override `minimum`.
 */
import type { TalkYearlyParams } from '../evaluators/talk-yearly';
import type { RuleDef } from '../types';

export const TALK_RULES: RuleDef<TalkYearlyParams>[] = [
  {
    id: 'talk.yearly',
    version: 1,
    kind: 'talk-yearly',
    appliesTo: 'BRANCH',
    title: { zh: '每名党员每年至少1次谈心谈话', en: 'A yearly talk with every member' },
    params: { talkKind: 'YEARLY', minimum: 1 },
    effectiveFrom: '2026-01-01',
    citation: {
      document: '中国共产党支部工作条例（试行）',
      confirmed: false,
      note: '条例要求支部委员与党员开展谈心谈话；未能在条文中核实条目与每年至少1次的频次，每年1次为通行做法',
    },
  },
];
