/**
 * Serve the built client (config.clientDir) at `/`: files as they are, and index.html for any
 * other GET that wants HTML (client-side routes). Does nothing when the folder does not exist,
 * so the API runs before the client is built. Paths never leave the folder.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'graphql-yoga';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json',
  '.webmanifest': 'application/manifest+json',
};

const RESERVED = ['/graphql', '/graphiql', '/health', '/ready'];

export function useStaticClient(clientDir: string): Plugin {
  const root = path.resolve(clientDir);
  return {
    onRequest({ request, url, endResponse, fetchAPI }) {
      if (request.method !== 'GET' && request.method !== 'HEAD') return;
      if (RESERVED.some((p) => url.pathname === p || url.pathname.startsWith(`${p}/`))) return;
      const index = path.join(root, 'index.html');
      if (!existsSync(index)) return;
      let rel: string;
      try {
        rel = decodeURIComponent(url.pathname);
      } catch {
        return;
      }
      const file = path.resolve(root, `.${rel}`);
      const inside = file === root || file.startsWith(root + path.sep);
      const isFile = inside && existsSync(file) && statSync(file).isFile();
      if (!isFile && path.extname(rel) !== '' && !(request.headers.get('accept') ?? '').includes('text/html')) return;
      const target = isFile ? file : index;
      const type = TYPES[path.extname(target)] ?? 'application/octet-stream';
      const cache = target.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache';
      endResponse(
        new fetchAPI.Response(request.method === 'HEAD' ? null : readFileSync(target), {
          status: 200,
          headers: { 'content-type': type, 'cache-control': cache },
        }),
      );
    },
  };
}
