/**
 * A cli-progress bar on stderr behind the store's `Progress` callback shape, one bar per label
 * (e.g. per node kind). Silent when stderr is not a terminal, so piped output stays clean.
 */
import cliProgress from 'cli-progress';
import type { Progress } from '../../graph';

/** Returns the callback and a `stop()` to call when the work is done. */
export function createProgressBar(enabled = Boolean(process.stderr.isTTY)): { onProgress: Progress; stop(): void } {
  if (!enabled) return { onProgress: () => {}, stop: () => {} };
  const multi = new cliProgress.MultiBar({
    format: '{label} [{bar}] {value}/{total}', stream: process.stderr, hideCursor: true, clearOnComplete: false,
  }, cliProgress.Presets.shades_classic);
  const bars = new Map<string, cliProgress.SingleBar>();
  return {
    onProgress: (done, total, label) => {
      let bar = bars.get(label);
      if (!bar) {
        bar = multi.create(total, 0, { label: label.padEnd(8) });
        bars.set(label, bar);
      }
      bar.setTotal(total);
      bar.update(done, { label: label.padEnd(8) });
    },
    stop: () => multi.stop(),
  };
}
