/**
 * The thresholds every learning feature shares, written once:
 *  - COMPLETED: progress on a course at or above which the course counts as completed (plans,
 *    recommendations, gaps, the member's stored profile, the simulation);
 *  - PREREQ_READY: current mastery (forgetting applied, as the portrait shows it) at or above which a
 *    prerequisite counts as ready to build on (recommendations pass need down to prerequisites below
 *    it and weigh a topic's readiness by it; a study plan puts a prerequisite's course first only
 *    while the prerequisite is below it);
 *  - PREREQ_FAR: current mastery below which a prerequisite is far from mastered (a course building on
 *    it is not recommended yet).
 */
export const COMPLETED = 0.9;

/** True when a course's progress (0..1) counts as completed. */
export const isCompleted = (progress: number): boolean => progress >= COMPLETED;

/** Current mastery at or above which a prerequisite is ready to build on. */
export const PREREQ_READY = 0.6;

/** Current mastery below which a prerequisite is far from mastered. */
export const PREREQ_FAR = 0.4;

/** True when a prerequisite's current mastery (0..1) is ready to build on. */
export const isReady = (mastery: number): boolean => mastery >= PREREQ_READY;
