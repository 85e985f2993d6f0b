import { isOverlayNode } from './overlay-hosts';

/**
 * Re-scans when the report appears or changes after load (pages that render their article late): a
 * debounced MutationObserver, bounded so that it never becomes a busy loop — at most `maxRescans` scans,
 * disconnected after `idleMs` without a relevant mutation or `totalMs` in all. Mutations inside our own
 * overlay hosts are ignored.
 */

export interface SchedulerOptions {
  debounceMs?: number;
  /** a page that never stops changing still gets a scan this often */
  maxWaitMs?: number;
  maxRescans?: number;
  idleMs?: number;
  totalMs?: number;
  /** true while the page has no report table yet: then any new block of text is worth a look */
  wantsAnyContent?: () => boolean;
  setTimeout?: (fn: () => void, ms: number) => number;
  clearTimeout?: (id: number) => void;
}

const TABLEISH = new Set(['table', 'tbody', 'thead', 'tr', 'td', 'th', 'iframe']);
const IGNORED = new Set(['script', 'style', 'link', 'meta', 'noscript']);

function touchesTables(n: Node): boolean {
  if (n.nodeType !== 1) return false;
  const el = n as Element;
  return TABLEISH.has(el.localName) || !!el.querySelector?.('table, iframe');
}

export function isRelevant(m: MutationRecord, wantsAnyContent: boolean): boolean {
  if (isOverlayNode(m.target)) return false;
  const nodes = [...m.addedNodes, ...m.removedNodes].filter((n) => !isOverlayNode(n));
  if (m.type === 'characterData') return !!m.target.parentElement?.closest('table');
  if (!nodes.length) return false;
  if (m.target.nodeType === 1 && (m.target as Element).closest('table')) return true;
  if (nodes.some(touchesTables)) return true;
  if (!wantsAnyContent) return false;
  return nodes.some((n) => n.nodeType === 1 && !IGNORED.has((n as Element).localName) && (n.textContent ?? '').length > 40);
}

export interface Scheduler {
  /** drops pending records (call right after our own DOM writes) */
  flush(): void;
  stop(): void;
  readonly rescans: number;
}

export function watchForChanges(root: Node, rescan: () => void, o: SchedulerOptions = {}): Scheduler {
  const { debounceMs = 300, maxWaitMs = 1500, maxRescans = 10, idleMs = 10_000, totalMs = 30_000 } = o;
  const set = o.setTimeout ?? ((fn, ms) => window.setTimeout(fn, ms));
  const clear = o.clearTimeout ?? ((id) => window.clearTimeout(id));
  let rescans = 0;
  let debounce = 0;
  let idle = 0;
  let stopped = false;
  let pendingSince = 0;

  const stop = () => {
    if (stopped) return;
    stopped = true;
    observer.disconnect();
    clear(debounce);
    clear(idle);
    clear(total);
  };
  const armIdle = () => {
    clear(idle);
    idle = set(stop, idleMs);
  };
  const observer = new MutationObserver((records) => {
    if (stopped || !records.some((m) => isRelevant(m, o.wantsAnyContent?.() ?? false))) return;
    armIdle();
    const t = Date.now();
    if (!pendingSince) pendingSince = t;
    clear(debounce);
    debounce = set(
      () => {
        if (stopped) return;
        pendingSince = 0;
        rescans++;
        rescan();
        observer.takeRecords();
        if (rescans >= maxRescans) stop();
      },
      Math.max(0, Math.min(debounceMs, pendingSince + maxWaitMs - t)),
    );
  });
  observer.observe(root, { childList: true, subtree: true, characterData: true });
  armIdle();
  const total = set(stop, totalMs);

  return {
    flush: () => void observer.takeRecords(),
    stop,
    get rescans() {
      return rescans;
    },
  };
}
