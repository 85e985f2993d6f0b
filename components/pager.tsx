import { useT } from './i18n-context';

/** Previous / next page of the history. */
export function Pager({ page, pages, onPage }: { page: number; pages: number; onPage: (page: number) => void }) {
  const t = useT();
  if (pages <= 1) return null;
  return (
    <nav class="pager" data-testid="pager">
      <button type="button" disabled={page === 0} onClick={() => onPage(page - 1)}>
        ← {t('prev')}
      </button>
      <span>{t('page', { page: page + 1, pages })}</span>
      <button type="button" data-testid="next-page" disabled={page >= pages - 1} onClick={() => onPage(page + 1)}>
        {t('next')} →
      </button>
    </nav>
  );
}
