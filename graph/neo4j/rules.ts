/** Stored overrides of the rules catalogue: one RuleOverride node per (rule, version), written once. */
import { ruleOverrideReused } from '../errors';
import type { RuleOverrideRecord } from '../model';
import type { WriteResult } from '../store';
import type { Executor } from './executor';
import { sameOverride } from '../rows';
import { int, toRuleOverride } from './mapping';
import { Q } from './queries';

export class RuleOps {
  constructor(private readonly ex: Executor) {}

  async listRuleOverrides(): Promise<RuleOverrideRecord[]> {
    return this.ex.read(async (tx) => (await tx.rows(Q.listRuleOverrides)).map(toRuleOverride));
  }

  /** MERGE on the unique id: of two concurrent writers of one version, one creates it and the other compares. */
  createRuleOverride(o: RuleOverrideRecord): Promise<WriteResult> {
    return this.ex.write(async (tx) => {
      const { nodesCreated } = await tx.write(Q.createRuleOverride, {
        ...o,
        version: int(o.version),
        createdAt: int(o.createdAt),
      });
      if (nodesCreated > 0) return { created: true };
      const [existing] = await tx.rows(Q.ruleOverrideById, { id: o.id });
      if (existing && sameOverride(toRuleOverride(existing), o)) return { created: false };
      throw ruleOverrideReused(o.id);
    });
  }
}
