import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppealSummary } from '@hotline/backend/api-types';
import { TerritorySvg } from '../citizen/TerritoryMap.tsx';
import { gridsOf, projectionFor } from '../citizen/territory.ts';
import { ErrorAlert } from '../shared/components/ErrorAlert.tsx';
import { useCategoryName } from './common/categories.tsx';
import { HEAT_COLOURS, heatLegend, heatStep, niceMax, rowTotal, stackSegments, ticks } from './chart-scale.ts';
import type { WallCharts } from './contract.ts';
import { barWidths } from './nlp/nlp-format.ts';
import { useConsoleTerritory } from './common/useReference.ts';

type Channel = AppealSummary['channel'];
export const CHANNELS: Channel[] = ['voice', 'sms', 'wechat', 'web'];

/** 今日各时段受理量: 24 stacked bars, one colour per channel, bottom-up in the legend's order. */
export function IntakeChart({ rows }: { rows: WallCharts['intakeByHour'] }) {
  const { t } = useTranslation();
  const width = 560;
  const height = 180;
  const margin = { top: 8, right: 8, bottom: 22, left: 30 };
  const plotW = width - margin.left - margin.right;
  const plotH = height - margin.top - margin.bottom;
  const totals = rows.map((row) => rowTotal(row, CHANNELS));
  const top = niceMax(Math.max(0, ...totals));
  const slot = plotW / Math.max(1, rows.length);
  const barW = Math.max(2, slot * 0.72);
  const sum = totals.reduce((a, b) => a + b, 0);

  return (
    <figure className="chart" data-testid="intake-chart" data-total={sum}>
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={t('console.wall.charts.intakeLabel', { count: sum })}>
        <g transform={`translate(${margin.left} ${margin.top})`}>
          {ticks(top).map((tick) => {
            const y = plotH - (tick / top) * plotH;
            return (
              <g key={tick} className="chart-tick">
                <line x1={0} x2={plotW} y1={y} y2={y} />
                <text x={-6} y={y} dy="0.32em" textAnchor="end">
                  {tick}
                </text>
              </g>
            );
          })}
          {rows.map((row, index) => (
            <g key={row.hour} transform={`translate(${index * slot + (slot - barW) / 2} 0)`}>
              <title>{t('console.wall.charts.hourTitle', { hour: row.hour, count: totals[index], detail: CHANNELS.map((c) => `${t(`channel.${c}`)} ${row[c]}`).join(' · ') })}</title>
              {stackSegments(row, CHANNELS, top, plotH).map((segment) => (
                <rect key={segment.key} x={0} y={segment.y} width={barW} height={segment.height} className={`bar-${segment.key}`} />
              ))}
              {row.hour % 3 === 0 && (
                <text x={barW / 2} y={plotH + 15} textAnchor="middle" className="chart-axis-label">
                  {row.hour}
                </text>
              )}
            </g>
          ))}
          <line x1={0} x2={plotW} y1={plotH} y2={plotH} className="chart-baseline" />
        </g>
      </svg>
      <figcaption className="chart-legend">
        {CHANNELS.map((channel) => (
          <span key={channel}>
            <span className={`swatch bar-${channel}`} aria-hidden="true" />
            {t(`channel.${channel}`)}
          </span>
        ))}
        <span className="muted">{t('console.wall.charts.hours')}</span>
      </figcaption>
    </figure>
  );
}

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
  const label = (code: string) => (code === '__other' ? t('console.wall.charts.other') : code === 'unclassified' ? t('console.wall.charts.unclassified') : name(code));
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

/**
 * 网格热力图: today's appeals per grid on the district map, darker for more, with a legend that
 * reads the colours back as counts.
 */
export function GridHeatMap({ rows }: { rows: WallCharts['gridHeat'] }) {
  const { t, i18n } = useTranslation();
  const { territory, error, retry } = useConsoleTerritory();
  const projection = useMemo(() => (territory ? projectionFor(territory) : null), [territory]);
  const counts = useMemo(() => new Map(rows.map((row) => [row.gridCode, row.count])), [rows]);
  const max = Math.max(0, ...rows.map((row) => row.count));
  if (error) return <ErrorAlert error={error} title={t('console.place.mapFailed')} onRetry={retry} />;
  if (!territory || !projection) return <p className="muted">{t('common.loading')}</p>;
  const located = rows.reduce((sum, row) => sum + row.count, 0);
  const top = [...rows].sort((a, b) => b.count - a.count)[0];
  const topGrid = top && gridsOf(territory).find((g) => g.properties.code === top.gridCode);
  const nameOf = (code: string) => {
    const grid = gridsOf(territory).find((g) => g.properties.code === code);
    return grid ? (i18n.language === 'en' ? grid.properties.nameEn : grid.properties.name) : code;
  };
  return (
    <div className="heat-map" data-testid="heat-map" data-max={max}>
      <TerritorySvg
        territory={territory}
        projection={projection}
        communityLabels={false}
        gridClass={(grid) => `map-grid heat heat-${heatStep(counts.get(grid.properties.code) ?? 0, max)}`}
        gridTitle={(grid) => t('console.wall.charts.gridTitle', { name: nameOf(grid.properties.code), count: counts.get(grid.properties.code) ?? 0 })}
        ariaLabel={
          topGrid
            ? t('console.wall.charts.heatLabel', { count: located, grid: nameOf(top.gridCode), top: top.count })
            : t('console.wall.charts.heatLabelEmpty')
        }
      />
      <div className="heat-legend" aria-label={t('console.wall.charts.legend')}>
        {max === 0 ? (
          <span className="muted">{t('console.wall.charts.noGrid')}</span>
        ) : (
          <>
            <span>
              <span className="swatch" style={{ background: HEAT_COLOURS[0] }} aria-hidden="true" />0
            </span>
            {heatLegend(max).map((step) => (
              <span key={step.step}>
                <span className="swatch" style={{ background: HEAT_COLOURS[step.step] }} aria-hidden="true" />
                {step.from === step.to ? step.from : `${step.from}–${step.to}`}
              </span>
            ))}
            <span className="muted">{t('console.wall.charts.perGrid')}</span>
          </>
        )}
      </div>
    </div>
  );
}
