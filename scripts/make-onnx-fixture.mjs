#!/usr/bin/env node
/**
 * Writes test/fixtures/tiny-bert/: a tiny BERT-shaped ONNX model with random (seeded) weights and the
 * tokenizer files, in the layout transformers.js expects for a local model
 * (`<modelsDir>/<name>/config.json`, `tokenizer.json`, `tokenizer_config.json`, `onnx/model_quantized.onnx`).
 * It proves the neural embedder's mechanics (loading from a local folder with remote downloads off,
 * tokenisation, batching with padding, CLS pooling, normalisation, caching) — not meaning.
 *
 * No onnx package is reachable offline, so the ModelProto is encoded with protobufjs (already installed
 * as a dependency of @huggingface/transformers) from the subset of onnx.proto written below.
 *
 * Graph (inputs int64 [batch, seq]; output float [batch, seq, hidden]):
 *   x   = word_emb[input_ids] + type_emb[token_type_ids]
 *   ctx = Σ_seq(x · mask) / Σ_seq(mask)          (what attention would see: the unpadded tokens only)
 *   last_hidden_state = tanh((x + ctx) · W + b)
 * so the [CLS] vector depends on the whole text and never on padding.
 *
 * Run: node scripts/make-onnx-fixture.mjs   (deterministic; rerun only to change the fixture)
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import protobuf from 'protobufjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const out = path.join(root, 'test', 'fixtures', 'tiny-bert');
const HIDDEN = 32;
const CHARS = 2400;

// The subset of onnx.proto (github.com/onnx/onnx, field numbers unchanged) this model needs.
const ONNX_PROTO = `
syntax = "proto3";
package onnx;
message AttributeProto { string name = 1; int64 i = 3; repeated int64 ints = 8; int32 type = 20; }
message ValueInfoProto { string name = 1; TypeProto type = 2; }
message NodeProto { repeated string input = 1; repeated string output = 2; string name = 3; string op_type = 4;
  repeated AttributeProto attribute = 5; }
message ModelProto { int64 ir_version = 1; string producer_name = 2; GraphProto graph = 7;
  repeated OperatorSetIdProto opset_import = 8; }
message GraphProto { repeated NodeProto node = 1; string name = 2; repeated TensorProto initializer = 5;
  repeated ValueInfoProto input = 11; repeated ValueInfoProto output = 12; }
message TensorProto { repeated int64 dims = 1; int32 data_type = 2; string name = 8; bytes raw_data = 9; }
message TensorShapeProto { message Dimension { oneof value { int64 dim_value = 1; string dim_param = 2; } }
  repeated Dimension dim = 1; }
message TypeProto { message Tensor { int32 elem_type = 1; TensorShapeProto shape = 2; } oneof value { Tensor tensor_type = 1; } }
message OperatorSetIdProto { string domain = 1; int64 version = 2; }
`;
const FLOAT = 1;
const INT64 = 7;

// Seeded PRNG (mulberry32) so the fixture is byte-identical on every run.
let seed = 20260521;
function rand() {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const randn = () => Math.sqrt(-2 * Math.log(rand() + 1e-12)) * Math.cos(2 * Math.PI * rand());

/** Vocabulary: BERT specials, ASCII, then the most frequent Chinese characters of jieba's bundled dictionary. */
function buildVocab() {
  const vocab = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]'];
  for (let c = 33; c < 127; c++) {
    const ch = String.fromCharCode(c);
    if (!/[A-Z]/.test(ch)) vocab.push(ch);
  }
  const freq = new Map();
  const dict = fs.readFileSync(path.join(root, 'node_modules', '@node-rs', 'jieba', 'dict.txt'), 'utf8');
  for (const line of dict.split('\n')) {
    const [word, f] = line.split(' ');
    if (!word) continue;
    for (const ch of word) if (/[\u4e00-\u9fff]/.test(ch)) freq.set(ch, (freq.get(ch) ?? 0) + Number(f || 1));
  }
  const chars = [...freq.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, CHARS);
  for (const [ch] of chars) vocab.push(ch);
  for (const p of '，。、；：？！“”‘’（）《》【】—…·') vocab.push(p);
  return vocab;
}

function floatTensor(name, dims, scale) {
  const n = dims.reduce((a, b) => a * b, 1);
  const data = new Float32Array(n);
  for (let i = 0; i < n; i++) data[i] = randn() * scale;
  return { name, dims, data_type: FLOAT, raw_data: Buffer.from(data.buffer) };
}
function int64Tensor(name, values) {
  return { name, dims: [values.length], data_type: INT64, raw_data: Buffer.from(new BigInt64Array(values.map(BigInt)).buffer) };
}
const valueInfo = (name, elemType, dims) => ({
  name,
  type: { tensor_type: { elem_type: elemType, shape: { dim: dims.map((d) => (typeof d === 'string' ? { dim_param: d } : { dim_value: d })) } } },
});
const node = (op_type, input, output, attribute = []) => ({ op_type, input, output, name: `${op_type}_${output[0]}`, attribute });

function buildModel(vocabSize) {
  const graph = {
    name: 'tiny_bert',
    initializer: [
      floatTensor('word_emb', [vocabSize, HIDDEN], 1),
      floatTensor('type_emb', [2, HIDDEN], 0.5),
      floatTensor('dense_w', [HIDDEN, HIDDEN], 1 / Math.sqrt(HIDDEN)),
      floatTensor('dense_b', [HIDDEN], 0.1),
      int64Tensor('axis_seq', [1]),
      int64Tensor('axis_last', [2]),
    ],
    node: [
      node('Gather', ['word_emb', 'input_ids'], ['we']),
      node('Gather', ['type_emb', 'token_type_ids'], ['te']),
      node('Add', ['we', 'te'], ['x']),
      node('Cast', ['attention_mask'], ['mask_f'], [{ name: 'to', i: FLOAT, type: 2 }]),
      node('Unsqueeze', ['mask_f', 'axis_last'], ['mask3']),
      node('Mul', ['x', 'mask3'], ['xm']),
      node('ReduceSum', ['xm', 'axis_seq'], ['xsum'], [{ name: 'keepdims', i: 1, type: 2 }]),
      node('ReduceSum', ['mask3', 'axis_seq'], ['msum'], [{ name: 'keepdims', i: 1, type: 2 }]),
      node('Div', ['xsum', 'msum'], ['ctx']),
      node('Add', ['x', 'ctx'], ['h']),
      node('MatMul', ['h', 'dense_w'], ['hw']),
      node('Add', ['hw', 'dense_b'], ['hb']),
      node('Tanh', ['hb'], ['last_hidden_state']),
    ],
    input: ['input_ids', 'attention_mask', 'token_type_ids'].map((n) => valueInfo(n, INT64, ['batch_size', 'sequence_length'])),
    output: [valueInfo('last_hidden_state', FLOAT, ['batch_size', 'sequence_length', HIDDEN])],
  };
  return { ir_version: 8, producer_name: 'hongtu make-onnx-fixture', graph, opset_import: [{ domain: '', version: 17 }] };
}

function tokenizerJson(vocab) {
  const ids = Object.fromEntries(vocab.map((t, i) => [t, i]));
  const special = (content) => ({ id: ids[content], content, single_word: false, lstrip: false, rstrip: false, normalized: false, special: true });
  const tok = (id, type_id = 0) => ({ SpecialToken: { id, type_id } });
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]'].map(special),
    normalizer: { type: 'BertNormalizer', clean_text: true, handle_chinese_chars: true, strip_accents: null, lowercase: true },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: {
      type: 'TemplateProcessing',
      single: [tok('[CLS]'), { Sequence: { id: 'A', type_id: 0 } }, tok('[SEP]')],
      pair: [tok('[CLS]'), { Sequence: { id: 'A', type_id: 0 } }, tok('[SEP]'), { Sequence: { id: 'B', type_id: 1 } }, tok('[SEP]', 1)],
      special_tokens: Object.fromEntries(['[CLS]', '[SEP]'].map((t) => [t, { id: t, ids: [ids[t]], tokens: [t] }])),
    },
    decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
    model: { type: 'WordPiece', unk_token: '[UNK]', continuing_subword_prefix: '##', max_input_chars_per_word: 100, vocab: ids },
  };
}

const vocab = buildVocab();
const Model = protobuf.parse(ONNX_PROTO, { keepCase: true }).root.lookupType('onnx.ModelProto');
const model = buildModel(vocab.length);
const err = Model.verify(model);
if (err) throw new Error(err);
fs.mkdirSync(path.join(out, 'onnx'), { recursive: true });
fs.writeFileSync(path.join(out, 'onnx', 'model_quantized.onnx'), Model.encode(Model.fromObject(model)).finish());
fs.writeFileSync(path.join(out, 'tokenizer.json'), JSON.stringify(tokenizerJson(vocab)));
fs.writeFileSync(
  path.join(out, 'tokenizer_config.json'),
  JSON.stringify(
    {
      tokenizer_class: 'BertTokenizer',
      model_max_length: 512,
      do_lower_case: true,
      tokenize_chinese_chars: true,
      cls_token: '[CLS]',
      sep_token: '[SEP]',
      pad_token: '[PAD]',
      unk_token: '[UNK]',
      mask_token: '[MASK]',
    },
    null,
    2,
  ),
);
fs.writeFileSync(
  path.join(out, 'config.json'),
  JSON.stringify(
    {
      model_type: 'bert',
      architectures: ['BertModel'],
      hidden_size: HIDDEN,
      vocab_size: vocab.length,
      num_hidden_layers: 1,
      num_attention_heads: 1,
      intermediate_size: HIDDEN,
      max_position_embeddings: 512,
      type_vocab_size: 2,
      pad_token_id: 0,
    },
    null,
    2,
  ),
);
const size = fs.statSync(path.join(out, 'onnx', 'model_quantized.onnx')).size;
console.log(`wrote ${path.relative(root, out)}: vocab ${vocab.length}, hidden ${HIDDEN}, model ${(size / 1024).toFixed(0)} KiB`);
