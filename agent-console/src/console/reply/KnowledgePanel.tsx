import { type RefObject, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { useCategories, useCategoryName } from '../common/categories.tsx';
import type { KnowledgeArticle } from '../contract.ts';
import { useKnowledgeSearch } from './useKnowledgeSearch.ts';

interface KnowledgePanelProps {
  /** The appeal's category: the search starts there, the agent may widen it to all. */
  categoryCode: string | null;
  searchRef: RefObject<HTMLInputElement | null>;
  onInsert(text: string): void;
}

/** 知识库: search the answers to common questions, and put one into the reply. */
export function KnowledgePanel({ categoryCode, searchRef, onInsert }: KnowledgePanelProps) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [category, setCategory] = useState(categoryCode ?? '');
  const { result, error, loading, retry } = useKnowledgeSearch(q, category);

  return (
    <section className="side-section knowledge" aria-labelledby="knowledge-heading" data-testid="knowledge">
      <div className="side-heading">
        <h3 id="knowledge-heading">{t('console.knowledge.heading')}</h3>
        <kbd aria-hidden="true">/</kbd>
      </div>
      <KnowledgeSearch q={q} onQ={setQ} category={category} onCategory={setCategory} searchRef={searchRef} />
      <div aria-live="polite" aria-busy={loading}>
        {error ? (
          <ErrorAlert error={error} title={t('console.knowledge.failed')} onRetry={retry} />
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

interface KnowledgeSearchProps {
  q: string;
  onQ(q: string): void;
  category: string;
  onCategory(code: string): void;
  searchRef: RefObject<HTMLInputElement | null>;
}

/** The words to look for (the `/` key focuses them) and the category to look in. */
function KnowledgeSearch({ q, onQ, category, onCategory, searchRef }: KnowledgeSearchProps) {
  const { t, i18n } = useTranslation();
  const searchId = useId();
  const categoryId = useId();
  const { list } = useCategories();
  return (
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
        onChange={(e) => onQ(e.target.value)}
      />
      <label htmlFor={categoryId} className="visually-hidden">
        {t('console.knowledge.category')}
      </label>
      <select id={categoryId} value={category} onChange={(e) => onCategory(e.target.value)}>
        <option value="">{t('console.knowledge.allCategories')}</option>
        {(list ?? []).map((c) => (
          <option key={c.code} value={c.code}>
            {i18n.language === 'en' ? c.nameEn : c.name}
          </option>
        ))}
      </select>
    </form>
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
        <button
          type="button"
          className="button button-small button-quiet"
          aria-expanded={expanded}
          aria-controls={bodyId}
          onClick={() => setExpanded((e) => !e)}
        >
          {expanded ? t('console.knowledge.less') : t('console.knowledge.more')}
        </button>
        <button type="button" className="button button-small" onClick={() => onInsert(article.body)}>
          {t('console.knowledge.insert')}
        </button>
      </div>
    </li>
  );
}
