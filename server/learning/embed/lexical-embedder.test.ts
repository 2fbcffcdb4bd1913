import { describe, expect, it } from 'vitest';
import { dot } from './embedder';
import { LexicalEmbedder } from './lexical-embedder';

const norm = (v: Float32Array) => Math.sqrt(dot(v, v));

// [anchor, related, unrelated]: the related text shares the topic, mostly not the wording.
const TRIPLES: [string, string, string][] = [
  ['党章规定了党员的八项权利和八项义务', '党员应当履行义务，同时依照党章享有权利', '组织青年志愿者走进社区开展养老服务'],
  ['三会一课制度包括支部党员大会、支委会、党小组会和党课', '支部要按时召开党员大会和党小组会，按期上好党课', '新民主主义革命时期的遵义会议确立了正确路线'],
  ['遵义会议是党的历史上生死攸关的转折点', '长征途中召开的遵义会议挽救了党和红军', '发展对象须经过支部委员会审查和政治审查'],
  ['入党积极分子经过一年以上培养教育可列为发展对象', '确定发展对象前要听取培养联系人和党员群众意见', '中央八项规定精神要求厉行勤俭节约、反对铺张浪费'],
  ['严守政治纪律，坚决反对腐败，保持廉洁本色', '廉洁自律，不收受礼品礼金，遵守党的纪律处分条例', '预备党员的预备期为一年，从支部大会通过之日算起'],
  ['全心全意为人民服务是党的根本宗旨', '党员要践行宗旨，密切联系群众，为群众办实事', '党费按月交纳，标准依据工资收入的比例确定'],
];

describe('LexicalEmbedder', () => {
  const e = new LexicalEmbedder();

  it('ranks a related Chinese text above an unrelated one', async () => {
    for (const [anchor, related, unrelated] of TRIPLES) {
      const [a, r, u] = await e.embed([anchor, related, unrelated]);
      expect(dot(a, r), `${anchor} ~ ${related} vs ${unrelated}`).toBeGreaterThan(dot(a, u));
    }
  });

  it('returns unit vectors of the declared dimension', async () => {
    const vs = await e.embed(TRIPLES.flat());
    expect(e.dimensions).toBe(2048);
    for (const v of vs) {
      expect(v).toHaveLength(2048);
      expect(norm(v)).toBeCloseTo(1, 5);
    }
  });

  it('is deterministic across instances and batches', async () => {
    const other = new LexicalEmbedder();
    const [a] = await e.embed([TRIPLES[0][0]]);
    const [, b] = await other.embed(['无关的文字', TRIPLES[0][0]]);
    expect(Array.from(b)).toEqual(Array.from(a));
    expect(other.id).toBe(e.id);
  });

  it('maps text with no content words to the zero vector and an empty batch to nothing', async () => {
    const [v] = await e.embed(['，。！']);
    expect(norm(v)).toBe(0);
    expect(await e.embed([])).toEqual([]);
  });

  it('names its dimension in its id so stored vectors of another shape are recognised', () => {
    expect(new LexicalEmbedder({ dimensions: 256 }).id).toBe('lexical-v1/256');
  });
});
