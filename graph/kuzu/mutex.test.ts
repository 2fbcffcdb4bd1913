/** The write lock's order: arrival order, foreground before background, background never starved. */
import { describe, expect, it } from 'vitest';
import { Mutex } from './mutex';

const tick = () => new Promise((r) => setImmediate(r));

describe('Mutex', () => {
  it('serves foreground callers in arrival order, one at a time', async () => {
    const m = new Mutex();
    const order: string[] = [];
    let inside = 0;
    const job = (name: string) =>
      m.run(async () => {
        inside++;
        expect(inside).toBe(1);
        await tick();
        order.push(name);
        inside--;
      });
    await Promise.all(['a', 'b', 'c', 'd'].map(job));
    expect(order).toEqual(['a', 'b', 'c', 'd']);
  });

  it('lets queued foreground callers pass a waiting background caller, also one queued right after a release', async () => {
    const m = new Mutex(10_000);
    const order: string[] = [];
    const run = (name: string, background = false) => m.run(async () => void order.push(name), { background });
    let release!: () => void;
    const first = m.run(() => new Promise<void>((r) => (release = r)));
    const bg = run('bg', true);
    const fg = run('fg');
    release();
    await first;
    // Queued in the continuation of the finished holder: still ahead of the background caller.
    const late = run('late');
    await Promise.all([bg, fg, late]);
    expect(order).toEqual(['fg', 'late', 'bg']);
  });

  it('gives a background caller the next turn once it has waited its longest', async () => {
    const m = new Mutex(30);
    const order: string[] = [];
    const holder = m.run(() => new Promise<void>((r) => setTimeout(r, 2)).then(() => void order.push('holder')));
    const bg = m.run(async () => void order.push('bg'), { background: true });
    let stop = false;
    // Foreground callers keep coming back to back; the background one still gets in.
    const fg = (async () => {
      for (let i = 0; !stop && i < 1000; i++) await m.run(() => new Promise<void>((r) => setTimeout(r, 2)).then(() => void order.push('fg')));
    })();
    await bg;
    stop = true;
    await Promise.all([holder, fg]);
    expect(order.indexOf('bg')).toBeGreaterThan(1);
    expect(order.indexOf('bg')).toBeLessThan(order.length - 1);
  });

  it('releases the lock when the holder throws', async () => {
    const m = new Mutex();
    await expect(m.run(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(m.run(async () => 'next')).resolves.toBe('next');
  });
});
