/**
 * A synthetic knowledge-tracing world for tests and benchmarks: students with a latent ability,
 * skills with a difficulty and a learning rate, practice that raises skill mastery and time that
 * erodes it. Deterministic for a seed. Output in the 3-line format and the long CSV format.
 */
export interface SyntheticKtOptions {
  students: number;
  skills: number;
  meanLength: number;
  seed: number;
}

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SyntheticResponse {
  student: number;
  skill: number;
  correct: number;
  time: number;
}

export function simulateKt(o: SyntheticKtOptions): SyntheticResponse[] {
  const r = rng(o.seed);
  const normal = () => Math.sqrt(-2 * Math.log(r() + 1e-12)) * Math.cos(2 * Math.PI * r());
  const difficulty = Array.from({ length: o.skills }, () => normal() * 0.8);
  const rate = Array.from({ length: o.skills }, () => 0.1 + r() * 0.3);
  const out: SyntheticResponse[] = [];
  for (let s = 0; s < o.students; s++) {
    const ability = normal();
    const mastery = new Float64Array(o.skills);
    const len = Math.max(2, Math.round(o.meanLength * (0.2 + 1.6 * r())));
    let time = 1_600_000_000 + Math.floor(r() * 1e7);
    let skill = Math.floor(r() * o.skills);
    for (let i = 0; i < len; i++) {
      if (r() < 0.3) skill = Math.floor(r() * o.skills); // practice in runs, like problem sets
      const gap = r() < 0.1 ? 86400 * (1 + r() * 10) : 30 + r() * 300;
      time += Math.round(gap);
      mastery[skill] *= gap > 86400 ? 0.85 : 1;
      const z = ability + 2.5 * mastery[skill] - difficulty[skill];
      const p = 0.1 + 0.85 / (1 + Math.exp(-z));
      const correct = r() < p ? 1 : 0;
      out.push({ student: s, skill, correct, time });
      mastery[skill] += rate[skill] * (1 - mastery[skill]) * (correct ? 1 : 0.6);
    }
  }
  return out;
}

/** Split responses by student: every `k`-th student (by id) goes to test, the rest to train. */
export function splitByStudent(rows: SyntheticResponse[], k = 5): { train: SyntheticResponse[]; test: SyntheticResponse[] } {
  return { train: rows.filter((x) => x.student % k !== 0), test: rows.filter((x) => x.student % k === 0) };
}

export function toLines(rows: SyntheticResponse[]): string {
  const by = new Map<number, SyntheticResponse[]>();
  for (const x of rows) {
    let l = by.get(x.student);
    if (!l) by.set(x.student, (l = []));
    l.push(x);
  }
  let text = '';
  for (const l of by.values()) text += `${l.length}\n${l.map((x) => x.skill).join(',')},\n${l.map((x) => x.correct).join(',')},\n`;
  return text;
}

export function toCsv(rows: SyntheticResponse[]): string {
  return `student,skill,correct,timestamp\n${rows.map((x) => `u${x.student},k${x.skill},${x.correct},${x.time}`).join('\n')}\n`;
}
