/** Where `hongtu kt fit` keeps the fitted parameters, and how the server reads them. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_MASTERY_PARAMS, type MasteryParams } from './bkt-mastery';

/** `<data>/kt-params.json`, next to the embedded store's directory. */
export const masteryParamsPath = (dataDir: string) => path.join(path.dirname(dataDir), 'kt-params.json');

export function loadMasteryParams(file: string): MasteryParams {
  if (!existsSync(file)) return DEFAULT_MASTERY_PARAMS;
  const raw = JSON.parse(readFileSync(file, 'utf8')) as MasteryParams & { halfLifeDays: number | null };
  // JSON has no Infinity: null means "no forgetting".
  return { ...DEFAULT_MASTERY_PARAMS, ...raw, halfLifeDays: raw.halfLifeDays ?? Infinity };
}

export function saveMasteryParams(file: string, p: MasteryParams): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const out = { ...p, halfLifeDays: Number.isFinite(p.halfLifeDays) ? p.halfLifeDays : null };
  writeFileSync(file, JSON.stringify(out, null, 2) + '\n');
}
