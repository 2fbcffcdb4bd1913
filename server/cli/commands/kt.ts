/**
 * `hongtu kt evaluate --train FILE --test FILE [--format csv|lines] [--json]`
 * `hongtu kt fit [--out FILE]` — fit the product's mastery model from the store's answer history.
 */
import type { Command } from 'commander';
import { evaluateFiles, formatEvaluation } from '../../learning/research/evaluate';

export function register(program: Command): void {
  const kt = program.command('kt').description('Knowledge tracing: evaluate models on a dataset, fit the mastery model');
  kt.command('evaluate')
    .description('Fit on --train, predict each --test response from the ones before it; print AUC, RMSE, accuracy')
    .requiredOption('--train <file>', 'training data')
    .requiredOption('--test <file>', 'test data')
    .option('--format <format>', 'csv (student,skill,correct[,timestamp]) or lines (3-line format); default: detected')
    .option('--json', 'print one JSON object instead of a table')
    .action((o: { train: string; test: string; format?: string; json?: boolean }) => {
      if (o.format && o.format !== 'csv' && o.format !== 'lines') {
        console.error(`--format must be csv or lines, got "${o.format}"`);
        process.exit(2);
      }
      try {
        const ev = evaluateFiles(o.train, o.test, o.format as 'csv' | 'lines' | undefined);
        console.log(o.json ? JSON.stringify(ev) : formatEvaluation(ev));
      } catch (e) {
        console.error(`kt evaluate: ${(e as Error).message}`);
        process.exit(2);
      }
    });
  kt.command('fit')
    .description('Fit the mastery model (BKT + forgetting) from the answer history in the store')
    .option('--out <file>', 'where to write the parameters (default: data/kt-params.json)')
    .action(async (o: { out?: string }) => {
      const { fitFromStore } = await import('../../learning/model/fit-from-store');
      await fitFromStore(o.out);
    });
}
