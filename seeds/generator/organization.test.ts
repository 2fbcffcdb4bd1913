import { describe, expect, it } from 'vitest';
import { chineseNumber, collegeName } from './names';
import { apportion, buildOrgTree, MIN_BRANCH_SIZE } from './organization';
import { Rng } from './rng';
import { SCALES } from './scales';

describe('organization tree', () => {
  it('apportions exactly, respecting the minimum', () => {
    const parts = apportion(100, [1, 2, 3, 0.5], 5);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(100);
    expect(Math.min(...parts)).toBeGreaterThanOrEqual(5);
    expect(() => apportion(5, [1, 1], 3)).toThrow(/Cannot split 5/);
  });

  it('writes Chinese ordinals and unique college names beyond the list', () => {
    expect([1, 10, 12, 20, 23].map(chineseNumber)).toEqual(['一', '十', '十二', '二十', '二十三']);
    const names = Array.from({ length: 200 }, (_, i) => collegeName(i));
    expect(new Set(names).size).toBe(200);
  });

  it('builds medium-scale committees, branches and sizes as specified', () => {
    const org = buildOrgTree(SCALES.medium, new Rng(1, 'org'));
    expect(org.committees).toHaveLength(20);
    expect(org.branches).toHaveLength(400);
    expect(org.branches.reduce((s, b) => s + b.size, 0)).toBe(20_000);
    expect(Math.min(...org.branches.map((b) => b.size))).toBeGreaterThanOrEqual(MIN_BRANCH_SIZE);
    expect(new Set(org.branches.map((b) => b.name)).size).toBe(400);
    const weak = org.branches.filter((b) => b.weak).length;
    expect(weak).toBe(60);
    expect(org.branches[0]).toMatchObject({ id: 'b-1', name: '计算机学院本科生第一党支部', weak: false, type: 'UNDERGRAD' });
    for (const c of org.committees) {
      expect(
        c.branches.some((i) => org.branches[i].type === 'TEACHER'),
        c.name,
      ).toBe(true);
    }
    expect(org.groups.length).toBeGreaterThan(0);
  });
});
