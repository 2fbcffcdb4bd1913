import { describe, expect, it } from 'vitest';
import { Rng, WeightedTable } from './rng';

describe('Rng', () => {
  it('repeats exactly for the same seed and stream, and differs across streams', () => {
    const draw = (r: Rng) => Array.from({ length: 5 }, () => r.next());
    expect(draw(new Rng(1, 'a'))).toEqual(draw(new Rng(1, 'a')));
    expect(draw(new Rng(1, 'a'))).not.toEqual(draw(new Rng(1, 'b')));
    expect(draw(new Rng(1, 'a'))).not.toEqual(draw(new Rng(2, 'a')));
    expect(draw(new Rng(1).fork('x'))).toEqual(draw(new Rng(1, '/x')));
  });

  it('draws uniformly in [0,1) and integers within bounds', () => {
    const r = new Rng(5);
    const xs = Array.from({ length: 20_000 }, () => r.next());
    const ks = new Set(Array.from({ length: 2_000 }, () => r.int(3, 7)));
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(xs.reduce((a, b) => a + b, 0) / xs.length).toBeCloseTo(0.5, 1);
    expect([...ks].sort()).toEqual([3, 4, 5, 6, 7]);
  });

  it('samples by weight and keeps roundStochastic unbiased', () => {
    const r = new Rng(9);
    const table = new WeightedTable([1, 0, 3]);
    const hits = [0, 0, 0];
    let rounded = 0;
    for (let i = 0; i < 10_000; i++) {
      hits[table.draw(r)]++;
      rounded += r.roundStochastic(2.3);
    }
    expect(hits[1]).toBe(0);
    expect(hits[2] / hits[0]).toBeGreaterThan(2.5);
    expect(hits[2] / hits[0]).toBeLessThan(3.5);
    expect(rounded / 10_000).toBeCloseTo(2.3, 1);
  });
});
