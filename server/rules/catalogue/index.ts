/** The whole rules catalogue: one list per domain, each owned with its evaluators. */
import type { RuleDef } from '../types';
import { DUES_RULES } from './dues';
import { LEARNING_RULES } from './learning';
import { LIFE_RULES } from './life';
import { NOTICE_RULES } from './notices';
import { PIPELINE_RULES } from './pipeline';
import { TALK_RULES } from './talks';
import { TRANSFER_RULES } from './transfers';

// biome-ignore lint/suspicious/noExplicitAny: one list of rules whose parameter types differ; each rule checks its own
export const CATALOGUE: readonly RuleDef<any>[] = [...LIFE_RULES, ...PIPELINE_RULES, ...DUES_RULES, ...TRANSFER_RULES, ...NOTICE_RULES, ...TALK_RULES, ...LEARNING_RULES];
