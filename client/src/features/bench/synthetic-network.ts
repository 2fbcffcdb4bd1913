import { edge, graphId, node, type GraphElement } from '../../graph-view/elements';

const STAGES = ['APPLICANT', 'ACTIVIST', 'CANDIDATE', 'PROBATIONARY', 'FULL'];

/** Deterministic PRNG (mulberry32) so every bench run draws the same graph. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A synthetic organization of exactly `total` nodes for the render benchmark: one university, committees,
 * branches, 40 topics, and members (≈ 90%), with the org tree and each member linked to 1–2 gap topics.
 */
export function buildSyntheticNetwork(total: number, seed = 7): GraphElement[] {
  const rand = rng(seed);
  const els: GraphElement[] = [];
  const committees = Math.max(1, Math.round(total / 200));
  const branches = Math.max(1, Math.round(total / 20));
  const topics = Math.min(40, Math.max(1, Math.round(total / 50)));
  const members = Math.max(0, total - 1 - committees - branches - topics);
  const uni = graphId('university', 'u-1');
  els.push(node({ id: uni, kind: 'university', label: '大学党委' }));
  for (let c = 0; c < committees; c++) {
    const id = graphId('committee', `c-${c}`);
    els.push(node({ id, kind: 'committee', label: `二级党委 ${c + 1}` }), edge(uni, id, 'under'));
  }
  for (let b = 0; b < branches; b++) {
    const id = graphId('branch', `b-${b}`);
    els.push(node({ id, kind: 'branch', label: `支部 ${b + 1}` }), edge(graphId('committee', `c-${b % committees}`), id, 'under'));
  }
  for (let t = 0; t < topics; t++) els.push(node({ id: graphId('topic', `t-${t}`), kind: 'topic', label: `主题 ${t + 1}` }));
  for (let m = 0; m < members; m++) {
    const id = graphId('member', `m-${m}`);
    els.push(
      node({ id, kind: 'member', label: `党员 ${m + 1}`, stage: STAGES[Math.floor(rand() * STAGES.length)], mastery: rand(), attendance: rand() }),
      edge(graphId('branch', `b-${m % branches}`), id, 'under'),
    );
    const gaps = 1 + Math.floor(rand() * 2);
    for (let g = 0; g < gaps; g++) els.push(edge(id, graphId('topic', `t-${Math.floor(rand() * topics)}`), 'gap'));
  }
  return els;
}
