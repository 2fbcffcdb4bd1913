/** Study-page content of the demo curriculum's courses, by course id (see types.ts). */
import { affairsServiceContent } from './affairs-service';
import { constitutionHistoryContent } from './constitution-history';
import { organizationAdmissionContent } from './organization-admission';
import { theoryDisciplineContent } from './theory-discipline';
import type { CourseContentSeed } from './types';

export type { CourseContentSeed } from './types';

export const COURSE_CONTENT: ReadonlyMap<string, CourseContentSeed> = new Map(
  [...constitutionHistoryContent, ...theoryDisciplineContent, ...organizationAdmissionContent, ...affairsServiceContent].map((c) => [c.courseId, c]),
);
