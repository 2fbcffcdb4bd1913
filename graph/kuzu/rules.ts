/** Stored overrides of the rules catalogue: one RuleOverride node per (rule, version), written once. */
import { ruleOverrideReused } from '../errors';
import type { RuleOverrideRecord } from '../model';
import type { WriteResult } from '../store';
import { sameOverride } from '../rows';
import type { KuzuExecutor } from './executor';
import { toRuleOverride } from './mapping';

const FIELDS =
  'o.id AS id, o.ruleId AS ruleId, o.version AS version, o.params AS params, o.effectiveFrom AS effectiveFrom, o.reason AS reason, o.createdBy AS createdBy, o.createdAt AS createdAt';

const Q = {
  list: `MATCH (o:RuleOverride) RETURN ${FIELDS} ORDER BY o.ruleId, o.version`,
  byId: `MATCH (o:RuleOverride {id: $id}) RETURN ${FIELDS}`,
  create: `CREATE (:RuleOverride {id: $id, ruleId: $ruleId, version: $version, params: $params,
    effectiveFrom: $effectiveFrom, reason: $reason, createdBy: $createdBy, createdAt: $createdAt})`,
} as const;

export class RuleQueries {
  constructor(private readonly ex: KuzuExecutor) {}

  async listRuleOverrides(): Promise<RuleOverrideRecord[]> {
    return (await this.ex.read(Q.list)).map(toRuleOverride);
  }

  createRuleOverride(o: RuleOverrideRecord): Promise<WriteResult> {
    return this.ex.write(async (tx) => {
      const [existing] = await tx.run(Q.byId, { id: o.id });
      if (existing) {
        if (sameOverride(toRuleOverride(existing), o)) return { created: false };
        throw ruleOverrideReused(o.id);
      }
      await tx.run(Q.create, { ...o });
      return { created: true };
    });
  }
}
