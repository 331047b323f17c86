// A small static file server for a built site (preview and browser tests): 127.0.0.1 only, path-prefix aware, gzip like
// a real host (so transfer sizes are realistic), a folder without its trailing slash redirected, and the site's own 404 page.
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wasm': 'application/wasm',
  '.zip': 'application/zip',
};

export interface Transfer {
  path: string;
  bytes: number;
  status: number;
}

export interface StaticServer {
  url: string;
  server: Server;
  /** with `record`: each response since start (or the last reset), its site path, body bytes and status */
  transfers(): Transfer[];
  resetBytes(): void;
  close(): Promise<void>;
}

export interface ServeOptions {
  /** 0 picks a free port */
  port?: number;
  /** the site's path prefix, default `/` */
  prefix?: string;
  /** keep a list of every response (measurements); a preview only counts bytes, so a long session does not grow */
  record?: boolean;
}

/** Serve `root` under `prefix` on 127.0.0.1. Rejects when the port cannot be had (e.g. already in use). */
export async function serveStatic(root: string, options: ServeOptions = {}): Promise<StaticServer> {
  const prefix = options.prefix ?? '/';
  let sent: Transfer[] = [];
  const server = createServer(async (request, response) => {
    const { pathname, search } = new URL(request.url ?? '/', 'http://127.0.0.1');
    const gzip = /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
    let sitePath = pathname;
    const send = (status: number, body: { body: Buffer | string; type: string }, headers: Record<string, string> = {}) => {
      const bytes = reply(response, status, body, gzip, headers);
      if (options.record) sent.push({ path: sitePath, bytes, status });
    };
    // As a static host does: `/2018/02` → 301 `/2018/02/` (prefix and query kept), so the page's relative links resolve.
    // One leading slash: `//host/…` would send the browser to another host.
    const addSlash = () => {
      const target = `${pathname.replace(/^\/+/, '/')}/`;
      send(301, { body: `Moved to ${target}`, type: TYPES['.txt']! }, { location: `${target}${search}` });
    };
    try {
      sitePath = decodeURIComponent(pathname);
    } catch {
      return send(400, { body: 'Bad request: malformed percent-encoding in the path', type: TYPES['.txt']! });
    }
    if (`${sitePath}/` === prefix) return addSlash();
    if (!sitePath.startsWith(prefix)) return send(404, await notFound(root));
    const relative = path.normalize(sitePath.slice(prefix.length)).replace(/^(\.\.[/\\])+/, '');
    let filePath = path.join(root, relative);
    if (!filePath.startsWith(root)) return send(403, { body: 'Forbidden', type: TYPES['.txt']! });
    try {
      if ((await stat(filePath)).isDirectory()) {
        filePath = path.join(filePath, 'index.html');
        if (!pathname.endsWith('/')) {
          await stat(filePath); // a folder without an index.html is not a page: 404
          return addSlash();
        }
      }
      const body = await readFile(filePath);
      send(200, { body, type: TYPES[path.extname(filePath)] ?? 'application/octet-stream' });
    } catch {
      send(404, await notFound(root));
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    server,
    transfers: () => [...sent],
    resetBytes: () => {
      sent = [];
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function notFound(root: string): Promise<{ body: Buffer | string; type: string }> {
  const body = await readFile(path.join(root, '404.html')).catch(() => 'Not found');
  return { body, type: TYPES['.html']! };
}

/** Text types are gzipped when the client accepts it (Pagefind's own files are already compressed). Returns the bytes sent. */
function reply(
  response: import('node:http').ServerResponse,
  status: number,
  { body, type }: { body: Buffer | string; type: string },
  gzip: boolean,
  extra: Record<string, string>,
): number {
  const compress = gzip && /^(text\/|application\/(json|xml)|image\/svg)/.test(type);
  const headers: Record<string, string> = { 'content-type': type, 'cache-control': 'no-cache', ...extra };
  if (compress) headers['content-encoding'] = 'gzip';
  const bytes = compress ? gzipSync(body) : Buffer.from(body);
  response.writeHead(status, headers);
  response.end(bytes);
  return bytes.length;
}
