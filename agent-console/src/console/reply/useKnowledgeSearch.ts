import { useEffect, useState } from 'react';
import { isAbort } from '../../shared/api.ts';
import { staffApi } from '../api.ts';
import type { KnowledgeArticle } from '../contract.ts';

const LIMIT = 8;
const DEBOUNCE_MS = 250;

/**
 * The knowledge base's answers for what the agent typed, in a category or in all: asked a moment
 * after the typing stops, and each new search cancels the one in flight.
 */
export function useKnowledgeSearch(q: string, category: string) {
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

  return { result, error, loading, retry: () => setAttempt((n) => n + 1) };
}
