import { useTranslation } from 'react-i18next';
import type { HotReport } from '@hotline/backend/api-types';

type Term = HotReport['terms'][number];

const ARROWS: Record<Term['trend'], string> = { up: '↑', down: '↓', new: '★', steady: '→' };

/** How a hot word moved since the same stretch of the period before: an arrow, and in words for screen readers and on hover. */
export function TrendMark({ term }: { term: Term }) {
  const { t } = useTranslation();
  const label = t(`console.hot.trend.${term.trend}`, { previous: term.previousDocs, count: term.docs });
  return (
    <span className={`trend trend-${term.trend}`} title={label} aria-label={label} data-testid="hot-trend" data-trend={term.trend}>
      {ARROWS[term.trend]}
    </span>
  );
}
