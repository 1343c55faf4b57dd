import { useTranslation } from 'react-i18next';
import type { HotReport } from '@hotline/backend/api-types';
import { barWidths } from '../wall/chart-scale.ts';
import { TrendMark } from './TrendMark.tsx';

/** A ranked list longer than this is noise at a glance; the report is about what stands out. */
const TERMS_SHOWN = 20;

/** Hot words as a ranked bar list: the bar is how many appeals use the word, the arrow how that moved since the period before. */
export function HotTerms({ terms }: { terms: HotReport['terms'] }) {
  const { t } = useTranslation();
  const shown = terms.slice(0, TERMS_SHOWN);
  const widths = barWidths(shown.map((term) => term.docs));
  return (
    <section className="card hot-card" aria-labelledby="hot-terms-heading">
      <h3 id="hot-terms-heading">{t('console.hot.terms')}</h3>
      {shown.length === 0 ? (
        <p className="empty-state hot-empty">{t('console.hot.empty')}</p>
      ) : (
        <ol className="term-bars" data-testid="hot-terms">
          {shown.map((term, index) => (
            <li key={term.term} data-testid="hot-term">
              <span className="term-rank">{index + 1}</span>
              <span className="term-word">
                {term.term}
                <TrendMark term={term} />
              </span>
              <span className="term-bar" aria-hidden="true">
                <span style={{ width: `${widths[index]}%` }} />
              </span>
              <span className="term-count">{t('console.hot.termCount', { count: term.docs, times: term.count })}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
