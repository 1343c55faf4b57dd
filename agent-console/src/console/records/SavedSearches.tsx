import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { staffApi } from '../api.ts';
import { useSavedSearches } from './useRecords.ts';

/** 我的查询: saved searches as links (the same address the screen shows), saving the current one by name. */
export function SavedSearches({ query, onSearch }: { query: string; onSearch(query: string): void }) {
  const { t } = useTranslation();
  const { saved, refetch } = useSavedSearches();
  const [name, setName] = useState('');
  const [error, setError] = useState<unknown>(null);

  async function save(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      await staffApi.saveSearch(name.trim(), query);
      setName('');
      refetch();
    } catch (err) {
      setError(err);
    }
  }
  async function remove(id: string) {
    setError(null);
    await staffApi.deleteSavedSearch(id).then(refetch, setError);
  }

  return (
    <section className="records-saved card" aria-label={t('records.saved')}>
      <h3>{t('records.saved')}</h3>
      {saved.length === 0 && <p className="muted">{t('records.noSaved')}</p>}
      <ul>
        {saved.map((s) => (
          <li key={s.id}>
            <a
              href={`/console/records${s.query ? `?${s.query}` : ''}`}
              onClick={(e) => {
                e.preventDefault();
                onSearch(s.query);
              }}
            >
              {s.name}
            </a>
            <button
              type="button"
              className="button button-small button-quiet"
              aria-label={t('records.deleteSaved', { name: s.name })}
              onClick={() => void remove(s.id)}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <form onSubmit={(e) => void save(e)} className="records-save-form">
        <input
          value={name}
          onChange={(e) => setName(e.target.value)}
          maxLength={60}
          required
          placeholder={t('records.saveName')}
          aria-label={t('records.saveName')}
        />
        <button type="submit" className="button button-small">
          {t('records.save')}
        </button>
      </form>
      {error !== null && <ErrorAlert error={error} />}
    </section>
  );
}
