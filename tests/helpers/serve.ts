import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticServer {
  /** `http://127.0.0.1:PORT` plus the base path, ending in `/`. */
  url: string;
  origin: string;
  /** Bytes sent so far, for measuring what a page transfers (Web Worker requests included). */
  bytesSent(): number;
  /** Every path requested so far. */
  requests: string[];
  /** Every response so far: path, bytes and when it was sent (`Date.now()`), to count what a reader waited for. */
  responses: { path: string; bytes: number; at: number }[];
  close(): Promise<void>;
}

/** Serves `root` under `base` on 127.0.0.1, like nginx would serve `dist/` under `/peixun/`. */
export async function serveStatic(root: string, base = '/'): Promise<StaticServer> {
  const requests: string[] = [];
  const responses: StaticServer['responses'] = [];
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const pathname = decodeURIComponent(url.pathname);
    requests.push(pathname);
    const send = (status: number, file: string | undefined) => {
      if (!file) {
        res.writeHead(status, { 'content-type': 'text/plain' });
        res.end('not found');
        return;
      }
      const size = statSync(file).size;
      responses.push({ path: pathname, bytes: size, at: Date.now() });
      res.writeHead(status, {
        'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
        'content-length': size,
      });
      createReadStream(file).pipe(res);
    };
    if (!pathname.startsWith(base)) return send(404, undefined);
    let file = path.join(root, pathname.slice(base.length));
    if (!file.startsWith(root)) return send(404, undefined);
    if (existsSync(file) && statSync(file).isDirectory()) {
      if (!pathname.endsWith('/')) {
        res.writeHead(301, { location: `${pathname}/` });
        res.end();
        return;
      }
      file = path.join(file, 'index.html');
    }
    if (existsSync(file)) return send(200, file);
    const notFound = path.join(root, '404.html');
    return send(404, existsSync(notFound) ? notFound : undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: origin + base,
    origin,
    bytesSent: () => responses.reduce((sum, response) => sum + response.bytes, 0),
    requests,
    responses,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
