/** Meeting kinds in the order the forms list them, and datetime-local input values. */
export const MEETING_KIND_VALUES = ['BRANCH_ASSEMBLY', 'BRANCH_COMMITTEE', 'GROUP_MEETING', 'PARTY_LECTURE', 'THEME_DAY', 'ORG_LIFE_MEETING', 'DEMOCRATIC_REVIEW'] as const;

/** `YYYY-MM-DDTHH:mm` of an instant in the browser's time zone, for <input type="datetime-local">. */
export function localInputValue(ms: number): string {
  const d = new Date(ms - new Date(ms).getTimezoneOffset() * 60_000);
  return d.toISOString().slice(0, 16);
}
