/**
 * A cli-progress bar on stderr behind the store's `Progress` callback shape, one bar per label
 * (e.g. per node kind). When stderr is not a terminal (CI, logs), plain lines instead: one when a label
 * starts, then at most one per 10% or 5 s, and one when it is done, so a log never sits silent.
 */
import cliProgress from 'cli-progress';
import type { Progress } from '../../graph';

/** Returns the callback and a `stop()` to call when the work is done. */
export function createProgressBar(
  tty = Boolean(process.stderr.isTTY),
  write: (line: string) => void = (l) => process.stderr.write(`${l}\n`),
): { onProgress: Progress; stop(): void } {
  if (!tty) return createProgressLines(write);
  const multi = new cliProgress.MultiBar(
    {
      format: '{label} [{bar}] {value}/{total}',
      stream: process.stderr,
      hideCursor: true,
      clearOnComplete: false,
    },
    cliProgress.Presets.shades_classic,
  );
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

/** Plain progress lines (see above); `now` is injectable for tests. */
export function createProgressLines(write: (line: string) => void, now: () => number = Date.now): { onProgress: Progress; stop(): void } {
  const last = new Map<string, { at: number; tenth: number; done: boolean }>();
  return {
    onProgress: (done, total, label) => {
      const tenth = total > 0 ? Math.floor((10 * done) / total) : 0;
      const prev = last.get(label);
      const finished = total > 0 && done >= total;
      if (prev?.done) return;
      if (prev && !finished && tenth === prev.tenth && now() - prev.at < 5000) return;
      last.set(label, { at: now(), tenth, done: finished });
      const pct = total > 0 ? ` (${Math.round((100 * done) / total)}%)` : '';
      write(`${label}: ${done}/${total}${pct}${finished ? ' done' : ''}`);
    },
    stop: () => {},
  };
}
