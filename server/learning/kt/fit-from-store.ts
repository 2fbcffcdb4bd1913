/** Reads every member's answers from the configured store and fits the mastery model's parameters. */
import { loadConfig } from '../../config';
import { openStore } from '../../../graph';
import { fitMasteryParams, type AnswerRow } from './fit-mastery';
import { masteryParamsPath, saveMasteryParams } from './params-file';

export async function fitFromStore(out?: string): Promise<void> {
  const cfg = loadConfig();
  const store = await openStore(cfg);
  await store.init();
  try {
    const rows: AnswerRow[] = [];
    const questionInfo = new Map<string, { topicId: string; difficulty: number } | null>();
    let after: string | null = null;
    for (;;) {
      const page = await store.listMembers({}, 500, after);
      const hist = await store.getHistoriesForMembers(page.items.map((m) => m.id), { limit: 100_000 });
      const need = new Set<string>();
      for (const h of hist.values()) for (const a of h.answers) if (!questionInfo.has(a.questionId)) need.add(a.questionId);
      for (const q of await store.getQuestionsByIds([...need])) {
        const main = [...q.topics].sort((a, b) => b.weight - a.weight)[0];
        questionInfo.set(q.id, main ? { topicId: main.topicId, difficulty: q.difficulty } : null);
      }
      for (const [memberId, h] of hist) for (const a of h.answers) {
        const info = questionInfo.get(a.questionId);
        if (info) rows.push({ memberId, topicId: info.topicId, at: a.at, correct: a.correct, difficulty: info.difficulty });
      }
      if (!page.hasNextPage) break;
      after = page.endCursor;
    }
    const report = fitMasteryParams(rows);
    const file = out ?? masteryParamsPath(cfg.dataDir);
    saveMasteryParams(file, report.params);
    console.log(`Fitted on ${report.answers} answers in ${report.sequences} member×topic sequences; mean log-likelihood ${report.logLikelihood.toFixed(4)}`);
    console.log(JSON.stringify(report.params));
    console.log(`Saved to ${file}`);
  } finally {
    await store.close();
  }
}
