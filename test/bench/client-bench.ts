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
  /** Edges drawn in the first picture. */
  edges: number;
  /** Edges held back until asked for (0 with `allEdges`, and for builds before any were held back). */
  hiddenEdges: number;
  applyMs: number;
  layoutMs: number;
  totalMs: number;
  /** Wall time of each run, mount → first paint after layout. */
  runs: number[];
  /**
   * Main-thread CPU time of each run (Chromium's Performance.getMetrics ThreadTime, from opening the page to
   * the result): what the page needed of a core, which a busy machine stretches less than the wall time.
   */
  cpu: number[];
}

/**
 * Serve `dist` with vite preview, open `#/bench/network?nodes=N` (`&edges=all`: every edge drawn from the start) in
 * headless Chromium `runs` times (fresh page each time) and return the median total (mount → first paint
 * after layout), the layout time and the main-thread CPU time of each run.
 */
export async function measureNetworkRender(nodes = 2000, runs = 3, dist = DIST, opts: { allEdges?: boolean } = {}): Promise<NetworkRenderResult> {
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
  const cpu: number[] = [];
  let last = { nodes: 0, edges: 0, hiddenEdges: 0 };
  try {
    for (let i = 0; i < runs; i++) {
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Performance.enable');
      const taskTime = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ThreadTime')?.value ?? 0;
      const before = await taskTime();
      await page.goto(`${url}#/bench/network?nodes=${nodes}${opts.allEdges ? '&edges=all' : ''}`);
      await page.waitForFunction(() => window.__networkBench !== undefined, null, { timeout: 180_000 });
      const r = await page.evaluate(() => window.__networkBench!);
      cpu.push((await taskTime()) * 1000 - before * 1000);
      totals.push(r.totalMs);
      layouts.push(r.layoutMs);
      applies.push(r.applyMs);
      last = { nodes: r.nodes, edges: r.edges, hiddenEdges: r.hiddenEdges ?? 0 };
      await page.close();
    }
  } finally {
    await close();
    await new Promise<void>((res) => server.httpServer.close(() => res()));
  }
  return { ...last, applyMs: median(applies), layoutMs: median(layouts), totalMs: median(totals), runs: totals, cpu };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Print both measurements as a table (used by the lead's `npm run bench` and runnable alone with tsx). */
export async function runClientBench(): Promise<{ sizes: ChunkSize[]; routes: RouteSize[]; network: NetworkRenderResult; withAll: NetworkRenderResult }> {
  const sizes = measureBundleSizes();
  console.log('\nClient bundle (gzip) per chunk:');
  console.table(sizes.map((s) => ({ chunk: s.chunk, 'raw kB': (s.bytes / 1024).toFixed(1), 'gzip kB': (s.gzipBytes / 1024).toFixed(1) })));
  const routes = measureRouteSizes();
  console.log('Per route, on top of the entry (gzip):');
  console.table(routes.map((r) => ({ route: r.route, 'gzip kB': (r.gzipBytes / 1024).toFixed(1), chunks: r.chunks.length })));
  const network = await measureNetworkRender(2000, 3);
  const withAll = await measureNetworkRender(2000, 3, DIST, { allEdges: true });
  for (const [what, r] of [
    ['as it opens, gap and member edges held back', network],
    ['every edge drawn', withAll],
  ] as const) {
    console.log(
      `Network render, ${r.nodes} nodes / ${r.edges} edges drawn (${what}): median ${r.totalMs.toFixed(0)} ms to first paint after layout (adding elements ${r.applyMs.toFixed(0)} ms, layout ${r.layoutMs.toFixed(0)} ms), main-thread CPU median ${median(r.cpu).toFixed(0)} ms; runs ${r.runs.map((x) => x.toFixed(0)).join(', ')} ms`,
    );
  }
  return { sizes, routes, network, withAll };
}

/**
 * This build against another one (`--compare DIR`, e.g. a copy of an earlier client/dist), one page load
 * each in turn (this build as it opens, this build with every edge drawn, the other build), `rounds` times
 * with the order rotating, so all three meet the same machine load. Prints median, spread and n of the wall
 * time and of the main-thread CPU time of each.
 */
async function compareNetworkRender(otherDist: string, rounds: number, nodes = 2000): Promise<void> {
  const variants = [
    { name: `this build (${DIST})`, dist: DIST, allEdges: false, wall: [] as number[], cpu: [] as number[], edges: 0 },
    { name: 'this build, every edge drawn', dist: DIST, allEdges: true, wall: [] as number[], cpu: [] as number[], edges: 0 },
    { name: `other build (${otherDist})`, dist: otherDist, allEdges: false, wall: [] as number[], cpu: [] as number[], edges: 0 },
  ];
  const load0 = loadavg()[0];
  const loads: number[] = [];
  for (let i = 0; i < rounds; i++) {
    for (let k = 0; k < variants.length; k++) {
      const v = variants[(i + k) % variants.length]!;
      loads.push(loadavg()[0]);
      const r = await measureNetworkRender(nodes, 1, v.dist, { allEdges: v.allEdges });
      v.wall.push(r.totalMs);
      v.cpu.push(r.cpu[0]!);
      v.edges = r.edges;
    }
  }
  const d = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    return `median ${median(s).toFixed(0)} ms (${s[0]!.toFixed(0)}–${s.at(-1)!.toFixed(0)}), n=${s.length}`;
  };
  console.log(
    `Network render, ${nodes} nodes, alternating; load ${load0.toFixed(1)} at start, ${loadavg()[0].toFixed(1)} at end, ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)} between runs`,
  );
  for (const v of variants) {
    console.log(`  ${v.name}, ${v.edges} edges drawn: wall ${d(v.wall)}; main-thread ${d(v.cpu)}; wall runs ${v.wall.map((r) => r.toFixed(0)).join(', ')}`);
  }
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
