/** Which week of a plan `now` falls in (1-based, clamped to 1..weeks). */
export function currentWeek(startsAt: string, weeks: number, now = Date.now()): number {
  const w = Math.floor((now - Date.parse(startsAt)) / (7 * 86400_000)) + 1;
  return Math.min(Math.max(1, w), Math.max(1, weeks));
}

/** The items of one week, in plan order, and how many of them are completed. */
export function weekItems<T extends { week: number; order: number; completed: boolean; minutes: number }>(items: readonly T[], week: number) {
  const list = items.filter((i) => i.week === week).sort((a, b) => a.order - b.order);
  return { list, done: list.filter((i) => i.completed).length, minutes: list.reduce((s, i) => s + i.minutes, 0) };
}
