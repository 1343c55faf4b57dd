import { useTranslation } from 'react-i18next';
import { useCategoryName } from '../common/categories.tsx';
import type { WallCharts } from '../contract.ts';
import { barWidths } from './chart-scale.ts';

const CATEGORIES_SHOWN = 8;

/** 事项分类构成: the day's categories as horizontal bars, the rest summed as 其他. */
export function CategoryMix({ rows }: { rows: WallCharts['categoryMix'] }) {
  const { t } = useTranslation();
  const name = useCategoryName();
  const sorted = [...rows].sort((a, b) => b.count - a.count);
  const shown = sorted.slice(0, CATEGORIES_SHOWN);
  const rest = sorted.slice(CATEGORIES_SHOWN).reduce((sum, row) => sum + row.count, 0);
  const bars = rest > 0 ? [...shown, { categoryCode: '__other', count: rest }] : shown;
  const widths = barWidths(bars.map((b) => b.count));
  const label = (code: string) =>
    code === '__other' ? t('console.wall.charts.other') : code === 'unclassified' ? t('console.wall.charts.unclassified') : name(code);
  // About the card's real width, so the labels keep their size.
  const rowH = 24;
  const labelW = 110;
  const barArea = 150;
  if (bars.length === 0) return <p className="empty-state chart-empty">{t('console.wall.charts.noAppeals')}</p>;
  return (
    <svg
      className="chart category-chart"
      viewBox={`0 0 ${labelW + barArea + 40} ${bars.length * rowH}`}
      role="img"
      aria-label={t('console.wall.charts.categoryLabel', { list: bars.map((b) => `${label(b.categoryCode)} ${b.count}`).join('，') })}
      data-testid="category-chart"
    >
      {bars.map((bar, index) => (
        <g key={bar.categoryCode} transform={`translate(0 ${index * rowH})`}>
          <text x={labelW - 6} y={rowH / 2} dy="0.32em" textAnchor="end" className="chart-label">
            {label(bar.categoryCode)}
          </text>
          <rect x={labelW} y={4} width={Math.max(2, (widths[index]! / 100) * barArea)} height={rowH - 8} rx={2} className="category-bar" />
          <text x={labelW + Math.max(2, (widths[index]! / 100) * barArea) + 4} y={rowH / 2} dy="0.32em" className="chart-value">
            {bar.count}
          </text>
        </g>
      ))}
    </svg>
  );
}
