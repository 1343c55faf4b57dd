import { type RefObject, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isAbort } from '../shared/api.ts';
import { ErrorAlert } from '../shared/components/ErrorAlert.tsx';
import { staffApi } from './api.ts';
import { useCategories, useCategoryName } from './common/categories.tsx';
import type { KnowledgeArticle } from './contract.ts';

const LIMIT = 8;
const DEBOUNCE_MS = 250;

interface KnowledgePanelProps {
  /** The appeal's category: the search starts there, the agent may widen it to all. */
  categoryCode: string | null;
  searchRef: RefObject<HTMLInputElement | null>;
  onInsert(text: string): void;
}

/** 知识库: search the answers to common questions, and put one into the reply. */
export function KnowledgePanel({ categoryCode, searchRef, onInsert }: KnowledgePanelProps) {
  const { t, i18n } = useTranslation();
  const searchId = useId();
  const categoryId = useId();
  const { list } = useCategories();
  const [q, setQ] = useState('');
  const [category, setCategory] = useState(categoryCode ?? '');
  const [result, setResult] = useState<{ key: string; articles: KnowledgeArticle[] } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [attempt, setAttempt] = useState(0);
  const key = `${q.trim()}|${category}`;

  useEffect(() => {
    const abort = new AbortController();
    setLoading(true);
    const timer = window.setTimeout(() => {
      staffApi.knowledge({ q: q.trim(), categoryCode: category || null, limit: LIMIT }, abort.signal).then(
        ({ articles }) => {
          setResult({ key, articles });
          setError(null);
          setLoading(false);
        },
        (e: unknown) => {
          if (isAbort(e)) return;
          setError(e);
          setLoading(false);
        },
      );
    }, DEBOUNCE_MS);
    return () => {
      window.clearTimeout(timer);
      abort.abort();
    };
  }, [key, q, category, attempt]);

  return (
    <section className="side-section knowledge" aria-labelledby="knowledge-heading" data-testid="knowledge">
      <div className="side-heading">
        <h3 id="knowledge-heading">{t('console.knowledge.heading')}</h3>
        <kbd aria-hidden="true">/</kbd>
      </div>
      <form className="knowledge-search" role="search" onSubmit={(e) => e.preventDefault()}>
        <label htmlFor={searchId} className="visually-hidden">
          {t('console.knowledge.search')}
        </label>
        <input
          id={searchId}
          ref={searchRef}
          type="search"
          value={q}
          placeholder={t('console.knowledge.placeholder')}
          aria-keyshortcuts="/"
          onChange={(e) => setQ(e.target.value)}
        />
        <label htmlFor={categoryId} className="visually-hidden">
          {t('console.knowledge.category')}
        </label>
        <select id={categoryId} value={category} onChange={(e) => setCategory(e.target.value)}>
          <option value="">{t('console.knowledge.allCategories')}</option>
          {(list ?? []).map((c) => (
            <option key={c.code} value={c.code}>
              {i18n.language === 'en' ? c.nameEn : c.name}
            </option>
          ))}
        </select>
      </form>
      <div aria-live="polite" aria-busy={loading}>
        {error ? (
          <ErrorAlert error={error} title={t('console.knowledge.failed')} onRetry={() => setAttempt((n) => n + 1)} />
        ) : !result ? (
          <p className="muted side-note">{t('common.loading')}</p>
        ) : result.articles.length === 0 ? (
          <p className="empty-state side-note">{q.trim() ? t('console.knowledge.noMatch', { q: q.trim() }) : t('console.knowledge.empty')}</p>
        ) : (
          <ol className="article-list">
            {result.articles.map((article) => (
              <Article key={article.id} article={article} onInsert={onInsert} />
            ))}
          </ol>
        )}
      </div>
    </section>
  );
}

function Article({ article, onInsert }: { article: KnowledgeArticle; onInsert(text: string): void }) {
  const { t } = useTranslation();
  const categoryName = useCategoryName();
  const [expanded, setExpanded] = useState(false);
  const bodyId = useId();
  const keywords = article.keywords
    .split(/[\s,，、;；]+/)
    .map((k) => k.trim())
    .filter(Boolean)
    .slice(0, 5);
  return (
    <li className="article" data-testid="article">
      <p className="article-title">{article.title}</p>
      <p id={bodyId} className={expanded ? 'article-body is-expanded' : 'article-body'}>
        {article.body}
      </p>
      <div className="article-meta">
        {article.categoryCode && <span className="muted">{categoryName(article.categoryCode)}</span>}
        {keywords.map((word) => (
          <span key={word} className="word-chip">
            {word}
          </span>
        ))}
      </div>
      <div className="article-actions">
        <button type="button" className="button button-small button-quiet" aria-expanded={expanded} aria-controls={bodyId} onClick={() => setExpanded((e) => !e)}>
          {expanded ? t('console.knowledge.less') : t('console.knowledge.more')}
        </button>
        <button type="button" className="button button-small" onClick={() => onInsert(article.body)}>
          {t('console.knowledge.insert')}
        </button>
      </div>
    </li>
  );
}
