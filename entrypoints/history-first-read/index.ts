import { startFirstPageRead } from '@/lib/db/first-page';
import { PAGE_SIZE } from '@/lib/ui/history-query';

/**
 * The history's first rows, asked of IndexedDB as soon as options.html starts parsing: a classic script of
 * ~1 KB in its head, run before the page's module code (~50 KB) has loaded and compiled, so the read and the
 * code's loading overlap. The options page takes the read over (entrypoints/options/use-first-page.ts).
 */
export default defineUnlistedScript(() => {
  startFirstPageRead(PAGE_SIZE);
});
