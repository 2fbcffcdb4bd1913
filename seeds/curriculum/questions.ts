/** All hand-written quiz questions, one file per top-level area, ids `q-<area>-NNN`. */
import type { QuestionSeed } from './types';
import { constitutionQuestions } from './questions-constitution';
import { historyQuestions } from './questions-history';
import { theoryQuestions } from './questions-theory';
import { disciplineQuestions } from './questions-discipline';
import { organizationQuestions } from './questions-organization';
import { admissionQuestions } from './questions-admission';
import { affairsQuestions } from './questions-affairs';
import { serviceQuestions } from './questions-service';

export const questions: QuestionSeed[] = [
  ...constitutionQuestions,
  ...historyQuestions,
  ...theoryQuestions,
  ...disciplineQuestions,
  ...organizationQuestions,
  ...admissionQuestions,
  ...affairsQuestions,
  ...serviceQuestions,
];
