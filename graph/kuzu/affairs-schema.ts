/**
 * Schema version 2: party affairs. Records keep their filter columns plus the whole record as JSON
 * in `data` (see affairs.ts).
 */
export const AFFAIRS_NODE_TABLES = ['Milestone', 'DuesStandard', 'DuesPayment', 'TransferCase', 'Notice'] as const;
export const AFFAIRS_REL_TABLES = ['HAS_MILESTONE', 'HAS_DUES_STANDARD', 'PAID_DUES', 'HAS_TRANSFER_CASE', 'READ_NOTICE'] as const;

export const AFFAIRS_V2: string[] = [
  'CREATE NODE TABLE IF NOT EXISTS Milestone(id STRING PRIMARY KEY, memberId STRING, at INT64, data STRING)',
  'CREATE NODE TABLE IF NOT EXISTS DuesStandard(id STRING PRIMARY KEY, memberId STRING, year INT64, data STRING)',
  'CREATE NODE TABLE IF NOT EXISTS DuesPayment(id STRING PRIMARY KEY, memberId STRING, paidAt INT64, data STRING)',
  `CREATE NODE TABLE IF NOT EXISTS TransferCase(id STRING PRIMARY KEY, memberId STRING, status STRING,
     fromBranchId STRING, toBranchId STRING, createdAt INT64, data STRING)`,
  `CREATE NODE TABLE IF NOT EXISTS Notice(id STRING PRIMARY KEY, audience STRING, audienceId STRING,
     publishedAt INT64, data STRING)`,
  'CREATE REL TABLE IF NOT EXISTS HAS_MILESTONE(FROM Member TO Milestone)',
  'CREATE REL TABLE IF NOT EXISTS HAS_DUES_STANDARD(FROM Member TO DuesStandard)',
  'CREATE REL TABLE IF NOT EXISTS PAID_DUES(FROM Member TO DuesPayment)',
  'CREATE REL TABLE IF NOT EXISTS HAS_TRANSFER_CASE(FROM Member TO TransferCase)',
  'CREATE REL TABLE IF NOT EXISTS READ_NOTICE(FROM Member TO Notice, at INT64)',
];
