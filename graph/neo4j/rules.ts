/** Stored overrides of the rules catalogue: one RuleOverride node per (rule, version), written once. */
import { conflict } from '../errors';
import type { RuleOverrideRecord } from '../model';
import type { WriteResult } from '../store';
import type { Executor } from './executor';
import { int, num } from './mapping';
import { Q } from './queries';

const toRecord = (r: Record<string, unknown>): RuleOverrideRecord => ({
  id: String(r.id), ruleId: String(r.ruleId), version: num(r.version), params: String(r.params),
  effectiveFrom: String(r.effectiveFrom), reason: String(r.reason ?? ''), createdBy: String(r.createdBy ?? ''),
  createdAt: num(r.createdAt),
});

const same = (a: RuleOverrideRecord, b: RuleOverrideRecord) =>
  a.ruleId === b.ruleId && a.version === b.version && a.params === b.params && a.effectiveFrom === b.effectiveFrom
  && a.reason === b.reason && a.createdBy === b.createdBy;

export class RuleOps {
  constructor(private readonly ex: Executor) {}

  async listRuleOverrides(): Promise<RuleOverrideRecord[]> {
    return this.ex.read(async (tx) => (await tx.rows(Q.listRuleOverrides)).map(toRecord));
  }

  /** MERGE on the unique id: of two concurrent writers of one version, one creates it and the other compares. */
  createRuleOverride(o: RuleOverrideRecord): Promise<WriteResult> {
    return this.ex.write(async (tx) => {
      const { nodesCreated } = await tx.write(Q.createRuleOverride, {
        ...o, version: int(o.version), createdAt: int(o.createdAt),
      });
      if (nodesCreated > 0) return { created: true };
      const [existing] = await tx.rows(Q.ruleOverrideById, { id: o.id });
      if (existing && same(toRecord(existing), o)) return { created: false };
      throw conflict(`Rule override "${o.id}" already exists with other content; read the rule again and retry`);
    });
  }
}
