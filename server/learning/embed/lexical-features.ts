/**
 * Weighted sparse features of a Chinese text for the lexical embedder: jieba words weighted by
 * jieba's bundled IDF table, plus character bigrams and trigrams of each Chinese run (they catch
 * words the dictionary splits differently, e.g. 三会一课 vs 三会 一课). Pure and deterministic:
 * the same text always gives the same features, whatever else has been embedded.
 */
import { Jieba } from '@node-rs/jieba';
import { dict, idf as idfBytes } from '@node-rs/jieba/dict';

let jieba: Jieba | null = null;
let idfTable: Map<string, number> | null = null;
let medianIdf = 12;

/** The shared jieba instance with its bundled dictionary (loading it takes ~0.3 s, so once). */
function getJieba(): Jieba {
  jieba ??= Jieba.withDict(dict);
  return jieba;
}

function getIdf(): Map<string, number> {
  if (idfTable) return idfTable;
  idfTable = new Map();
  const values: number[] = [];
  for (const line of Buffer.from(idfBytes).toString('utf8').split('\n')) {
    const sp = line.lastIndexOf(' ');
    if (sp <= 0) continue;
    const v = Number(line.slice(sp + 1));
    if (!Number.isFinite(v)) continue;
    idfTable.set(line.slice(0, sp), v);
    values.push(v);
  }
  values.sort((a, b) => a - b);
  medianIdf = values[values.length >> 1] ?? 12;
  return idfTable;
}

/** Inverse document frequency of a word from jieba's table; unknown words get the median (as jieba does). */
function idfOf(word: string): number {
  return getIdf().get(word) ?? medianIdf;
}

/** Function words that carry no topic even where the IDF table rates them above zero. */
const STOPWORDS = new Set(
  (
    '的 了 和 与 及 是 在 对 为 以 等 中 把 被 从 向 于 而 并 或 也 都 就 又 要 将 能 会 有 这 那 其 之 着 ' +
    '一个 一些 我们 你们 他们 自己 进行 通过 以及 如何 什么 哪些 可以 应当 应该 需要 主要 重要 方面 问题 ' +
    '内容 知识 学习 了解 掌握 理解 介绍 讲解 课程 本课 本讲 视频 文章 试题 下列 关于 正确 错误 说法'
  ).split(' '),
);

const CJK = /[\u3400-\u9fff]/;
const CJK_RUNS = /[\u3400-\u9fff]+/g;
const WORDY = /^[\p{L}\p{N}]+$/u;

/** Tuning knobs, fixed for a given embedder id (changing them means a new id and a re-embed). */
export interface FeatureOptions {
  /** Weight of character bigrams and trigrams relative to whole words. */
  ngramWeight: number;
}

/** Normalises width and case (ＡＢＣ → abc, full-width digits → ASCII) before segmentation. */
function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** Content words of a text (jieba search-mode segmentation: long words and their parts, e.g. 廉洁自律 → 廉洁 自律 廉洁自律; stopwords and punctuation dropped); used by keyword search too. */
export function segmentWords(text: string): string[] {
  const out: string[] = [];
  for (const w of getJieba().cutForSearch(normalizeText(text), true)) {
    const t = w.trim();
    if (!t || !WORDY.test(t) || STOPWORDS.has(t)) continue;
    if (t.length < 2 && !CJK.test(t)) continue;
    out.push(t);
  }
  return out;
}

/** Sparse TF-IDF features: key → weight. Keys are prefixed (`w:` word, `c2:`/`c3:` n-gram) so kinds never collide. */
export function lexicalFeatures(text: string, opts: FeatureOptions): Map<string, number> {
  const tf = new Map<string, number>();
  const add = (key: string, w: number) => tf.set(key, (tf.get(key) ?? 0) + w);
  for (const w of segmentWords(text)) {
    // Single characters carry little topic on their own; the n-grams below cover them in context.
    if (w.length === 1) continue;
    add(`w:${w}`, 1);
  }
  const norm = normalizeText(text);
  for (const run of norm.match(CJK_RUNS) ?? []) {
    for (let n = 2; n <= 3; n++) {
      for (let i = 0; i + n <= run.length; i++) add(`c${n}:${run.slice(i, i + n)}`, 1);
    }
  }
  const out = new Map<string, number>();
  for (const [key, count] of tf) {
    const body = key.slice(key.indexOf(':') + 1);
    // Sublinear TF: a word repeated ten times is not ten times the topic.
    const t = 1 + Math.log(count);
    if (key.startsWith('w:')) {
      out.set(key, t * idfOf(body));
    } else {
      out.set(key, t * opts.ngramWeight * ngramIdf(body));
    }
  }
  return out;
}

/** IDF of an n-gram: its own entry when it is a dictionary word, else the mean of its characters' IDFs
 * (so a gram spanning 的/了 stays light and one made of rare characters weighs more). */
function ngramIdf(gram: string): number {
  const table = getIdf();
  const own = table.get(gram);
  if (own !== undefined) return own;
  let s = 0;
  for (const ch of gram) s += STOPWORDS.has(ch) ? 0 : (table.get(ch) ?? medianIdf);
  return s / gram.length;
}
