/**
 * Rows → domain objects, written once for both adapters: their queries return the same flat, aliased
 * columns. What differs is how a store hands back numbers (Kuzu: plain numbers or bigints; Neo4j: driver
 * Integers), so each adapter makes its readers with its own number reader: `rowReaders(Number)` on Kuzu,
 * `rowReaders(num)` on Neo4j (graph/neo4j/mapping.ts).
 */
import type { Account, AccessToken, AuthSession } from './accounts';
import type { AuditEntry } from './audit-log';
import type { BranchLearning, MemberLearning } from './learning-summary';
import type { AnswerEvent, Course, Gap, Mastery, Meeting, Member, Question, RuleOverrideRecord, StudyEvent, StudyPlan, Topic, TopicTag, Transfer } from './model';

export type Row = Record<string, unknown>;
type ToNumber = (v: unknown) => number;

export const str = (v: unknown): string => (v === null || v === undefined ? '' : String(v));
export const strOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

/** Parse a JSON list stored as a string; a corrupt value reads as empty rather than failing the read. */
export function jsonList<T>(v: unknown): T[] {
  if (typeof v !== 'string' || v === '') return [];
  try {
    const out: unknown = JSON.parse(v);
    return Array.isArray(out) ? (out as T[]) : [];
  } catch {
    return [];
  }
}

/** A list of strings, whether the store keeps it as a native list or as one JSON string; nulls are dropped. */
export const strings = (v: unknown): string[] => (Array.isArray(v) ? v : jsonList<unknown>(v)).filter((x) => x !== null && x !== undefined).map(String);

/** Records kept whole as one JSON `data` column. */
export const parseData = <T>(rows: { data?: unknown }[]): T[] => rows.map((r) => JSON.parse(String(r.data)) as T);

/** Rows of a by-ids read in the order the ids were asked for; missing ids are absent, a repeated id answered once. */
export function inIdOrder<T extends { id: string }>(ids: readonly string[], items: T[]): T[] {
  const byId = new Map(items.map((x) => [x.id, x]));
  const out: T[] = [];
  const seen = new Set<string>();
  for (const id of ids) {
    const x = byId.get(id);
    if (x && !seen.has(id)) {
      out.push(x);
      seen.add(id);
    }
  }
  return out;
}

/** Group rows into a map keyed by `key(row)`, preserving row order within a group. */
export function groupBy<T>(rows: T[], key: (r: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
}

/** Same content of a rule override (what a retry of the same write would send). */
export const sameOverride = (a: RuleOverrideRecord, b: RuleOverrideRecord) =>
  a.ruleId === b.ruleId && a.version === b.version && a.params === b.params && a.effectiveFrom === b.effectiveFrom && a.reason === b.reason && a.createdBy === b.createdBy;

/** Every row reader, over the adapter's number reader; a number that was never written (null) reads as 0. */
export function rowReaders(toNumber: ToNumber) {
  const n = (v: unknown): number => (v === null || v === undefined ? 0 : toNumber(v));
  const ns = (v: unknown): number[] => (Array.isArray(v) ? v.map(n) : []);
  const toTag = (r: Row): TopicTag => ({
    topicId: str(r.topicId),
    weight: n(r.weight),
    source: str(r.source) as TopicTag['source'],
    confidence: n(r.confidence),
  });
  return {
    num: n,
    toTag,
    /** A list of tag maps (Neo4j collects them into one column). */
    toTags: (v: unknown): TopicTag[] => (Array.isArray(v) ? (v as Row[]).map(toTag) : []),
    toMember: (r: Row): Member => ({
      id: str(r.id),
      name: str(r.name),
      kind: str(r.kind) as Member['kind'],
      stage: str(r.stage) as Member['stage'],
      role: str(r.role) as Member['role'],
      branchId: str(r.branchId),
      groupId: strOrNull(r.groupId),
      since: n(r.since),
      stageSince: n(r.stageSince),
      phone: strOrNull(r.phone),
      idNumber: strOrNull(r.idNumber),
      createdAt: n(r.createdAt),
      updatedAt: n(r.updatedAt),
    }),
    toTopic: (r: Row): Topic => ({
      id: str(r.id),
      name: str(r.name),
      area: str(r.area) as Topic['area'],
      description: str(r.description),
      parentId: strOrNull(r.parentId),
      prerequisiteIds: strings(r.prerequisiteIds).sort(),
    }),
    toCourse: (r: Row, topics: TopicTag[]): Course => ({
      id: str(r.id),
      title: str(r.title),
      summary: str(r.summary),
      kind: str(r.kind) as Course['kind'],
      minutes: n(r.minutes),
      topics,
      createdAt: n(r.createdAt),
      updatedAt: n(r.updatedAt),
    }),
    toQuestion: (r: Row, topics: TopicTag[]): Question => ({
      id: str(r.id),
      stem: str(r.stem),
      options: strings(r.options),
      answer: n(r.answer),
      explanation: str(r.explanation),
      difficulty: n(r.difficulty),
      topics,
    }),
    toMeeting: (r: Row, topics: TopicTag[]): Meeting => ({
      id: str(r.id),
      branchId: str(r.branchId),
      kind: str(r.kind) as Meeting['kind'],
      title: str(r.title),
      at: n(r.at),
      minutes: n(r.minutes),
      record: str(r.record),
      topics,
    }),
    toTransfer: (r: Row): Transfer => ({
      id: str(r.id),
      memberId: str(r.memberId),
      kind: str(r.kind) as Transfer['kind'],
      fromBranchId: strOrNull(r.fromBranchId),
      toBranchId: strOrNull(r.toBranchId),
      at: n(r.at),
      reason: str(r.reason),
    }),
    toStudy: (r: Row): StudyEvent => ({
      id: str(r.id),
      memberId: str(r.memberId),
      courseId: str(r.courseId),
      at: n(r.at),
      seconds: n(r.seconds),
      progress: n(r.progress),
    }),
    toAnswer: (r: Row): AnswerEvent => ({
      id: str(r.id),
      memberId: str(r.memberId),
      questionId: str(r.questionId),
      at: n(r.at),
      correct: r.correct === true,
      seconds: n(r.seconds),
    }),
    toMastery: (r: Row): Mastery => ({ memberId: str(r.memberId), topicId: str(r.topicId), p: n(r.p), updatedAt: n(r.updatedAt) }),
    toGap: (r: Row): Gap => ({
      memberId: str(r.memberId),
      topicId: str(r.topicId),
      severity: n(r.severity),
      reasons: strings(r.reasons),
      updatedAt: n(r.updatedAt),
    }),
    /** Plan items are one JSON value on the plan: read and written only as a whole. */
    toStudyPlan: (r: Row): StudyPlan => ({
      id: str(r.id),
      memberId: str(r.memberId),
      createdAt: n(r.createdAt),
      minutesPerWeek: n(r.minutesPerWeek),
      weeks: n(r.weeks),
      startsAt: n(r.startsAt),
      items: jsonList(r.items),
    }),
    toAccount: (r: Row): Account => ({
      memberId: str(r.memberId),
      loginName: str(r.loginName),
      status: str(r.status) as Account['status'],
      passwordHash: strOrNull(r.passwordHash),
      mustChangePassword: r.mustChangePassword === true,
      failedAttempts: n(r.failedAttempts),
      lockedUntil: n(r.lockedUntil),
      totpSecret: strOrNull(r.totpSecret),
      totpEnabled: r.totpEnabled === true,
      recoveryCodeHashes: jsonList<string>(r.recoveryCodeHashes),
      createdAt: n(r.createdAt),
      updatedAt: n(r.updatedAt),
    }),
    toSession: (r: Row): AuthSession => ({
      id: str(r.id),
      memberId: str(r.memberId),
      createdAt: n(r.createdAt),
      lastSeenAt: n(r.lastSeenAt),
      expiresAt: n(r.expiresAt),
      revokedAt: n(r.revokedAt),
      role: str(r.role),
      method: str(r.method),
      userAgent: str(r.userAgent),
    }),
    toToken: (r: Row): AccessToken => ({
      id: str(r.id),
      memberId: str(r.memberId),
      name: str(r.name),
      secretHash: str(r.secretHash),
      scope: str(r.scope) as AccessToken['scope'],
      introspect: r.introspect === true,
      createdAt: n(r.createdAt),
      expiresAt: n(r.expiresAt),
      revokedAt: n(r.revokedAt),
      lastUsedAt: n(r.lastUsedAt),
    }),
    toAuditEntry: (r: Row): AuditEntry => ({
      seq: n(r.seq),
      id: str(r.id),
      at: n(r.at),
      viewerId: str(r.viewerId),
      action: str(r.action),
      targetKind: str(r.targetKind),
      targetId: str(r.targetId),
      outcome: str(r.outcome),
      hash: str(r.hash),
    }),
    toRuleOverride: (r: Row): RuleOverrideRecord => ({
      id: str(r.id),
      ruleId: str(r.ruleId),
      version: n(r.version),
      params: str(r.params),
      effectiveFrom: str(r.effectiveFrom),
      reason: str(r.reason),
      createdBy: str(r.createdBy),
      createdAt: n(r.createdAt),
    }),
    toMemberLearning: (r: Row): MemberLearning => ({
      memberId: str(r.memberId),
      branchId: str(r.branchId),
      stage: str(r.stage),
      asOf: n(r.asOf),
      areaMilli: ns(r.areaMilli),
      required: n(r.required),
      met: n(r.met),
      bands: ns(r.bands),
      gaps: n(r.gaps),
    }),
    toBranchLearning: (r: Row): BranchLearning => ({
      branchId: str(r.branchId),
      asOf: n(r.asOf),
      members: n(r.members),
      areaMilli: ns(r.areaMilli),
      required: n(r.required),
      met: n(r.met),
      bands: ns(r.bands),
      gaps: n(r.gaps),
      membersWithGaps: n(r.membersWithGaps),
    }),
  };
}

export type RowReaders = ReturnType<typeof rowReaders>;
