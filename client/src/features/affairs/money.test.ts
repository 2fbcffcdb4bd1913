import { describe, expect, it } from 'vitest';
import { fenToYuan, yuanToFen } from './money';

describe('money on screen', () => {
  it('shows fen as yuan and reads yuan as fen exactly', () => {
    expect(fenToYuan(7500)).toBe('75.00');
    expect(fenToYuan(20)).toBe('0.20');
    expect(fenToYuan(46914)).toBe('469.14');
    expect(yuanToFen('0.2')).toBe(20);
    expect(yuanToFen('75.05')).toBe(7505);
    expect(yuanToFen('100')).toBe(10000);
    expect(yuanToFen('1.005')).toBeNull();
    expect(yuanToFen('-1')).toBeNull();
  });
});
