/**
 * Text intelligence: embedding throughput per embedder, tagging precision on the held-out
 * curriculum and on the independent area-labelled texts, embedding sync of the bench store, and
 * suggestTopics / search latency over that store with the offline lexical embedder.
 */
import fs from 'node:fs';
import path from 'node:path';
import { measureThroughput } from '../../scripts/eval-tagging';
import { EmbeddingService } from '../../server/learning/embed/embedding-service';
import { LexicalEmbedder } from '../../server/learning/embed/lexical-embedder';
import { NeuralEmbedder } from '../../server/learning/embed/neural-embedder';
import { SearchService } from '../../server/learning/search/search';
import { evaluateTagging, parseAreaLabeled } from '../../server/learning/tagging/evaluate';
import { loadCorpusFromSeeds } from '../../server/learning/tagging/seeds-corpus';
import { TopicTagger } from '../../server/learning/tagging/topic-tagger';
import type { BenchContext } from './run';
import { fmt, percentile, sample, type BenchRow } from './stats';

const QUERIES = ['入党申请书怎么写', '三会一课', '廉洁自律', '长征精神', '志愿服务', '共同富裕', '党费交纳标准', '民主集中制', '预备党员转正', '中国式现代化'];

export async function bench(ctx: BenchContext): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const row = (metric: string, value: string, note?: string) => rows.push({ section: 'text', metric, value, note });
  const lexical = new LexicalEmbedder();
  const corpus = loadCorpusFromSeeds();
  const texts = corpus.items.map((i) => i.text);
  row(`embed texts/s ${lexical.id}`, fmt(await measureThroughput(lexical, texts, 3), 0), `${texts.length} curriculum texts × 3`);
  const fixture = await NeuralEmbedder.load({ modelName: 'tiny-bert', modelsDir: path.resolve('test/fixtures'), cacheDir: path.resolve('data/models'), progress: false });
  row(
    'embed texts/s neural pipeline (tiny fixture)',
    fmt(await measureThroughput(fixture, texts), 0),
    'transformers.js + onnxruntime overhead on a 32-dim random model, not bge-small',
  );

  const areaLabeled = parseAreaLabeled(fs.readFileSync(path.resolve('test/fixtures/area-labeled-courses.tsv'), 'utf8'));
  const ev = await evaluateTagging({ embedder: lexical, areaLabeled });
  for (const kind of ['Course', 'Question'] as const) {
    const f = ev.byKind[kind];
    if (!f) continue;
    row(
      `tagging held-out ${kind.toLowerCase()}s area P@1 / P@3`,
      `${fmt(f.areaP1, 3)} / ${fmt(f.areaP3, 3)}`,
      `n=${f.n}; primary area P@1 ${fmt(f.primaryAreaP1, 3)}; chance ${ev.chanceAreaP1}`,
    );
    row(`tagging held-out ${kind.toLowerCase()}s subtopic P@1 / P@3`, `${fmt(f.topicP1, 3)} / ${fmt(f.topicP3, 3)}`, `n=${f.n}; 64 subtopics`);
  }
  if (ev.areaLabeled) row('tagging independent area-labelled texts area P@1', fmt(ev.areaLabeled.areaP1, 3), `n=${ev.areaLabeled.n}`);

  const embeddings = new EmbeddingService(ctx.store, lexical);
  const t0 = performance.now();
  const reports = await embeddings.ensureSynced();
  const embedded = reports.reduce((n, r) => n + r.embedded, 0);
  row('embedding sync of the bench store', `${fmt((performance.now() - t0) / 1000)} s`, `${embedded} nodes embedded + HNSW indexes (${lexical.dimensions} dims)`);

  const tagger = TopicTagger.forStore(ctx.store, embeddings);
  await tagger.getIndex();
  const suggest = await sample(50, 5, (i) => tagger.suggestTopics(texts[i % texts.length], 5));
  row('suggestTopics p50 / p99', `${fmt(percentile(suggest, 50))} / ${fmt(percentile(suggest, 99))} ms`, 'in-process service call');
  const search = new SearchService(ctx.store, embeddings);
  const s = await sample(50, 5, (i) => search.search(QUERIES[i % QUERIES.length], 10));
  row('search p50 / p99', `${fmt(percentile(s, 50))} / ${fmt(percentile(s, 99))} ms`, 'vector (HNSW) + keyword, courses and topics');
  return rows;
}
