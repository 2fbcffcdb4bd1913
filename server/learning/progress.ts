/**
 * Progress on a course at or above which the course counts as completed (plans, recommendations,
 * gaps, the member's stored profile, the simulation). The one place this threshold is written.
 */
export const COMPLETED = 0.9;

/** True when a course's progress (0..1) counts as completed. */
export const isCompleted = (progress: number): boolean => progress >= COMPLETED;
