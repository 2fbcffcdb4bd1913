/** The whole rules catalogue: one list per domain, each owned with its evaluators. */
import type { RuleDef } from '../types';
import { LIFE_RULES } from './life';

export const CATALOGUE: readonly RuleDef<any>[] = [
  ...LIFE_RULES,
];
