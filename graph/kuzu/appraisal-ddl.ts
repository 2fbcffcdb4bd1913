/** Kuzu tables of appraisal rounds, ballots, self-assessments and talk records (see appraisal.ts). */
export const APPRAISAL_TABLES = ['AppraisalRound', 'BallotIssue', 'Ballot', 'SelfAssessment', 'TalkRecord'] as const;

export const APPRAISAL_DDL: string[] = [
  `CREATE NODE TABLE IF NOT EXISTS AppraisalRound(id STRING PRIMARY KEY, branchId STRING, title STRING,
     periodFrom INT64, periodTo INT64, closesAt INT64, closedAt INT64, minBallots INT64, publicKey STRING,
     sealedKey STRING, voterIds STRING[], appraiseeIds STRING[], createdBy STRING, createdAt INT64)`,
  'CREATE NODE TABLE IF NOT EXISTS BallotIssue(key STRING PRIMARY KEY, roundId STRING, memberId STRING, blindedHash STRING)',
  'CREATE NODE TABLE IF NOT EXISTS Ballot(id STRING PRIMARY KEY, roundId STRING, tokenHash STRING, grades STRING)',
  'CREATE NODE TABLE IF NOT EXISTS SelfAssessment(key STRING PRIMARY KEY, roundId STRING, memberId STRING, text STRING, updatedAt INT64)',
  `CREATE NODE TABLE IF NOT EXISTS TalkRecord(id STRING PRIMARY KEY, subjectId STRING, branchId STRING, kind STRING,
     at INT64, participantIds STRING[], summary STRING, followUp STRING, forCommittee BOOLEAN, createdBy STRING,
     createdAt INT64)`,
];
