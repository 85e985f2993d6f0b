import { useEffect, useState } from 'preact/hooks';
import type { ListingItem } from '../core/listing';
import { sendMessage } from '../protocol/messages';
import { parseListing } from './parse-listing';

/**
 * The collector page's listing (SPEC §9): the first page from the open tab's live DOM (else fetched by the
 * background, politely), then — while `follow` is on — its further pages (下一页 / page numbers), each once,
 * at most `MAX_PAGES`. Items keep the first page that listed them; a link listed twice is listed once.
 */
export interface ListedItem extends ListingItem {
  /** the listing page (0 = the first) that listed it */
  page: number;
}

export interface ListingState {
  items: ListedItem[];
  pages: number;
  reading: boolean;
  error: string | null;
  from: 'tab' | 'fetch' | null;
}

export const MAX_PAGES = 50;

interface Acc {
  key: string;
  items: ListedItem[];
  seen: Set<string>;
  visited: Set<string>;
  queue: string[];
  pages: number;
  from: 'tab' | 'fetch' | null;
  error: string | null;
}

const fresh = (key: string): Acc => ({ key, items: [], seen: new Set(), visited: new Set(), queue: [], pages: 0, from: null, error: null });

export function useListing(url: string | null, tabId: number | undefined, follow: boolean, reload = 0): ListingState {
  const key = `${url}|${reload}`;
  const [acc, setAcc] = useState<Acc>(() => fresh(key));
  const [reading, setReading] = useState(false);
  const current = acc.key === key ? acc : fresh(key);

  useEffect(() => {
    if (!url) return;
    let live = true;
    const a = current;
    const readOne = async (pageUrl: string, first: boolean) => {
      a.visited.add(pageUrl);
      const reply = await sendMessage({ type: 'collect-read-listing', url: pageUrl, ...(first && tabId !== undefined ? { tabId } : {}) });
      if (!reply?.ok) {
        if (first) a.error = reply?.error ?? '—';
        return;
      }
      const parsed = parseListing(reply.html, reply.url);
      if (first) a.from = reply.from;
      for (const item of parsed.items)
        if (!a.seen.has(item.url)) {
          a.seen.add(item.url);
          a.items.push({ ...item, page: a.pages });
        }
      a.pages++;
      for (const next of parsed.nextPages) if (!a.visited.has(next) && !a.queue.includes(next)) a.queue.push(next);
    };
    void (async () => {
      setReading(true);
      if (!a.visited.has(url)) await readOne(url, true);
      if (live) setAcc({ ...a, items: [...a.items] });
      while (live && follow && a.queue.length && a.pages < MAX_PAGES) {
        await readOne(a.queue.shift()!, false);
        if (live) setAcc({ ...a, items: [...a.items] });
      }
      if (live) setReading(false);
    })();
    return () => {
      live = false;
    };
  }, [key, follow]);

  const items = follow ? current.items : current.items.filter((i) => i.page === 0);
  return { items, pages: current.pages, reading, error: current.error, from: current.from };
}
