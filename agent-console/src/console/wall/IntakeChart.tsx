import { useTranslation } from 'react-i18next';
import type { AppealSummary } from '@hotline/backend/api-types';
import type { WallCharts } from '../contract.ts';
import { niceMax, rowTotal, stackSegments, ticks } from './chart-scale.ts';

type Channel = AppealSummary['channel'];
const CHANNELS: Channel[] = ['voice', 'sms', 'wechat', 'web'];

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
              <title>
                {t('console.wall.charts.hourTitle', {
                  hour: row.hour,
                  count: totals[index],
                  detail: CHANNELS.map((c) => `${t(`channel.${c}`)} ${row[c]}`).join(' · '),
                })}
              </title>
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
