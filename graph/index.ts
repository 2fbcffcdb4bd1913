/**
 * The store layer's one public entry point: the GraphStore interface and its types, the domain model,
 * the store's error type, the bulk directory format and CSV helpers, and openStore. Code outside
 * graph/ imports from here. Adapters stay behind openStore (loaded lazily, so the embedded path never
 * loads neo4j-driver and the Neo4j path never loads Kuzu); tests and benchmarks that need one adapter
 * by name import `graph/kuzu` or `graph/neo4j` directly.
 */
export * from './model';
export * from './store';
export * from './event-batch';
export * from './audit-log';
export * from './learning-summary';
export * from './accounts';
export * from './affairs-model';
export * from './records-model';
export type * from './affairs-store';
export type { PipelineGuard, RecordGuard } from './write-checks';
export * from './rule-facts';
export { STORE_ERROR_CODES, StoreError, isStoreError, type StoreErrorCode } from './errors';
export * from './bulk-format';
export { sortMilestones } from './affairs-checks';
export { csvField, csvRow, CsvParser, parseCsv, readCsvFile, readCsvObjects } from './csv';
export { openStore, type Neo4jTarget, type StoreTarget } from './open-store';
export * from './appraisal';
export { writeAdminImport, type AdminImportFiles } from './neo4j/admin-import';
export { takeVectorWorkNotes, VECTOR_WORK_MARKER } from './kuzu/vector-work';
export {
  CREDENTIALS_SCOPE,
  currentCausalScope,
  memberScopeKey,
  OUTBOX_SCOPE,
  openCausalScope,
  PROCESS_SCOPE,
  type RekeyableScope,
  runInCausalScope,
  withCausalScope,
  withCausalScopes,
  withCredentialScope,
  type CausalScope,
} from './causal';
