/**
 * `generateWorld`: writes a complete bulk directory (graph/bulk-format.ts) plus the hidden truth
 * for one scale and seed. Deterministic: the same seed, scale and curriculum give byte-identical
 * files. Rows stream to disk branch by branch, so memory stays flat at any scale.
 */
import { existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Progress } from '../../graph';
import { BulkWriter, CsvSink } from './bulk-writer';
import { type Curriculum, hashCurriculum, loadDefaultCurriculum, validateCurriculum } from './curriculum-input';
import { indexCurriculum } from './curriculum-index';
import { HIDDEN_FORMS, HIDDEN_PARAMS } from './hidden-model';
import { type Manifest, GENERATOR_VERSION, MANIFEST_FILE, reusableManifest } from './manifest';
import { buildOrgTree } from './organization';
import { buildMembers } from './people';
import { Rng } from './rng';
import { REFERENCE_DATE, type Scale, type ScaleName, SCALES, WINDOW_START } from './scales';
import { drawEventCounts } from './event-counts';
import { writeCurriculum, writeOrganization } from './static-rows';
import { writeBranchLife } from './branch-life';
import { writeAffairs } from './affairs';

export const DEFAULT_SEED = 1;

export interface GenerateOptions {
  scale: ScaleName | Scale;
  /** Target directory; replaced atomically when generation finishes. */
  outDir: string;
  seed?: number;
  /** Defaults to the hand-written curriculum (seeds/curriculum/index.ts). */
  curriculum?: Curriculum;
  onProgress?: Progress;
  /** Reuse `outDir` when its manifest matches these inputs (default true). */
  reuse?: boolean;
}

export interface GenerateResult {
  dir: string;
  manifest: Manifest;
  reused: boolean;
  ms: number;
}

export async function generateWorld(opts: GenerateOptions): Promise<GenerateResult> {
  const t0 = performance.now();
  const scale = typeof opts.scale === 'string' ? SCALES[opts.scale] : opts.scale;
  const seed = opts.seed ?? DEFAULT_SEED;
  const curriculum = opts.curriculum ?? (await loadDefaultCurriculum());
  validateCurriculum(curriculum);
  const curriculumHash = hashCurriculum(curriculum);
  const dir = path.resolve(opts.outDir);
  if (opts.reuse !== false) {
    const m = reusableManifest(dir, { scale: scale.name, seed, curriculumHash });
    if (m) return { dir, manifest: m, reused: true, ms: performance.now() - t0 };
  }
  const progress = opts.onProgress ?? (() => {});
  const tmp = `${dir}.partial-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });

  const root = new Rng(seed, 'world');
  const org = buildOrgTree(scale, root.fork('org'));
  const members = buildMembers(org, root.fork('people'));
  const ci = indexCurriculum(curriculum, root.fork('curriculum'));
  const counts = drawEventCounts(members, scale, root.fork('counts'));

  const out = new BulkWriter(tmp);
  writeOrganization(out, org, members);
  writeCurriculum(out, curriculum);
  const truth = {
    mastery: new CsvSink(path.join(tmp, 'truth', 'mastery.csv'), ['memberId', 'topicId', 'p']),
    members: new CsvSink(path.join(tmp, 'truth', 'members.csv'), ['memberId', 'ability', 'activity', 'plannedStudies', 'plannedAnswers', 'weakBranch']),
    missed: new CsvSink(path.join(tmp, 'truth', 'missed-meetings.csv'), ['branchId', 'kind', 'period', 'groupId']),
  };
  const ids = { meeting: 0, study: 0, answer: 0 };
  for (const b of org.branches) {
    progress(b.idx, scale.branches, 'branches');
    writeBranchLife({ out, truth, org, members, b, ci, counts, ids, rng: root.fork(`branch/${b.idx}`) });
  }
  progress(scale.branches, scale.branches, 'branches');
  writeAffairs({ out, org, members, rng: root.fork('affairs') });

  writeFileSync(
    path.join(tmp, 'truth', 'params.json'),
    `${JSON.stringify(
      {
        ...HIDDEN_PARAMS,
        forms: HIDDEN_FORMS,
        referenceDate: REFERENCE_DATE,
        windowStart: WINDOW_START,
        seed,
        scale: scale.name,
      },
      null,
      2,
    )}\n`,
  );
  const truthCounts: Record<string, number> = {};
  for (const s of Object.values(truth)) {
    s.close();
    truthCounts[path.basename(s.file)] = s.rows;
  }
  const manifest: Manifest = {
    format: 'hongtu-bulk/1',
    generator: GENERATOR_VERSION,
    scale: scale.name,
    seed,
    referenceDate: REFERENCE_DATE,
    curriculumHash,
    counts: out.close(),
    truth: truthCounts,
  };
  writeFileSync(path.join(tmp, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  if (existsSync(dir)) rmSync(dir, { recursive: true, force: true });
  renameSync(tmp, dir);
  return { dir, manifest, reused: false, ms: performance.now() - t0 };
}
