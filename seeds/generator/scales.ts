/**
 * World sizes and the fixed clock of the synthetic world. Everything is dated relative to
 * REFERENCE_DATE (not the wall clock), so the output is the same whenever it is generated.
 */

/** 2026-11-01T00:00:00+08:00 — "now" in the generated world; truth mastery is as of this instant. */
export const REFERENCE_DATE = Date.UTC(2026, 9, 31, 16, 0, 0);
export const DAY_MS = 86_400_000;
/** China Standard Time has no daylight saving: local time = UTC + 8 h. */
export const CST_OFFSET_MS = 8 * 3_600_000;
/** Start of the simulated year of meetings and learning: 2025-11-01T00:00:00+08:00. */
export const WINDOW_START = Date.UTC(2025, 9, 31, 16, 0, 0);
/** When the platform went live: accounts are created no earlier than this. */
export const PLATFORM_LAUNCH = Date.UTC(2024, 1, 29, 16, 0, 0);

/** Epoch ms of local (UTC+8) midnight of the given calendar day; month is 1-based. */
export const cstDate = (year: number, month: number, day = 1, hour = 0, minute = 0): number => Date.UTC(year, month - 1, day, hour, minute) - CST_OFFSET_MS;

export type ScaleName = 'demo' | 'medium' | 'large';
export const SCALE_NAMES: readonly ScaleName[] = ['demo', 'medium', 'large'];

export interface Scale {
  name: ScaleName;
  committees: number;
  branches: number;
  members: number;
  /** Targets: the realised counts land close to these (per-member counts are drawn). */
  answers: number;
  studies: number;
  /** Share of branches with weak organizational life (missing required meetings, worse attendance). */
  weakBranchShare: number;
}

/**
 * Meetings are not a target: every branch holds what docs/GLOSSARY.md requires (minus the weak branches'
 * misses), which comes to ~35 a year per branch plus 12 per party group.
 */
export const SCALES: Readonly<Record<ScaleName, Scale>> = {
  demo: { name: 'demo', committees: 4, branches: 12, members: 300, answers: 4_000, studies: 1_500, weakBranchShare: 0.15 },
  medium: { name: 'medium', committees: 20, branches: 400, members: 20_000, answers: 1_000_000, studies: 200_000, weakBranchShare: 0.15 },
  large: { name: 'large', committees: 200, branches: 4_000, members: 200_000, answers: 10_000_000, studies: 2_000_000, weakBranchShare: 0.15 },
};

export function isScaleName(s: string): s is ScaleName {
  return (SCALE_NAMES as readonly string[]).includes(s);
}
