/**
 * The production GraphStore on Neo4j 5.26 (chosen when NEO4J_URI is set). The shared forwarding lives
 * in graph/delegating-store.ts; this file builds Neo4j's parts and adds what is Neo4j's own: schema,
 * health, clear, bulk load and export. Sessions, transactions and error translation live in executor.ts,
 * every statement in queries.ts / ddl.ts / bulk-queries.ts (linted by test/neo4j-lint.test.ts).
 */
import { bindExecutor, DelegatingStore } from '../delegating-store';
import type { Progress, StoreHealth } from '../store';
import { AccountOps } from './accounts';
import { AffairsOps } from './affairs';
import { AppraisalOps } from './appraisal';
import { AuditOps } from './audit';
import { recordEventBatch } from './batch-events';
import { bulkLoad, exportBulk } from './bulk';
import { CurriculumOps } from './curriculum';
import * as emb from './embeddings';
import * as events from './events';
import { DEFAULT_TIMEOUTS, Executor, type ExecutorTimeouts, type Neo4jConnection } from './executor';
import { LearnerOps } from './learner';
import * as learningSummary from './learning-summary';
import { fillAttendanceCounts, LifeOps } from './life';
import { MemberOps } from './members';
import { OrgOps } from './org';
import * as outbox from './outbox';
import { RecordsOps } from './records';
import { readBranchFacts } from './rule-facts';
import { RuleOps } from './rules';
import { clearAll, createSchema, ensureVectorIndex, storeHealth } from './schema';
import * as tags from './tags';

export class Neo4jStore extends DelegatingStore {
  readonly backend = 'neo4j' as const;
  private readonly ex: Executor;
  private readonly org: OrgOps;
  private readonly audit: AuditOps;

  /**
   * Creating the store opens no connection; the driver connects on first use. `timeouts` bound how long a
   * call waits for an unreachable server before it fails with UNAVAILABLE.
   */
  constructor(cfg: Neo4jConnection, timeouts: Partial<ExecutorTimeouts> = {}) {
    const ex = new Executor(cfg, { ...DEFAULT_TIMEOUTS, ...timeouts });
    const org = new OrgOps(ex);
    const audit = new AuditOps(ex);
    super({
      org,
      members: new MemberOps(ex),
      curriculum: new CurriculumOps(ex),
      tags: bindExecutor(ex, { replaceAutoTags: tags.replaceAutoTags, setManualTags: tags.setManualTags }),
      life: new LifeOps(ex),
      events: bindExecutor(ex, {
        recordStudy: events.recordStudy,
        recordAnswer: events.recordAnswer,
        getMemberHistory: events.getMemberHistory,
        getHistoriesForMembers: events.getHistoriesForMembers,
        countStudiesByCourse: events.countStudiesByCourse,
      }),
      eventBatch: bindExecutor(ex, {
        recordEventBatch,
        listOutbox: outbox.listOutbox,
        completeOutbox: outbox.completeOutbox,
        outboxAppliedCounts: outbox.outboxAppliedCounts,
      }),
      learningSummary: bindExecutor(ex, {
        saveMemberLearning: learningSummary.saveMemberLearning,
        getBranchLearning: learningSummary.getBranchLearning,
        listStaleMemberLearning: learningSummary.listStaleMemberLearning,
      }),
      learner: new LearnerOps(ex),
      search: bindExecutor(ex, {
        getEmbeddingMeta: emb.getEmbeddingMeta,
        setEmbeddings: emb.setEmbeddings,
        getEmbeddings: emb.getEmbeddings,
        ensureVectorIndex,
        vectorSearch: emb.vectorSearch,
        keywordSearch: emb.keywordSearch,
      }),
      records: new RecordsOps(ex),
      affairs: new AffairsOps(ex),
      rules: new RuleOps(ex),
      ruleFacts: bindExecutor(ex, { readBranchFacts }),
      audit,
      appraisal: new AppraisalOps(ex),
      accounts: new AccountOps(ex),
    });
    this.ex = ex;
    this.org = org;
    this.audit = audit;
  }

  // ---- lifecycle ----
  async init(): Promise<void> {
    await createSchema(this.ex);
    await this.audit.adoptLegacyAccess();
    // Meetings stored before attendance counts were kept on them (or imported by neo4j-admin) get theirs.
    await fillAttendanceCounts(this.ex);
  }
  close(): Promise<void> {
    return this.ex.close();
  }
  health(): Promise<StoreHealth> {
    return storeHealth(this.ex);
  }
  isEmpty(): Promise<boolean> {
    return this.org.isEmpty();
  }
  clear(): Promise<void> {
    return clearAll(this.ex);
  }
  async bulkLoad(dir: string, onProgress?: Progress) {
    const counts = await bulkLoad(this.ex, dir, () => this.isEmpty(), onProgress);
    await fillAttendanceCounts(this.ex);
    return counts;
  }
  exportBulk(dir: string, onProgress?: Progress) {
    return exportBulk(this.ex, dir, onProgress);
  }
}
