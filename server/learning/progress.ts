/** Progress on a course at or above which the course counts as completed (plans, recommendations, gaps, simulation). */
export const COMPLETED = 0.9;
