/** All hand-written courses, c-1..c-136, in id order. */
import type { CourseSeed } from './types';
import { constitutionHistoryCourses } from './courses-constitution-history';
import { theoryDisciplineCourses } from './courses-theory-discipline';
import { organizationAdmissionCourses } from './courses-organization-admission';
import { affairsServiceCourses } from './courses-affairs-service';

export const courses: CourseSeed[] = [...constitutionHistoryCourses, ...theoryDisciplineCourses, ...organizationAdmissionCourses, ...affairsServiceCourses];
