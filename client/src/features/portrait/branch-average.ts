/** Mean mastery per area over a branch's members (the portrait's comparison line). */
export function branchAverageByArea(rows: readonly { cells: readonly { area: string; mastery: number }[] }[]): Map<string, number> {
  const sum = new Map<string, { s: number; n: number }>();
  for (const r of rows) for (const c of r.cells) {
    const e = sum.get(c.area) ?? { s: 0, n: 0 };
    sum.set(c.area, { s: e.s + c.mastery, n: e.n + 1 });
  }
  return new Map([...sum].map(([a, { s, n }]) => [a, s / n]));
}
