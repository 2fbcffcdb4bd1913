/** Stored overrides of the rules catalogue: one RuleOverride node per (rule, version), written once. */
import { conflict } from '../errors';
import type { RuleOverrideRecord } from '../model';
import type { WriteResult } from '../store';
import type { KuzuExecutor, Row } from './executor';

const FIELDS = 'o.id AS id, o.ruleId AS ruleId, o.version AS version, o.params AS params, o.effectiveFrom AS effectiveFrom, o.reason AS reason, o.createdBy AS createdBy, o.createdAt AS createdAt';

const Q = {
  list: `MATCH (o:RuleOverride) RETURN ${FIELDS} ORDER BY o.ruleId, o.version`,
  byId: `MATCH (o:RuleOverride {id: $id}) RETURN ${FIELDS}`,
  create: `CREATE (:RuleOverride {id: $id, ruleId: $ruleId, version: $version, params: $params,
    effectiveFrom: $effectiveFrom, reason: $reason, createdBy: $createdBy, createdAt: $createdAt})`,
} as const;

export const toRuleOverride = (r: Row): RuleOverrideRecord => ({
  id: String(r.id), ruleId: String(r.ruleId), version: Number(r.version), params: String(r.params),
  effectiveFrom: String(r.effectiveFrom), reason: String(r.reason ?? ''), createdBy: String(r.createdBy ?? ''),
  createdAt: Number(r.createdAt),
});

/** Same content (what a retry of the same write would send). */
export const sameOverride = (a: RuleOverrideRecord, b: RuleOverrideRecord) =>
  a.ruleId === b.ruleId && a.version === b.version && a.params === b.params && a.effectiveFrom === b.effectiveFrom
  && a.reason === b.reason && a.createdBy === b.createdBy;

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
        throw conflict(`Rule override "${o.id}" already exists with other content; read the rule again and retry`);
      }
      await tx.run(Q.create, { ...o });
      return { created: true };
    });
  }
}
