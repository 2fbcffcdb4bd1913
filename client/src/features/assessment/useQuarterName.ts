import type { BranchAssessmentQuery } from '../../gql/graphql';
import { useI18n } from '../../i18n/useI18n';
import { parseQuarter } from './assessment-model';

export type QuarterScore = BranchAssessmentQuery['branchAssessment'][number];

/** A quarter label in the reader's language: 2026-Q3 → 2026年第3季度 / 2026 Q3. */
export function useQuarterName(): (label: string) => string {
  const { t } = useI18n();
  return (label) => {
    const p = parseQuarter(label);
    return p ? t('assess.quarter', { year: p.year, q: p.q }) : label;
  };
}
