/** What the resolvers of the rules module return (codegen `mappers`). */
import type { PeriodLife } from '../life/branch-life';
import type { Citation, Obligation, RuleDef } from '../rules/types';

export type RuleModel = RuleDef;
export type CitationModel = Citation;
export type ObligationModel = Obligation;
export type PeriodLifeModel = PeriodLife;
