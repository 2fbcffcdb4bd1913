/**
 * GraphiQL without the internet: yoga's default page loads GraphiQL from a public CDN, which leaves a blank page
 * on a campus network with no way out. Here the page and every file it needs come from this server, taken from
 * the @graphql-yoga/render-graphiql package (loaded on first use only; it is ~9 MB of strings):
 *   /graphql                        the page (yoga calls renderGraphiQL for a browser GET)
 *   /graphiql/{graphiql.js,graphiql.css,start.js,favicon.ico}
 *   /graphiql/{editor,json,graphql}.worker.js   the editor's web workers, same origin
 * The page has no inline script or style, so a strict Content-Security-Policy with 'self' still lets it run.
 */
import type { GraphiQLOptions, Plugin } from 'graphql-yoga';

export const GRAPHIQL_ASSETS = '/graphiql/';

interface Assets {
  js: string;
  css: string;
  favicon: string;
  editorWorkerService: string;
  jsonWorker: string;
  graphqlWorker: string;
}
let assets: Promise<Assets> | null = null;
const loadAssets = (): Promise<Assets> => (assets ??= import('@graphql-yoga/render-graphiql/graphiql').then((m) => m as Assets));

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The page: same-origin files only; the options travel in a data attribute read by start.js. */
export function renderOfflineGraphiQL(opts: GraphiQLOptions): string {
  const title = escapeHtml(opts.title ?? 'GraphiQL');
  const options = escapeHtml(JSON.stringify(opts));
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="icon" href="${GRAPHIQL_ASSETS}favicon.ico">
<link rel="stylesheet" href="${GRAPHIQL_ASSETS}graphiql.css">
</head>
<body id="body" class="no-focus-outline">
<noscript>GraphiQL needs JavaScript.</noscript>
<div id="root" data-options="${options}"></div>
<script src="${GRAPHIQL_ASSETS}graphiql.js"></script>
<script src="${GRAPHIQL_ASSETS}start.js"></script>
</body>
</html>`;
}

const START = `(function () {
  var workers = { editorWorkerService: 'editor.worker.js', json: 'json.worker.js', graphql: 'graphql.worker.js' };
  self.MonacoEnvironment = { globalAPI: false, getWorkerUrl: function (_id, label) { return '${GRAPHIQL_ASSETS}' + (workers[label] || workers.editorWorkerService); } };
  var root = document.getElementById('root');
  YogaGraphiQL.renderYogaGraphiQL(root, JSON.parse(root.getAttribute('data-options') || '{}'));
})();`;

const JS = 'text/javascript; charset=utf-8';
const FILES: Record<string, { type: string; body: (a: Assets) => string | Uint8Array<ArrayBuffer> }> = {
  'graphiql.js': { type: JS, body: (a) => a.js },
  'graphiql.css': { type: 'text/css; charset=utf-8', body: (a) => a.css },
  'start.js': { type: JS, body: () => START },
  'editor.worker.js': { type: JS, body: (a) => a.editorWorkerService },
  'json.worker.js': { type: JS, body: (a) => a.jsonWorker },
  'graphql.worker.js': { type: JS, body: (a) => a.graphqlWorker },
  'favicon.ico': { type: 'image/x-icon', body: (a) => new Uint8Array(Buffer.from(a.favicon.slice(a.favicon.indexOf(',') + 1), 'base64')) },
};

/** Serves GraphiQL's files from the package (only when GraphiQL is on). */
export function useOfflineGraphiQL(): Plugin {
  return {
    async onRequest({ request, url, endResponse, fetchAPI }) {
      if (!url.pathname.startsWith(GRAPHIQL_ASSETS) || (request.method !== 'GET' && request.method !== 'HEAD')) return;
      const file = FILES[url.pathname.slice(GRAPHIQL_ASSETS.length)];
      if (!file) {
        endResponse(new fetchAPI.Response('Not found', { status: 404 }));
        return;
      }
      const body = file.body(await loadAssets());
      endResponse(
        new fetchAPI.Response(request.method === 'HEAD' ? null : body, {
          status: 200,
          headers: { 'content-type': file.type, 'cache-control': 'public, max-age=86400' },
        }),
      );
    },
  };
}
