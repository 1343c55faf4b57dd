import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { RecordFilters } from './RecordFilters.tsx';
import { RecordTable } from './RecordTable.tsx';
import { SavedSearches } from './SavedSearches.tsx';
import { useRecordPages, useRecordsQuery } from './useRecords.ts';
import './records.css';

/**
 * 综合查询: every appeal and event by any filter or word, a page at a time with the count; the
 * search is the address (bookmark it, send it, save it by name).
 */
export function RecordsScreen({ onOpenAppeal }: { onOpenAppeal(id: string): void }) {
  const { t } = useTranslation();
  const { query, search } = useRecordsQuery();
  const { page, loading, error, refetch, pageNumber, next, previous } = useRecordPages(query);

  return (
    <main className="records-screen" aria-labelledby="records-heading" aria-busy={loading} data-testid="records-screen">
      <div className="hot-toolbar">
        <h2 id="records-heading">{t('records.heading')}</h2>
        {page && (
          <span className="muted" data-testid="records-total" role="status">
            {t('records.total', { count: page.total })}
          </span>
        )}
      </div>
      <div className="records-layout">
        <div className="records-main">
          <RecordFilters query={query} onSearch={search} />
          {error ? (
            <ErrorAlert error={error} title={t('records.failed')} onRetry={refetch} />
          ) : !page ? (
            <p className="muted">{t('common.loading')}</p>
          ) : page.items.length === 0 ? (
            <p className="empty-state" data-testid="records-empty">
              {t('records.empty')}
            </p>
          ) : (
            <section className="card" aria-label={t('records.results')}>
              <RecordTable rows={page.items} onOpenAppeal={onOpenAppeal} />
              <nav className="pager" aria-label={t('records.pages')}>
                <button type="button" className="button button-small" disabled={pageNumber <= 1 || loading} onClick={previous}>
                  {t('console.queue.previous')}
                </button>
                <span>{t('records.pageNumber', { page: pageNumber })}</span>
                <button type="button" className="button button-small" disabled={!page.nextCursor || loading} onClick={next} data-testid="records-next">
                  {t('console.queue.next')}
                </button>
              </nav>
            </section>
          )}
        </div>
        <SavedSearches query={query} onSearch={search} />
      </div>
    </main>
  );
}
