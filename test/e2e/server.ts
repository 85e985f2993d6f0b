import { createServer, type Server, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { VARIANTS } from './variants';

/**
 * The e2e fixture server: serves test/fixtures/** on 127.0.0.1 (a free port) for ANY Host header, so
 * `http://www.example.gov.cn/reports/x.html` (mapped here by --host-resolver-rules) and
 * `http://127.0.0.1:PORT/reports/x.html` return the same page. Every request is recorded, so tests can
 * assert that the extension fetches nothing of its own.
 */

export const FIXTURES_DIR = resolve(fileURLToPath(new URL('../fixtures', import.meta.url)));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.pdf': 'application/pdf',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.doc': 'application/msword',
};

/** Answers made on the fly (bad input for the file readers, SPEC §8): never files in the repository. */
const GENERATED: Record<string, (res: ServerResponse) => void> = {
  // a 50 MB "PDF": declared and streamed, so the reader's limit is met before the body is read
  '/generated/huge-50mb.pdf': (res) => {
    const size = 50 * 1024 * 1024;
    res.writeHead(200, { 'content-type': 'application/pdf', 'content-length': String(size) });
    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    chunk.write('%PDF-1.7\n');
    let sent = 0;
    const more = () => {
      while (sent < size) {
        sent += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', more);
      }
      res.end();
    };
    res.on('close', () => (sent = size));
    more();
  },
  // an HTML error page served as application/pdf
  '/generated/html-as.pdf': (res) => {
    res.writeHead(200, { 'content-type': 'application/pdf' });
    res.end('<!doctype html><html><head><title>404</title></head><body>页面不存在</body></html>');
  },
};

export interface RecordedRequest {
  host: string;
  path: string;
  method: string;
}

export interface FixtureServer {
  port: number;
  /** http://127.0.0.1:PORT */
  origin: string;
  requests: RecordedRequest[];
  /** `http://<host>/<path>`: the URL of a fixture as served under a host name (port 80 is mapped to us) */
  url(path: string, host?: string): string;
  close(): Promise<void>;
}

export async function startFixtureServer(root = FIXTURES_DIR, port = 0): Promise<FixtureServer> {
  const requests: RecordedRequest[] = [];
  const server: Server = createServer(async (req, res) => {
    const host = (req.headers.host ?? '').toLowerCase();
    const rawPath = (req.url ?? '/').split('?')[0];
    requests.push({ host, path: rawPath, method: req.method ?? 'GET' });
    let path: string;
    try {
      path = decodeURIComponent(rawPath);
    } catch {
      res.writeHead(400).end('bad path');
      return;
    }
    const file = resolve(join(root, path));
    if (file !== root && !file.startsWith(root + sep)) {
      res.writeHead(403).end('forbidden');
      return;
    }
    const generated = GENERATED[path];
    if (generated) return generated(res);
    try {
      const variant = VARIANTS[path.replace(/^\/+/, '')];
      const body = variant
        ? variant.make(await readFile(join(root, variant.base), 'utf8'))
        : await readFile(path.endsWith('/') ? join(file, 'index.html') : file);
      res.writeHead(200, {
        'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
        'cache-control': 'no-store',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
    }
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => ok());
  });
  const actual = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${actual}`;
  return {
    port: actual,
    origin,
    requests,
    url: (p, host) => `${host ? `http://${host}` : origin}/${p.replace(/^\/+/, '')}`,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections?.();
        server.close(() => ok());
      }),
  };
}

// `tsx test/e2e/server.ts [port]`: serve the fixtures by hand.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const s = await startFixtureServer(FIXTURES_DIR, Number(process.argv[2] ?? 0));
  console.log(`fixtures on ${s.origin}`);
}
