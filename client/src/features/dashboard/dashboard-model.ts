/**
 * Dashboard arithmetic, pure: the last four calendar quarters (China Standard Time, as the API counts
 * periods), the meetings-held ratio, and early warnings.
 */

const CST = 8 * 3600_000;

export interface Quarter {
  label: string;
  from: string;
  to: string;
}

/** The four most recent ended quarters, oldest first, e.g. 2025-Q1 … 2025-Q4. */
export function lastQuarters(now = Date.now(), count = 4): Quarter[] {
  const local = new Date(now + CST);
  let y = local.getUTCFullYear();
  let q = Math.floor(local.getUTCMonth() / 3); // current (unfinished) quarter, 0-based
  const out: Quarter[] = [];
  for (let i = 0; i < count; i++) {
    q -= 1;
    if (q < 0) {
      q = 3;
      y -= 1;
    }
    const from = Date.UTC(y, q * 3, 1) - CST;
    const to = Date.UTC(q === 3 ? y + 1 : y, q === 3 ? 0 : q * 3 + 3, 1) - CST;
    out.unshift({ label: `${y}-Q${q + 1}`, from: new Date(from).toISOString(), to: new Date(to).toISOString() });
  }
  return out;
}

export interface KindCount {
  kind: string;
  applies: boolean;
  held: number;
  required: number;
}

/**
 * Share of required meetings that were held: per kind at most `required` counts, so holding extra theme
 * days never hides a missing party lecture. null when nothing was required.
 */
export function meetingRatio(kinds: readonly KindCount[]): number | null {
  let req = 0;
  let held = 0;
  for (const k of kinds) {
    if (!k.applies || k.required <= 0) continue;
    req += k.required;
    held += Math.min(k.held, k.required);
  }
  return req === 0 ? null : held / req;
}

export interface Warning {
  branchId: string;
  branchName: string;
  kind: string;
  short: number;
}

/** One warning per branch and meeting kind held fewer times than required, worst first. */
export function meetingWarnings(branches: readonly { id: string; name: string; kinds: readonly KindCount[] }[]): Warning[] {
  const out: Warning[] = [];
  for (const b of branches)
    for (const k of b.kinds) {
      if (k.applies && k.held < k.required) out.push({ branchId: b.id, branchName: b.name, kind: k.kind, short: k.required - k.held });
    }
  return out.sort((a, b) => b.short - a.short || a.branchName.localeCompare(b.branchName, 'zh-CN'));
}

/** Sum several quarters' kind counts into one. */
export function sumKinds(periods: readonly (readonly KindCount[])[]): KindCount[] {
  const m = new Map<string, KindCount>();
  for (const p of periods)
    for (const k of p) {
      const e = m.get(k.kind) ?? { kind: k.kind, applies: false, held: 0, required: 0 };
      m.set(k.kind, { kind: k.kind, applies: e.applies || k.applies, held: e.held + k.held, required: e.required + k.required });
    }
  return [...m.values()];
}

/** "计算机学院本科生第一党支部" under "计算机学院党委" → "本科生第一党支部": drop the prefix shared with the committee. */
export function shortBranchName(branch: string, committee: string): string {
  let i = 0;
  while (i < branch.length && i < committee.length && branch[i] === committee[i]) i++;
  const rest = branch.slice(i);
  return i >= 2 && rest.length >= 2 ? rest : branch;
}
