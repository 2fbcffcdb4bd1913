/** nestingDepth: brackets counted, strings, block strings and comments skipped. */
import { describe, expect, it } from 'vitest';
import { nestingDepth } from './limits-request';

describe('nestingDepth', () => {
  it('counts braces, brackets and parentheses', () => {
    expect(nestingDepth('{ a { b(x: [[1]]) } }')).toBe(5);
    expect(nestingDepth('{ a } { b }')).toBe(1);
    expect(nestingDepth('')).toBe(0);
  });

  it('skips brackets inside strings, escaped quotes, block strings and comments', () => {
    expect(nestingDepth(String.raw`{ a(s: "{{{[[[\"{{") }`)).toBe(2);
    expect(nestingDepth(String.raw`{ a(s: """ {{{ \""" {{{ """) }`)).toBe(2);
    expect(nestingDepth('# {{{{{{\n{ a }')).toBe(1);
  });
});
