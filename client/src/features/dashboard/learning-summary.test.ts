import { describe, expect, it } from 'vitest';
import { summariseLearning } from './learning-summary';

describe('summariseLearning', () => {
  it('averages mastery and counts required cells that meet their target', () => {
    expect(
      summariseLearning([
        {
          cells: [
            { mastery: 0.8, target: 0.6 },
            { mastery: 0.2, target: null },
          ],
        },
        {
          cells: [
            { mastery: 0.4, target: 0.6 },
            { mastery: 0.6, target: null },
          ],
        },
      ]),
    ).toEqual({ mastery: 0.5, completion: 0.5 });
  });

  it('says null when there is nothing to summarise', () => {
    expect(summariseLearning([])).toEqual({ mastery: null, completion: null });
    expect(summariseLearning([{ cells: [{ mastery: 0.3, target: null }] }])).toEqual({ mastery: 0.3, completion: null });
  });
});
