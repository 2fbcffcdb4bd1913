import { describe, expect, it } from 'vitest';
import { dataProblems } from './check-data';

const full = { University: 1, Committee: 3, Branch: 12, Member: 400, Topic: 60, Course: 136, Question: 300 };
const indexed = { Topic: 512, Course: 512, Question: 512 };

describe('dataProblems', () => {
  it('finds an empty store', () => {
    expect(dataProblems({}, {})).toEqual([expect.stringMatching(/^The store is empty: .*hongtu seed --scale demo --load/)]);
  });

  it('finds a half-loaded store (members missing after a failed import)', () => {
    expect(dataProblems({ ...full, Member: 0 }, indexed)).toEqual([expect.stringMatching(/half loaded: Member=0 while University=1, .*Branch=12/)]);
  });

  it('finds curriculum without embeddings or vector indexes, once', () => {
    expect(dataProblems(full, { Topic: 512 })).toEqual([
      'Course: 136 nodes but no embeddings or vector index; run `hongtu reembed`',
      'Question: 300 nodes but no embeddings or vector index; run `hongtu reembed`',
    ]);
    expect(dataProblems(full, { Topic: 512, Question: 512 }, ['Course embeddings (512 dimensions) have no vector index; run `hongtu reembed`'])).toEqual([]);
  });

  it('is quiet for a complete store', () => {
    expect(dataProblems(full, indexed)).toEqual([]);
  });
});
