/**
 * Knowledge-tracing datasets: sequences of (skill, correct[, time]) per student, in time order.
 * Two input formats:
 *  - `csv`: long CSV with a header naming student, skill, correct and optionally timestamp
 *    (common aliases accepted: user_id, skill_id, skill_name, timestamp/time/at), rows in time order.
 *  - `lines`: the 3-line format of public KT datasets (ASSISTments, Statics...): per student a line with
 *    the number of responses, a line of comma-separated skill ids, a line of comma-separated 0/1.
 *    Trailing commas and blank lines are allowed.
 */
export interface KtSequence {
  student: string;
  /** Dense skill indexes into KtDataset.skills. */
  skills: Int32Array;
  correct: Uint8Array;
  /** Seconds since epoch, or null when the input had no timestamps. */
  times: Float64Array | null;
}

export interface KtDataset {
  sequences: KtSequence[];
  skills: string[];
  responses: number;
}

export type KtFormat = 'csv' | 'lines';

/** Maps external skill ids to dense indexes; shared between train and test so indexes agree. */
export class SkillIndex {
  readonly names: string[] = [];
  private readonly map = new Map<string, number>();
  /** Index of a skill; unknown skills get a new index only when `grow` is true, else -1. */
  get(name: string, grow: boolean): number {
    let i = this.map.get(name);
    if (i === undefined) {
      if (!grow) return -1;
      i = this.names.length;
      this.map.set(name, i);
      this.names.push(name);
    }
    return i;
  }
}

/** Guess the format from the first non-blank line: a lone integer → lines, else csv. */
export function detectFormat(text: string): KtFormat {
  const first = text.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  return /^\s*\d+\s*,?\s*$/.test(first) ? 'lines' : 'csv';
}

const ALIASES: Record<'student' | 'skill' | 'correct' | 'time', string[]> = {
  student: ['student', 'student_id', 'user', 'user_id', 'userid', 'member', 'memberid'],
  skill: ['skill', 'skill_id', 'skill_name', 'skillid', 'kc', 'concept', 'topic', 'topicid'],
  correct: ['correct', 'is_correct', 'outcome', 'answer_correct'],
  time: ['timestamp', 'time', 'at', 'start_time', 'order_id'],
};

function splitCsvLine(line: string): string[] {
  if (!line.includes('"')) return line.split(',');
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

function parseTime(v: string): number {
  const n = Number(v);
  if (Number.isFinite(n)) return n > 1e11 ? n / 1000 : n; // epoch ms → s
  const d = Date.parse(v);
  if (Number.isNaN(d)) throw new Error(`Unreadable timestamp "${v}"`);
  return d / 1000;
}

interface Builder {
  student: string;
  skills: number[];
  correct: number[];
  times: number[];
}

function finish(builders: Map<string, Builder>, index: SkillIndex, hasTime: boolean): KtDataset {
  const sequences: KtSequence[] = [];
  let responses = 0;
  for (const b of builders.values()) {
    responses += b.skills.length;
    sequences.push({
      student: b.student,
      skills: Int32Array.from(b.skills),
      correct: Uint8Array.from(b.correct),
      times: hasTime ? Float64Array.from(b.times) : null,
    });
  }
  return { sequences, skills: index.names, responses };
}

/** Parse a long CSV. `grow` = false maps unseen skills to -1 (the models treat them as unknown). */
export function parseCsv(text: string, index: SkillIndex, grow = true): KtDataset {
  const lines = text.split(/\r?\n/);
  const header = splitCsvLine(lines[0] ?? '').map((h) => h.trim().toLowerCase());
  const col = (k: keyof typeof ALIASES) => header.findIndex((h) => ALIASES[k].includes(h));
  const [si, ki, ci, ti] = [col('student'), col('skill'), col('correct'), col('time')];
  if (si < 0 || ki < 0 || ci < 0) {
    throw new Error(`CSV header must name student, skill and correct columns (got: ${header.join(',')})`);
  }
  const builders = new Map<string, Builder>();
  for (let n = 1; n < lines.length; n++) {
    const line = lines[n];
    if (!line?.trim()) continue;
    const f = splitCsvLine(line);
    const c = f[ci]?.trim();
    if (c !== '0' && c !== '1' && c !== 'true' && c !== 'false') {
      throw new Error(`Line ${n + 1}: correct must be 0/1, got "${c}"`);
    }
    const student = f[si].trim();
    let b = builders.get(student);
    if (!b) builders.set(student, (b = { student, skills: [], correct: [], times: [] }));
    b.skills.push(index.get(f[ki].trim(), grow));
    b.correct.push(c === '1' || c === 'true' ? 1 : 0);
    if (ti >= 0) b.times.push(parseTime(f[ti].trim()));
  }
  return finish(builders, index, ti >= 0);
}

/** Parse the 3-line format. Students are numbered by position (`s1`, `s2`, ...). */
export function parseLines(text: string, index: SkillIndex, grow = true): KtDataset {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
  if (lines.length % 3 !== 0) throw new Error(`3-line format: expected a multiple of 3 non-blank lines, got ${lines.length}`);
  const builders = new Map<string, Builder>();
  const cells = (l: string) =>
    l
      .split(',')
      .map((x) => x.trim())
      .filter((x) => x !== '');
  for (let i = 0; i < lines.length; i += 3) {
    const n = Number(cells(lines[i])[0]);
    const skills = cells(lines[i + 1]);
    const correct = cells(lines[i + 2]);
    if (!Number.isInteger(n) || skills.length !== n || correct.length !== n) {
      throw new Error(`3-line format: student block at line ${i + 1} says ${cells(lines[i])[0]} responses but has ${skills.length} skills and ${correct.length} answers`);
    }
    const student = `s${i / 3 + 1}`;
    builders.set(student, {
      student,
      skills: skills.map((s) => index.get(s, grow)),
      correct: correct.map((c) => {
        if (c !== '0' && c !== '1') throw new Error(`3-line format: answers must be 0/1, got "${c}" at line ${i + 3}`);
        return c === '1' ? 1 : 0;
      }),
      times: [],
    });
  }
  return finish(builders, index, false);
}

/** Parse either format (auto-detected unless given). */
export function parseDataset(text: string, index: SkillIndex, opts: { format?: KtFormat; grow?: boolean } = {}): KtDataset {
  const format = opts.format ?? detectFormat(text);
  return format === 'lines' ? parseLines(text, index, opts.grow ?? true) : parseCsv(text, index, opts.grow ?? true);
}
