/**
 * The organization tree: one university, committees named after colleges, branches by type
 * (本科生 / 研究生 / 教工 / 离退休), optional party groups, and how many members each branch has.
 * People are filled in by people.ts.
 */
import { chineseNumber, collegeName, UNIVERSITY_NAME } from './names';
import type { Rng } from './rng';
import type { Scale } from './scales';

export type BranchType = 'UNDERGRAD' | 'GRADUATE' | 'TEACHER' | 'RETIRED';

const TYPE_LABEL: Record<BranchType, string> = { UNDERGRAD: '本科生', GRADUATE: '研究生', TEACHER: '教工', RETIRED: '离退休' };
const TYPE_SIZE_WEIGHT: Record<BranchType, number> = { UNDERGRAD: 1.4, GRADUATE: 1.0, TEACHER: 0.9, RETIRED: 0.6 };
export const MIN_BRANCH_SIZE = 8;

export interface CommitteeRec {
  id: string;
  name: string;
  branches: number[];
}
export interface BranchRec {
  idx: number;
  id: string;
  name: string;
  committee: number;
  type: BranchType;
  /** Weak organizational life: misses some required meetings, worse attendance. */
  weak: boolean;
  size: number;
  groups: number[];
  members: number[];
}
export interface GroupRec {
  id: string;
  name: string;
  branch: number;
  members: number[];
}
export interface OrgTree {
  universityId: string;
  universityName: string;
  committees: CommitteeRec[];
  branches: BranchRec[];
  groups: GroupRec[];
}

/** Split `total` into integer parts ≥ `min`, proportional to weights (largest remainder). */
export function apportion(total: number, weights: number[], min: number): number[] {
  const spare = total - min * weights.length;
  if (spare < 0) throw new Error(`Cannot split ${total} into ${weights.length} parts of at least ${min}`);
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (spare * w) / sum);
  const parts = exact.map((x) => Math.floor(x));
  let left = spare - parts.reduce((a, b) => a + b, 0);
  const byRemainder = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; k++, left--) parts[byRemainder[k % byRemainder.length][1]]++;
  return parts.map((p) => p + min);
}

function branchTypes(n: number): BranchType[] {
  const teacher = Math.max(1, Math.round(0.35 * n));
  const retired = n >= 6 ? 1 : 0;
  const graduate = n >= 3 ? Math.max(1, Math.round(0.22 * n)) : 0;
  const undergrad = n - teacher - retired - graduate;
  return [
    ...Array<BranchType>(undergrad).fill('UNDERGRAD'),
    ...Array<BranchType>(graduate).fill('GRADUATE'),
    ...Array<BranchType>(teacher).fill('TEACHER'),
    ...Array<BranchType>(retired).fill('RETIRED'),
  ];
}

/** Build the tree. cm-1 is 计算机学院党委 with b-1 its first undergraduate branch (see demo-accounts.ts). */
export function buildOrgTree(scale: Scale, rng: Rng): OrgTree {
  if (scale.branches < 2 * scale.committees + 2) throw new Error('Each committee needs at least two branches (cm-1 four)');
  // cm-1 gets two more than the minimum so it always has 本科生第一/第二党支部, 研究生 and 教工 branches.
  const perCommittee = apportion(
    scale.branches - 2,
    Array.from({ length: scale.committees }, () => rng.logNormal(0, 0.4)),
    2,
  );
  perCommittee[0] += 2;
  const committees: CommitteeRec[] = [];
  const branches: BranchRec[] = [];
  perCommittee.forEach((n, ci) => {
    const college = collegeName(ci);
    const kind = ci > 0 && n <= 3 ? '党总支' : '党委';
    const cm: CommitteeRec = { id: `cm-${ci + 1}`, name: `${college}${kind}`, branches: [] };
    const types = branchTypes(n);
    types.forEach((type, k) => {
      const sameType = types.filter((t) => t === type).length;
      const ordinal = types.slice(0, k + 1).filter((t) => t === type).length;
      const idx = branches.length;
      branches.push({
        idx,
        id: `b-${idx + 1}`,
        committee: ci,
        type,
        weak: false,
        size: 0,
        groups: [],
        members: [],
        name: `${college}${TYPE_LABEL[type]}${sameType > 1 ? `第${chineseNumber(ordinal)}` : ''}党支部`,
      });
      cm.branches.push(idx);
    });
    committees.push(cm);
  });
  const sizes = apportion(
    scale.members,
    branches.map((b) => TYPE_SIZE_WEIGHT[b.type] * rng.logNormal(0, 0.3)),
    MIN_BRANCH_SIZE,
  );
  branches.forEach((b, i) => {
    b.size = sizes[i];
  });
  markWeakBranches(branches, committees[0], scale.weakBranchShare, rng);
  const groups: GroupRec[] = [];
  for (const b of branches) {
    if (b.idx !== 0 && !(b.size >= 20 && rng.chance(0.35))) continue;
    const n = Math.min(5, Math.max(2, Math.round(b.size / 12)));
    for (let g = 1; g <= n; g++) {
      b.groups.push(groups.length);
      groups.push({ id: `g-${groups.length + 1}`, name: `第${chineseNumber(g)}党小组`, branch: b.idx, members: [] });
    }
  }
  return { universityId: 'u-1', universityName: UNIVERSITY_NAME, committees, branches, groups };
}

/** Weak branches are a random share, but never b-1 and always at least one other branch of cm-1. */
function markWeakBranches(branches: BranchRec[], cm1: CommitteeRec, share: number, rng: Rng): void {
  const count = Math.max(1, Math.round(share * branches.length));
  const candidates = rng.shuffle(branches.slice(1).map((b) => b.idx)).slice(0, count);
  for (const i of candidates) branches[i].weak = true;
  const cm1Others = cm1.branches.filter((i) => i !== 0);
  if (!cm1Others.some((i) => branches[i].weak)) {
    branches[candidates[0]].weak = false;
    branches[cm1Others[cm1Others.length - 1]].weak = true;
  }
}
