import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { TerritorySvg } from '../../citizen/TerritorySvg.tsx';
import { gridsOf, projectionFor } from '../../citizen/territory.ts';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { useConsoleTerritory } from '../common/useReference.ts';
import type { WallCharts } from '../contract.ts';
import { HEAT_COLOURS, heatLegend, heatStep } from './chart-scale.ts';

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
          topGrid ? t('console.wall.charts.heatLabel', { count: located, grid: nameOf(top.gridCode), top: top.count }) : t('console.wall.charts.heatLabelEmpty')
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
