import { createServer, type Server, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { behaviourOf, createBehaviours, holdOpen } from './behaviours';
import { VARIANTS } from './variants';

/**
 * The e2e fixture server: serves test/fixtures/** on 127.0.0.1 (a free port) for ANY Host header, so
 * `http://www.example.gov.cn/reports/x.html` (mapped here by --host-resolver-rules) and
 * `http://127.0.0.1:PORT/reports/x.html` return the same page. Every request is recorded (host, path, query,
 * start and end times, status), so tests can assert that the extension fetches nothing of its own, and how
 * politely it fetches what it does (`politeness`). `/_beh/<behaviour>/<path>` wraps a fixture in a bad
 * answer — slow, 404, 429 / 503 once, a redirect loop, a response never ended (test/e2e/behaviours.ts) —
 * and `list.html?pageNum=2` is served from `list.pageNum-2.html` when that file exists.
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
  // a 年报 column of 5,000 report links on one page (SPEC §9 bad input): none of them exists
  '/generated/listing-5000.html': (res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    const rows = Array.from(
      { length: 5000 },
      (_, i) =>
        `<li><a href="/_beh/404/listing-5000/${i}.html">第${i}号单位${2000 + (i % 25)}年政府信息公开工作年度报告</a><span>2022-01-28</span></li>`,
    );
    res.end(`<!doctype html><html><head><title>政府信息公开年报</title></head><body><ul>${rows.join('\n')}</ul></body></html>`);
  },
  // an HTML error page served as application/pdf
  '/generated/html-as.pdf': (res) => {
    res.writeHead(200, { 'content-type': 'application/pdf' });
    res.end('<!doctype html><html><head><title>404</title></head><body>页面不存在</body></html>');
  },
};

export interface RecordedRequest {
  host: string;
  /** the path as requested (a behaviour's `/_beh/<name>/` prefix kept), without the query */
  path: string;
  /** `?…` or '' */
  query: string;
  method: string;
  /** when the request arrived and when its response ended (or its connection closed), ms since the epoch */
  start: number;
  end: number | null;
  /** the status answered (null while the response is pending) */
  status: number | null;
}

export interface FixtureServer {
  port: number;
  /** http://127.0.0.1:PORT */
  origin: string;
  requests: RecordedRequest[];
  /** `http://<host>/<path>`: the URL of a fixture as served under a host name (port 80 is mapped to us) */
  url(path: string, host?: string): string;
  /** forget the behaviours' "once" answers and end held responses (test/e2e/behaviours.ts); the log is kept */
  reset(): void;
  /** serve `path` from the fixture `file` instead of its own (null: its own again): a page edited between visits */
  override(path: string, file: string | null): void;
  close(): Promise<void>;
}

/** `list.html?pageNum=2` is served from `list.pageNum-2.html` when that file exists (a listing's query pages). */
function queryVariant(file: string, query: string): string | null {
  const m = /^\?([A-Za-z]\w{0,30})=([\w-]{1,30})$/.exec(query);
  if (!m) return null;
  const ext = extname(file);
  return `${file.slice(0, file.length - ext.length)}.${m[1]}-${m[2]}${ext}`;
}

export async function startFixtureServer(root = FIXTURES_DIR, port = 0): Promise<FixtureServer> {
  const requests: RecordedRequest[] = [];
  const behaviours = createBehaviours();
  const overrides = new Map<string, string>();

  async function serveFile(path: string, query: string, method: string | undefined, res: ServerResponse, hold = false) {
    path = overrides.get(path.replace(/^\/+/, '')) ?? path;
    const file = resolve(join(root, path));
    if (file !== root && !file.startsWith(root + sep)) {
      res.writeHead(403).end('forbidden');
      return;
    }
    const generated = GENERATED[path];
    if (generated && !hold) return generated(res);
    try {
      const variant = VARIANTS[path.replace(/^\/+/, '')];
      const byQuery = query ? queryVariant(file, query) : null;
      const body = variant
        ? variant.make(await readFile(join(root, variant.base), 'utf8'))
        : await readFile(path.endsWith('/') ? join(file, 'index.html') : file).then(async (plain) =>
            byQuery ? await readFile(byQuery).catch(() => plain) : plain,
          );
      const type = TYPES[extname(path.endsWith('/') ? 'index.html' : file).toLowerCase()] ?? 'application/octet-stream';
      if (hold) return holdOpen(res, body, type);
      res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
      res.end(method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
    }
  }

  const server: Server = createServer(async (req, res) => {
    const host = (req.headers.host ?? '').toLowerCase();
    const url = req.url ?? '/';
    const at = url.indexOf('?');
    const rawPath = at === -1 ? url : url.slice(0, at);
    const query = at === -1 ? '' : url.slice(at);
    const entry: RecordedRequest = { host, path: rawPath, query, method: req.method ?? 'GET', start: Date.now(), end: null, status: null };
    requests.push(entry);
    res.once('close', () => {
      entry.end = Date.now();
      entry.status = res.statusCode;
    });
    let path: string;
    try {
      path = decodeURIComponent(rawPath);
    } catch {
      res.writeHead(400).end('bad path');
      return;
    }
    const behaviour = behaviourOf(path);
    if (!behaviour) return serveFile(path, query, req.method, res);
    const serve = () => serveFile(behaviour.path, query, req.method, res, behaviour.name === 'hang');
    if (!behaviours.answer(behaviour.name, `${host}${url}`, url, res, serve)) await serve();
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
    reset: () => behaviours.reset(),
    override: (path, file) =>
      void (file ? overrides.set(path.replace(/^\/+/, ''), `/${file.replace(/^\/+/, '')}`) : overrides.delete(path.replace(/^\/+/, ''))),
    url: (p, host) => `${host ? `http://${host}` : origin}/${p.replace(/^\/+/, '')}`,
    close: () =>
      new Promise<void>((ok) => {
        behaviours.reset();
        server.closeAllConnections?.();
        server.close(() => ok());
      }),
  };
}

/**
 * How politely one host was fetched (SPEC §9: no overlap, gaps ≥ 1000 ms). A redirect's hops are one fetch (the
 * browser follows a 3xx at once, and a fetch cannot wait between hops): a request that starts after a 3xx answer
 * from the same host ended continues that fetch. `fetches` counts them; `overlaps` counts fetches that started
 * before the previous one had ended (one at a time per host); `minGapMs` is the smallest time between two
 * consecutive fetches' starts (null with fewer than two).
 */
export function politeness(requests: RecordedRequest[], host: string): { fetches: number; overlaps: number; minGapMs: number | null } {
  const mine = requests.filter((r) => r.host === host).sort((a, b) => a.start - b.start);
  const fetches: Array<{ start: number; end: number | null; redirected: boolean }> = [];
  for (const r of mine) {
    const last = fetches.at(-1);
    const redirected = r.status !== null && r.status >= 300 && r.status < 400;
    if (last?.redirected && last.end !== null && r.start >= last.end && r.start - last.end < 1000) {
      Object.assign(last, { end: r.end, redirected });
      continue;
    }
    fetches.push({ start: r.start, end: r.end, redirected });
  }
  let overlaps = 0;
  let minGapMs: number | null = null;
  for (let i = 1; i < fetches.length; i++) {
    const previous = fetches[i - 1];
    if (previous.end === null || previous.end > fetches[i].start) overlaps++;
    const gap = fetches[i].start - previous.start;
    minGapMs = minGapMs === null ? gap : Math.min(minGapMs, gap);
  }
  return { fetches: fetches.length, overlaps, minGapMs };
}

// `tsx test/e2e/server.ts [port]`: serve the fixtures by hand.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const s = await startFixtureServer(FIXTURES_DIR, Number(process.argv[2] ?? 0));
  console.log(`fixtures on ${s.origin}`);
}
