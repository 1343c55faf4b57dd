import { useTranslation } from 'react-i18next';
import { followLink } from '../common/links.tsx';
import { useHotReport } from '../hot/useHotReport.ts';
import { pathFor } from '../shell/route.ts';
import { TrendMark } from '../hot/TrendMark.tsx';

const HOT_WORDS = 6;

/** Today's top hot words with their trend since yesterday at this time, and the way to 热点分析 for the rest. */
export function HotWords({ onOpen }: { onOpen(): void }) {
  const { t } = useTranslation();
  const { report } = useHotReport('day', null);
  const words = report?.terms.slice(0, HOT_WORDS) ?? [];
  return (
    <div className="wall-hot">
      <p className="wall-hot-words">
        <span className="muted">{t('console.wall.hotWords')}</span>
        {words.length === 0 ? (
          <span className="muted">{report ? t('console.hot.empty') : '…'}</span>
        ) : (
          words.map((w) => (
            <span key={w.term} className="word-chip" data-testid="wall-hot-word">
              {w.term}
              <TrendMark term={w} />
            </span>
          ))
        )}
      </p>
      <a href={pathFor({ screen: 'hot', appealId: null })} onClick={(e) => followLink(e, onOpen)}>
        {t('console.wall.hotLink')} →
      </a>
    </div>
  );
}
