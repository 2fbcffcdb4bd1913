/** A branch's learning at a glance, from its gap report. */
export interface LearningSummary {
  /** Mean mastery over members × areas, 0–1; null with no members. */
  mastery: number | null;
  /** Share of the stage-required (member, area) cells whose mastery meets the target; null when nothing is required. */
  completion: number | null;
}

/** Summarise a branch gap report's rows. */
export function summariseLearning(rows: readonly { cells: readonly { mastery: number; target: number | null }[] }[]): LearningSummary {
  let sum = 0;
  let n = 0;
  let required = 0;
  let met = 0;
  for (const r of rows)
    for (const c of r.cells) {
      sum += c.mastery;
      n++;
      if (c.target != null) {
        required++;
        if (c.mastery >= c.target) met++;
      }
    }
  return { mastery: n ? sum / n : null, completion: required ? met / required : null };
}
