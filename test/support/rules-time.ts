/** China Standard Time helpers for rules tests. */
export { periodAt } from '../../server/rules/periods';

/** Epoch ms of local (UTC+8) midnight (or the given hour) of a calendar day; month is 1-based. */
export const cstDayStart = (year: number, month: number, day = 1, hour = 0): number => Date.UTC(year, month - 1, day, hour) - 8 * 3_600_000;
