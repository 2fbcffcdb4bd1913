/**
 * The embedded GraphStore on Kuzu (the default backend). The shared forwarding lives in
 * graph/delegating-store.ts; this file builds Kuzu's parts and adds what is Kuzu's own: migrations,
 * health, bulk load and export. Connections, transactions and error translation live in executor.ts,
 * the schema in schema.ts.
 */
import { bindExecutor, DelegatingStore } from '../delegating-store';
import type { Progress } from '../store';
import { AccountQueries } from './accounts';
import { AffairsQueries } from './affairs';
import { AppraisalQueries } from './appraisal';
import * as audit from './audit';
import { recordEventBatch } from './batch-events';
import { bulkLoad, rawCopy } from './bulk';
import { CurriculumQueries } from './curriculum';
import { rebuiltWarning, repairLopsidedRels } from './edge-repair';
import * as emb from './embeddings';
import * as events from './events';
import { KuzuExecutor } from './executor';
import { exportBulk } from './export';
import { storeHealth } from './health';
import { LearnerQueries } from './learner';
import * as learningSummary from './learning-summary';
import { LifeQueries } from './life';
import { MemberQueries } from './members';
import { OrgQueries } from './org';
import * as outbox from './outbox';
import { RecordsQueries } from './records';
import { readBranchFacts } from './rule-facts';
import { RuleQueries } from './rules';
import { dropAll, migrate } from './schema';
import { keywordSearch } from './search';
import * as tags from './tags';

export class KuzuStore extends DelegatingStore {
  readonly backend = 'kuzu' as const;
  private readonly ex: KuzuExecutor;
  private readonly org: OrgQueries;

  /** `dir` is the data directory; the database file is `<dir>/hongtu.kuzu`. Nothing opens until init(). */
  /**
   * `keyedWrites`: how many keys the write path handles one statement each, instead of the figure it derives
   * from the store's size (graph/kuzu/keyed.ts); for tests that cover both forms on a small store.
   */
  constructor(opts: { dir: string; keyedWrites?: number }) {
    const ex = new KuzuExecutor(opts.dir);
    ex.keyedWrites = opts.keyedWrites;
    const org = new OrgQueries(ex);
    super({
      org,
      members: new MemberQueries(ex),
      curriculum: new CurriculumQueries(ex),
      tags: bindExecutor(ex, { replaceAutoTags: tags.replaceAutoTags, setManualTags: tags.setManualTags }),
      life: new LifeQueries(ex),
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
      learner: new LearnerQueries(ex),
      search: bindExecutor(ex, {
        getEmbeddingMeta: emb.getEmbeddingMeta,
        setEmbeddings: emb.setEmbeddings,
        getEmbeddings: emb.getEmbeddings,
        ensureVectorIndex: emb.ensureVectorIndex,
        vectorSearch: emb.vectorSearch,
        keywordSearch,
      }),
      records: new RecordsQueries(ex),
      affairs: new AffairsQueries(ex),
      rules: new RuleQueries(ex),
      ruleFacts: bindExecutor(ex, { readBranchFacts }),
      audit: bindExecutor(ex, {
        appendAccess: audit.appendAccess,
        listAccess: audit.listAccess,
        auditHead: audit.auditHead,
        listAudit: audit.listAudit,
        getAuditCheckpoint: audit.getAuditCheckpoint,
        pruneAudit: audit.pruneAudit,
      }),
      appraisal: new AppraisalQueries(ex),
      accounts: new AccountQueries(ex),
    });
    this.ex = ex;
    this.org = org;
  }

  // ---- lifecycle ----
  async init(): Promise<void> {
    await emb.settleInterruptedVectorWork(this.ex);
    await migrate(this.ex);
    // A table that lost the edges of one direction (Kuzu 0.11, after deletes) is rebuilt from the other.
    for (const l of await repairLopsidedRels(this.ex)) process.emitWarning(rebuiltWarning(l), 'HongtuStoreRepair');
  }
  close(): Promise<void> {
    return this.ex.close();
  }
  health() {
    return storeHealth(this.ex);
  }
  async isEmpty(): Promise<boolean> {
    return (await this.org.getUniversity()) === null;
  }
  async clear(): Promise<void> {
    await dropAll(this.ex);
    await migrate(this.ex);
  }
  bulkLoad(dir: string, onProgress?: Progress) {
    return bulkLoad(this.ex, dir, onProgress);
  }
  exportBulk(dir: string, onProgress?: Progress) {
    return exportBulk(this.ex, dir, onProgress);
  }
  /** Kuzu's bare COPY FROM of a bulk directory, for the benchmark that compares it with bulkLoad. */
  rawCopy(dir: string) {
    return rawCopy(this.ex, dir);
  }
}
