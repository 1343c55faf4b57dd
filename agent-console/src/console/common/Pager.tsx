import { useTranslation } from 'react-i18next';

/** 上一页 · 第 n / m 页 · 下一页, under the queue and the event lists. */
export function Pager({ page, pages, onPage }: { page: number; pages: number; onPage(page: number): void }) {
  const { t } = useTranslation();
  return (
    <nav className="pager" aria-label={t('console.queue.pageOf', { page, pages })}>
      <button type="button" className="button button-small" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        {t('console.queue.previous')}
      </button>
      <span>{t('console.queue.pageOf', { page, pages })}</span>
      <button type="button" className="button button-small" disabled={page >= pages} onClick={() => onPage(page + 1)}>
        {t('console.queue.next')}
      </button>
    </nav>
  );
}
