import { describe, expect, it } from 'vitest';
import { idCheckDigit, isValidIdNumber, makeIdNumber, makePhone } from './identity';
import { Rng } from './rng';
import { cstDate } from './scales';

describe('synthetic identifiers', () => {
  it('computes the GB 11643 check character', () => {
    // The standard's worked example: 11010519491231002 → X.
    expect(idCheckDigit('11010519491231002')).toBe('X');
    expect(isValidIdNumber('11010519491231002X')).toBe(true);
    expect(isValidIdNumber('110105194912310021')).toBe(false);
    expect(isValidIdNumber('11010519491231002')).toBe(false);
  });

  it('encodes birth date and gender in ID numbers', () => {
    const r = new Rng(3);
    const id = makeIdNumber(r, cstDate(2004, 2, 29), 'F');
    expect(isValidIdNumber(id)).toBe(true);
    expect(id.slice(6, 14)).toBe('20040229');
    expect(Number(id[16]) % 2).toBe(0);
    expect(Number(makeIdNumber(r, cstDate(1990, 1, 1), 'M')[16]) % 2).toBe(1);
  });

  it('makes distinct well-formed mobile numbers', () => {
    const r = new Rng(4);
    const phones = Array.from({ length: 50_000 }, (_, i) => makePhone(r, i));
    for (const p of phones.slice(0, 100)) expect(p).toMatch(/^1[3-9]\d{9}$/);
    expect(new Set(phones.map((p) => p.slice(3))).size).toBe(phones.length);
  });
});
