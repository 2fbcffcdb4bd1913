/**
 * Limits on the shape of one request, applied before anything expensive runs:
 * - body size: a POST body larger than `maxBodyBytes` is refused (413): at once when its declared
 *   Content-Length is larger, while it is read when it declares none (chunked);
 * - nesting and tokens: before parsing, one pass over the text refuses brackets nested deeper
 *   than MAX_NESTING (the parser recurses per level: 2,000 nested `[` overflow its stack) and a
 *   lexer pass stops at `maxTokens`; graphql-js's own `parse(source, { maxTokens })` is kept as a
 *   second guard;
 * - aliases: graphql-armor's max-aliases rule (fragments followed once);
 * - root fields: at most `maxRootFields` top-level selections per operation (through fragments),
 *   so one request cannot queue hundreds of mutations or expensive reads behind one another;
 * - cancellation: yoga passes the request's AbortSignal to the executor, so when the client goes
 *   away no further resolvers (and no remaining root fields) run.
 * Every refusal is BAD_USER_INPUT with `extensions.limit`, `max` (and `actual` where known).
 *
 * Why not graphql-armor's max-tokens: it counts through a Proxy around the lexer during parse, so
 * its refusal is a parse error (yoga answers those 200 to application/json clients, and it cannot
 * catch the nesting that overflows the parser); graphql-js 16 has the token limit built in.
 */
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import {
  type ASTVisitor,
  type FragmentDefinitionNode,
  GraphQLError,
  Kind,
  Lexer,
  parse,
  type ParseOptions,
  type SelectionSetNode,
  Source,
  TokenKind,
  type ValidationContext,
} from 'graphql';
import { type Plugin, useExecutionCancellation } from 'graphql-yoga';
import type { Config } from '../config';

const limitError = (message: string, extensions: Record<string, unknown>, status?: number) =>
  new GraphQLError(message, {
    extensions: {
      code: 'BAD_USER_INPUT',
      ...extensions,
      // A body refused half-read leaves the rest in the socket: close the connection after answering.
      ...(status ? { http: { status, ...(status === 413 ? { headers: { connection: 'close' } } : {}) } } : {}),
    },
  });

/** Read a body up to `max` bytes; throws 413 past it. */
async function readLimited(request: Request, max: number): Promise<Uint8Array<ArrayBuffer>> {
  const tooLarge = () => limitError(`The request body is larger than ${max} bytes`, { limit: 'body', max }, 413);
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (declared > max) throw tooLarge();
  if (!request.body) return new Uint8Array(new ArrayBuffer(0));
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  const out = new Uint8Array(new ArrayBuffer(size));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/** Deepest nesting of `{`, `[` and `(` in a document, skipping strings, block strings and comments. */
export function nestingDepth(text: string): number {
  let depth = 0;
  let max = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 35 /* # */) {
      while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
    } else if (c === 34 /* " */) {
      if (text.startsWith('"""', i)) {
        let j = i + 3;
        while (j < text.length && !text.startsWith('"""', j)) j += text.startsWith('\\"""', j) ? 4 : 1;
        i = j + 2;
      } else {
        for (i++; i < text.length && text[i] !== '"' && text[i] !== '\n'; i++) if (text[i] === '\\') i++;
      }
    } else if (c === 123 || c === 91 || c === 40) {
      if (++depth > max) max = depth;
    } else if (c === 125 || c === 93 || c === 41) {
      depth--;
    }
  }
  return max;
}

/** Brackets nested deeper than this are refused before parsing (the parser recurses per level). */
export const MAX_NESTING = 100;

/** Count root selections through fragments (each fragment once per path). */
function rootFieldCount(set: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>, seen: Set<string>): number {
  let n = 0;
  for (const sel of set.selections) {
    if (sel.kind === Kind.FIELD) n += sel.name.value === '__typename' ? 0 : 1;
    else if (sel.kind === Kind.INLINE_FRAGMENT) n += rootFieldCount(sel.selectionSet, fragments, seen);
    else if (!seen.has(sel.name.value) && fragments.has(sel.name.value)) {
      n += rootFieldCount(fragments.get(sel.name.value)!.selectionSet, fragments, new Set([...seen, sel.name.value]));
    }
  }
  return n;
}

/** Validation rule: no operation selects more than `max` root fields. */
export function rootFieldLimitRule(max: number) {
  return (ctx: ValidationContext): ASTVisitor => ({
    OperationDefinition(op) {
      const fragments = new Map<string, FragmentDefinitionNode>();
      for (const d of ctx.getDocument().definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
      const actual = rootFieldCount(op.selectionSet, fragments, new Set());
      if (actual > max) {
        ctx.reportError(
          new GraphQLError(`The operation selects ${actual} root fields; the limit is ${max}. Send separate requests`, {
            nodes: [op],
            extensions: { code: 'BAD_USER_INPUT', limit: 'rootFields', max, actual },
          }),
        );
      }
    },
  });
}

/** How many documents found within the limits are remembered, and the longest remembered. */
const ACCEPTED_TEXTS = 1000;
const ACCEPTED_TEXT_CHARS = 20_000;

export function useRequestLimits(limits: Readonly<Config['limits']>): Plugin[] {
  /** Nesting and token count of a document, checked before it is parsed: the refusal, or null. */
  const shapeError = (text: string): GraphQLError | null => {
    const depth = nestingDepth(text);
    if (depth > MAX_NESTING) {
      return limitError(`The document nests ${depth} levels of brackets; the limit is ${MAX_NESTING}`, { limit: 'nesting', max: MAX_NESTING, actual: depth }, 400);
    }
    const lexer = new Lexer(new Source(text));
    try {
      for (let n = 0; lexer.advance().kind !== TokenKind.EOF; ) {
        if (++n > limits.maxTokens) {
          return limitError(`The document has more than ${limits.maxTokens} tokens; send a smaller query`, { limit: 'tokens', max: limits.maxTokens }, 400);
        }
      }
    } catch {
      return null; // a syntax error: the parser reports it with its position
    }
    return null;
  };
  // Documents already found within the limits (clients send the same few again and again), bounded.
  const accepted = new Set<string>();
  const accept = (text: string) => {
    if (text.length > ACCEPTED_TEXT_CHARS) return;
    if (accepted.size >= ACCEPTED_TEXTS) accepted.delete(accepted.values().next().value!);
    accepted.add(text);
  };
  // The parser keeps its own token limit as a second guard (documents that reach it unchecked).
  const parseLimited = (source: string | Source, options?: ParseOptions) => parse(source, { ...options, maxTokens: limits.maxTokens });
  return [
    {
      onRequestParse: ({ request, requestParser, setRequestParser }) => {
        if (request.method !== 'POST' || !requestParser) return;
        // A declared length within the limit is the whole body (Node's HTTP parser reads exactly that many
        // bytes and refuses a request that declares a length and a chunked body both): no counting needed.
        const declared = request.headers.get('content-length');
        if (declared !== null && !request.headers.has('transfer-encoding') && /^\d+$/.test(declared) && Number(declared) <= limits.maxBodyBytes) return;
        setRequestParser(async (req) => {
          const body = await readLimited(req, limits.maxBodyBytes);
          return requestParser(new Request(req.url, { method: 'POST', headers: req.headers, body }));
        });
      },
      // Before parsing, so the refusal keeps its 400 (yoga answers parse errors 200 to application/json clients).
      onParams: ({ params, setResult }) => {
        if (typeof params.query !== 'string' || accepted.has(params.query)) return;
        const err = shapeError(params.query);
        if (err) setResult({ errors: [err] });
        else accept(params.query);
      },
      onParse: ({ setParseFn }) => {
        setParseFn(parseLimited);
      },
      onValidate: ({ addValidationRule }) => {
        addValidationRule(rootFieldLimitRule(limits.maxRootFields));
        addValidationRule(
          maxAliasesRule({
            n: limits.maxAliases,
            propagateOnRejection: false,
            onReject: [
              (ctx, err) => {
                ctx?.reportError(
                  new GraphQLError(`Too many aliases (${err.message.replace(/^Syntax Error: /, '')}); send separate requests`, {
                    extensions: { code: 'BAD_USER_INPUT', limit: 'aliases', max: limits.maxAliases },
                  }),
                );
              },
            ],
          }),
        );
      },
    },
    useExecutionCancellation(),
  ];
}
