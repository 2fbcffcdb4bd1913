/**
 * Client figures for `npm run bench`:
 *  - gzip size of the production bundle per route chunk (the lazy pages) plus the shared entry;
 *  - time to render and lay out a 2,000-node network in headless Chromium (#/bench/network).
 * Both read the built client in client/dist (`npm run build` first).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { preview } from 'vite';
import { launchChromium } from '../e2e/browser';

const ROOT = path.resolve(import.meta.dirname, '../..');
const DIST = path.join(ROOT, 'client/dist');

export interface ChunkSize {
  chunk: string;
  bytes: number;
  gzipBytes: number;
}

/** Route chunk sizes: one row per JS/CSS asset, named without the content hash, largest first. */
export function measureBundleSizes(dist = DIST): ChunkSize[] {
  const assets = path.join(dist, 'assets');
  if (!existsSync(assets)) throw new Error(`No build at ${dist}: run \`npm run build\` first`);
  return readdirSync(assets)
    .filter((f) => /\.(js|css)$/.test(f))
    .map((f) => {
      const buf = readFileSync(path.join(assets, f));
      return { chunk: f.replace(/-[\w-]{8}\.(js|css)$/, '.$1'), bytes: buf.length, gzipBytes: gzipSync(buf, { level: 9 }).length };
    })
    .sort((a, b) => b.gzipBytes - a.gzipBytes);
}

export interface RouteSize {
  route: string;
  gzipBytes: number;
  chunks: string[];
}

/**
 * What opening each lazy page downloads on top of the entry: the page's chunk plus every chunk it imports
 * statically (transitively), gzip. The entry (index.js + index.css) is reported as the route "entry".
 */
export function measureRouteSizes(dist = DIST): RouteSize[] {
  const assets = path.join(dist, 'assets');
  const files = readdirSync(assets).filter((f) => f.endsWith('.js'));
  const gz = new Map(
    readdirSync(assets)
      .filter((f) => /\.(js|css)$/.test(f))
      .map((f) => [f, gzipSync(readFileSync(path.join(assets, f)), { level: 9 }).length]),
  );
  const imports = (f: string) => [...readFileSync(path.join(assets, f), 'utf8').matchAll(/from\s*"\.\/([^"]+\.js)"/g)].map((m) => m[1]);
  const entry = files.find((f) => /^index-/.test(f));
  const entryDeps = new Set<string>();
  const walk = (f: string, into: Set<string>) => {
    if (into.has(f)) return;
    into.add(f);
    for (const d of imports(f)) walk(d, into);
  };
  if (entry) walk(entry, entryDeps);
  const css = [...gz.keys()].filter((f) => f.endsWith('.css'));
  const rows: RouteSize[] = [{ route: 'entry', chunks: [...entryDeps, ...css], gzipBytes: [...entryDeps, ...css].reduce((n, f) => n + (gz.get(f) ?? 0), 0) }];
  for (const page of files.filter((f) => /Page-/.test(f))) {
    const deps = new Set<string>();
    walk(page, deps);
    const extra = [...deps].filter((f) => !entryDeps.has(f));
    rows.push({ route: page.replace(/-[\w-]{8}\.js$/, ''), chunks: extra, gzipBytes: extra.reduce((n, f) => n + (gz.get(f) ?? 0), 0) });
  }
  return rows.sort((a, b) => b.gzipBytes - a.gzipBytes);
}

export interface NetworkRenderResult {
  nodes: number;
  edges: number;
  applyMs: number;
  layoutMs: number;
  totalMs: number;
  runs: number[];
}

/**
 * Serve client/dist with vite preview, open `#/bench/network?nodes=N` in headless Chromium `runs` times
 * (fresh page each time) and return the median total (mount → first paint after layout) and layout time.
 */
export async function measureNetworkRender(nodes = 2000, runs = 3, dist = DIST): Promise<NetworkRenderResult> {
  const server = await preview({
    configFile: path.join(ROOT, 'client/vite.config.ts'),
    build: { outDir: dist },
    preview: { port: 0, host: '127.0.0.1' },
    logLevel: 'silent',
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report a URL');
  const { context, close } = await launchChromium();
  const totals: number[] = [];
  const layouts: number[] = [];
  const applies: number[] = [];
  let last = { nodes: 0, edges: 0 };
  try {
    for (let i = 0; i < runs; i++) {
      const page = await context.newPage();
      await page.goto(`${url}#/bench/network?nodes=${nodes}`);
      await page.waitForFunction(() => window.__networkBench !== undefined, null, { timeout: 120_000 });
      const r = await page.evaluate(() => window.__networkBench!);
      totals.push(r.totalMs);
      layouts.push(r.layoutMs);
      applies.push(r.applyMs);
      last = { nodes: r.nodes, edges: r.edges };
      await page.close();
    }
  } finally {
    await close();
    await new Promise<void>((res) => server.httpServer.close(() => res()));
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return { ...last, applyMs: median(applies), layoutMs: median(layouts), totalMs: median(totals), runs: totals };
}

/** Print both measurements as a table (used by the lead's `npm run bench` and runnable alone with tsx). */
export async function runClientBench(): Promise<{ sizes: ChunkSize[]; routes: RouteSize[]; network: NetworkRenderResult }> {
  const sizes = measureBundleSizes();
  console.log('\nClient bundle (gzip) per chunk:');
  console.table(sizes.map((s) => ({ chunk: s.chunk, 'raw kB': (s.bytes / 1024).toFixed(1), 'gzip kB': (s.gzipBytes / 1024).toFixed(1) })));
  const routes = measureRouteSizes();
  console.log('Per route, on top of the entry (gzip):');
  console.table(routes.map((r) => ({ route: r.route, 'gzip kB': (r.gzipBytes / 1024).toFixed(1), chunks: r.chunks.length })));
  const network = await measureNetworkRender(2000, 3);
  console.log(
    `Network render, ${network.nodes} nodes / ${network.edges} edges: median ${network.totalMs.toFixed(0)} ms to first paint after layout (adding elements ${network.applyMs.toFixed(0)} ms, layout ${network.layoutMs.toFixed(0)} ms); runs ${network.runs.map((r) => r.toFixed(0)).join(', ')} ms`,
  );
  return { sizes, routes, network };
}

/**
 * This build against another one (`--compare DIR`, e.g. a copy of an earlier client/dist), one page load
 * each in turn, `rounds` times, so both meet the same machine load. Prints median, spread and n of each.
 */
async function compareNetworkRender(otherDist: string, rounds: number, nodes = 2000): Promise<void> {
  const ours: number[] = [];
  const theirs: number[] = [];
  const load0 = loadavg()[0];
  for (let i = 0; i < rounds; i++) {
    for (const [dist, into] of (i % 2
      ? [
          [otherDist, theirs],
          [DIST, ours],
        ]
      : [
          [DIST, ours],
          [otherDist, theirs],
        ]) as [string, number[]][]) {
      into.push((await measureNetworkRender(nodes, 1, dist)).totalMs);
    }
  }
  const d = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    return `median ${s[Math.floor(s.length / 2)]!.toFixed(0)} ms (${s[0]!.toFixed(0)}–${s.at(-1)!.toFixed(0)}), n=${s.length}`;
  };
  console.log(`Network render, ${nodes} nodes, alternating; load ${load0.toFixed(1)} at start, ${loadavg()[0].toFixed(1)} at end`);
  console.log(`  this build (${DIST}): ${d(ours)}; runs ${ours.map((r) => r.toFixed(0)).join(', ')}`);
  console.log(`  other build (${otherDist}): ${d(theirs)}; runs ${theirs.map((r) => r.toFixed(0)).join(', ')}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const i = process.argv.indexOf('--compare');
  const rounds = Number(process.argv[process.argv.indexOf('--rounds') + 1] || 5);
  const run = i > 0 ? compareNetworkRender(path.resolve(process.argv[i + 1]!), process.argv.includes('--rounds') ? rounds : 5) : runClientBench();
  run.catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
