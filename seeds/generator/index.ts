/**
 * The synthetic world generator: a deterministic university of committees, branches and members
 * with a year of meetings and learning drawn from a hidden learner model, written as a bulk
 * directory (graph/bulk-format.ts) plus the hidden truth. See seeds/generator/README.md.
 */
export { generateWorld, DEFAULT_SEED, type GenerateOptions, type GenerateResult } from './generate';
export { ensureDemoData, bulkDirFor, type EnsureDemoOptions, type EnsureDemoResult } from './ensure-demo';
export { DEMO_ACCOUNTS, DEMO_BRANCH_ID, DEMO_COMMITTEE_ID, type DemoAccount } from './demo-accounts';
export { REFERENCE_DATE, WINDOW_START, SCALES, SCALE_NAMES, isScaleName, type Scale, type ScaleName } from './scales';
export { type Curriculum, loadDefaultCurriculum, validateCurriculum } from './curriculum-input';
export { MEETING_FREQUENCY, requiredPeriods, type Period } from './meeting-periods';
export { type Manifest, readManifest, MANIFEST_FILE } from './manifest';
export * as hiddenModel from './hidden-model';
