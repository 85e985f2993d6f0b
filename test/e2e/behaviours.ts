import type { ServerResponse } from 'node:http';

/**
 * Bad answers for the collector's e2e (SPEC §9 politeness, issue 11), wrapped around real fixture files: a
 * request for `/_beh/<behaviour>/<path>` answers as the behaviour says and then (where it says so) serves
 * `/<path>` as the server would. Behaviours keyed "once" remember, per host and address, that they have
 * answered; `reset()` forgets that and ends every held response (call it between tests).
 *
 *   slow        waits 3 s, then the file (`slow-<ms>`: that long, at most 30 s)
 *   404         404, whatever the file
 *   429once     429 with `Retry-After: 2` for the first request, then the file
 *   503once     503 (no Retry-After) for the first request, then the file
 *   loop        302 to itself, forever (a redirect loop)
 *   hang        200 and the first half of the file, then nothing: the connection is held open, never ended
 */

export const BEHAVIOUR_PREFIX = '/_beh/';

export interface Behaviours {
  /** handles the request (true), or says it continues to the file (`serve` then does it; false) */
  answer(name: string, key: string, selfUrl: string, res: ServerResponse, serve: () => Promise<void>): boolean;
  /** forget the "once" answers, end the held ("hang") responses and the pending slow ones */
  reset(): void;
}

/** `/_beh/429once/reports/x.html` → { name: '429once', path: '/reports/x.html' }; any other path → null */
export function behaviourOf(path: string): { name: string; path: string } | null {
  if (!path.startsWith(BEHAVIOUR_PREFIX)) return null;
  const rest = path.slice(BEHAVIOUR_PREFIX.length);
  const slash = rest.indexOf('/');
  if (slash < 1) return null;
  return { name: rest.slice(0, slash), path: rest.slice(slash) };
}

export function createBehaviours(): Behaviours {
  const answered = new Set<string>();
  const held = new Set<ServerResponse>();
  const timers = new Set<NodeJS.Timeout>();
  const once = (key: string) => {
    if (answered.has(key)) return false;
    answered.add(key);
    return true;
  };
  const text = (res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}) =>
    res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...headers }).end(body);

  return {
    answer(name, key, selfUrl, res, serve) {
      const slow = /^slow(?:-(\d{1,5}))?$/.exec(name);
      if (slow) {
        const timer = setTimeout(
          () => {
            timers.delete(timer);
            void serve();
          },
          Math.min(Number(slow[1] ?? 3000), 30_000),
        );
        timers.add(timer);
        res.once('close', () => {
          clearTimeout(timer);
          timers.delete(timer);
        });
        return true;
      }
      switch (name) {
        case '404':
          text(res, 404, '<!doctype html><title>404</title><p>页面不存在</p>');
          return true;
        case '429once':
          if (!once(`${name} ${key}`)) return false;
          text(res, 429, '<!doctype html><title>429</title><p>访问过于频繁</p>', { 'retry-after': '2' });
          return true;
        case '503once':
          if (!once(`${name} ${key}`)) return false;
          text(res, 503, '<!doctype html><title>503</title><p>服务暂不可用</p>');
          return true;
        case 'loop':
          res.writeHead(302, { location: selfUrl, 'cache-control': 'no-store' }).end();
          return true;
        case 'hang':
          held.add(res);
          res.once('close', () => held.delete(res));
          return false; // the server serves it through `holdOpen`
        default:
          text(res, 400, `unknown behaviour ${name}`);
          return true;
      }
    },
    reset() {
      answered.clear();
      for (const t of timers) clearTimeout(t);
      timers.clear();
      for (const res of held) res.destroy();
      held.clear();
    },
  };
}

/** Writes the status line, the headers and the first half of the body, and never ends the response. */
export function holdOpen(res: ServerResponse, body: Buffer | string, type: string): void {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
  res.write(bytes.subarray(0, Math.floor(bytes.length / 2)));
}
