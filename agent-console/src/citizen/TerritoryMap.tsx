import { type MouseEvent, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type LonLat,
  type Projection,
  type TerritoryCollection,
  type TerritoryFeature,
  centreOf,
  gridAt,
  gridsOf,
  pathOf,
  projectionFor,
  round6,
  svgPath,
} from './territory.ts';
import { GridSelect } from './GridSelect.tsx';

export interface PickedPlace {
  point: LonLat;
  grid: TerritoryFeature;
}

interface TerritoryMapProps {
  territory: TerritoryCollection;
  value: PickedPlace | null;
  onChange(place: PickedPlace | null): void;
}

/**
 * The district drawn as inline SVG (no map tiles: nothing outside the hotline is reachable).
 * A click picks a point; the list of grids below does the same from the keyboard.
 */
export function TerritoryMap({ territory, value, onChange }: TerritoryMapProps) {
  const { t, i18n } = useTranslation();
  const [outside, setOutside] = useState(false);
  const hintId = useId();
  const projection = useMemo(() => projectionFor(territory), [territory]);
  const nameOf = (f: TerritoryFeature) => (i18n.language === 'en' ? f.properties.nameEn : f.properties.name);

  function pick(point: LonLat) {
    const grid = gridAt(territory, point);
    setOutside(!grid);
    if (grid) onChange({ point, grid });
  }

  function handleClick(event: MouseEvent<SVGSVGElement>) {
    // Screen pixels → SVG units → lon/lat, whatever size CSS gave the map.
    const matrix = event.currentTarget.getScreenCTM();
    if (!matrix) return;
    const { x, y } = new DOMPoint(event.clientX, event.clientY).matrixTransform(matrix.inverse());
    const { longitude, latitude } = projection.toLonLat(x, y);
    pick({ longitude: round6(longitude), latitude: round6(latitude) });
  }

  function handleGridChoice(code: string) {
    const grid = gridsOf(territory).find((g) => g.properties.code === code);
    if (grid) pick(centreOf(grid));
  }

  const pickedCode = value?.grid.properties.code;

  return (
    <div className="territory-map" data-testid="territory-map">
      <TerritorySvg
        territory={territory}
        projection={projection}
        gridClass={(grid) => (grid.properties.code === pickedCode ? 'map-grid is-picked' : 'map-grid')}
        marker={value?.point ?? null}
        ariaLabel={t('citizen.map.svgLabel')}
        describedBy={hintId}
        onClick={handleClick}
      />

      <div className="map-side">
        <p id={hintId} className="field-hint">
          {t('citizen.map.hint')} {t('citizen.map.legend')}
        </p>
        {outside && (
          <p className="field-error" role="alert">
            {t('citizen.map.outside')}
          </p>
        )}
        <label className="map-grid-select">
          <span>{t('citizen.map.byGrid')}</span>
          <GridSelect territory={territory} value={pickedCode ?? ''} nameOf={nameOf} onChange={handleGridChoice} />
        </label>
        <div className="picked-place" data-testid="picked-place" aria-live="polite">
          {value ? (
            <>
              <p>{t('citizen.map.picked', { place: pathOf(territory, value.grid).map(nameOf).join(' › ') })}</p>
              <p className="coordinates">
                {t('citizen.map.coordinates', { longitude: value.point.longitude.toFixed(5), latitude: value.point.latitude.toFixed(5) })}
              </p>
              <button type="button" className="button button-small" onClick={() => onChange(null)}>
                {t('common.clear')}
              </button>
            </>
          ) : (
            <p className="muted">{t('citizen.map.none')}</p>
          )}
        </div>
      </div>
    </div>
  );
}

interface TerritorySvgProps {
  territory: TerritoryCollection;
  projection: Projection;
  /** Each grid's class (the picked one, a heat step…); `map-grid` when not given. */
  gridClass?(grid: TerritoryFeature): string;
  /** Each grid's tooltip; its name when not given. */
  gridTitle?(grid: TerritoryFeature): string;
  marker?: LonLat | null;
  /** Community names crowd a small map: a thumbnail shows the street names only. */
  communityLabels?: boolean;
  ariaLabel: string;
  describedBy?: string;
  className?: string;
  onClick?(event: MouseEvent<SVGSVGElement>): void;
}

/**
 * The district's units as inline SVG: grids (styled by the caller), communities, streets and the
 * district outline, their names, and a marker. The citizen's picker, the appeal's location and
 * the supervisors' heat map all draw it.
 */
export function TerritorySvg({ territory, projection, gridClass, gridTitle, marker, communityLabels = true, ariaLabel, describedBy, className, onClick }: TerritorySvgProps) {
  const { i18n } = useTranslation();
  const nameOf = (f: TerritoryFeature) => (i18n.language === 'en' ? f.properties.nameEn : f.properties.name);
  const byLevel = (level: TerritoryFeature['properties']['level']) => territory.features.filter((f) => f.properties.level === level);
  const at = marker ? projection.toSvg(marker) : null;
  return (
    <svg viewBox={`0 0 ${projection.width} ${projection.height}`} role="img" aria-label={ariaLabel} aria-describedby={describedBy} className={className} onClick={onClick}>
      {gridsOf(territory).map((grid) => (
        <path key={grid.id} d={svgPath(grid.geometry.coordinates, projection)} className={gridClass?.(grid) ?? 'map-grid'} data-grid-code={grid.properties.code}>
          <title>{gridTitle?.(grid) ?? nameOf(grid)}</title>
        </path>
      ))}
      {byLevel('community').map((f) => (
        <path key={f.id} d={svgPath(f.geometry.coordinates, projection)} className="map-community" />
      ))}
      {[...byLevel('street'), ...byLevel('district')].map((f) => (
        <path key={f.id} d={svgPath(f.geometry.coordinates, projection)} className={`map-${f.properties.level}`} />
      ))}
      {communityLabels &&
        byLevel('community').map((f) => {
          const [x, y] = projection.toSvg(centreOf(f));
          return (
            <text key={f.id} x={x} y={y} className="map-label-community" fontSize={labelSize(nameOf(f), widthOf(f, projection), 40)}>
              {nameOf(f)}
            </text>
          );
        })}
      {byLevel('street').map((f) => {
        // Street names sit along the top edge, clear of the community names in the middle.
        const [x] = projection.toSvg(centreOf(f));
        const top = Math.min(...(f.geometry.coordinates[0] ?? []).map(([longitude, latitude]) => projection.toSvg({ longitude: longitude!, latitude: latitude! })[1]));
        return (
          <text key={f.id} x={x} y={top + 40} className="map-label-street" fontSize={labelSize(nameOf(f), widthOf(f, projection), 44)}>
            {nameOf(f)}
          </text>
        );
      })}
      {at && (
        <g className="map-marker" transform={`translate(${at[0].toFixed(1)} ${at[1].toFixed(1)}) scale(1.5)`} data-testid="map-marker">
          <circle r="22" className="map-marker-halo" />
          <path d="M0 0 C -6 -14 -16 -20 -16 -32 A 16 16 0 1 1 16 -32 C 16 -20 6 -14 0 0 Z" />
          <circle cy="-32" r="6" className="map-marker-dot" />
        </g>
      )}
    </svg>
  );
}

/** A unit's width on the map, in SVG units. */
function widthOf(feature: TerritoryFeature, projection: Projection): number {
  const xs = (feature.geometry.coordinates[0] ?? []).map(([longitude, latitude]) => projection.toSvg({ longitude: longitude!, latitude: latitude! })[0]);
  return Math.max(...xs) - Math.min(...xs);
}

/**
 * The largest font size, up to `max`, at which a name fits its unit: a Chinese character is about
 * 1 em wide, a Latin letter about 0.6 em ("Cuifeng Community" needs a smaller size than 翠峰社区).
 */
function labelSize(name: string, width: number, max: number): number {
  const ems = [...name].reduce((sum, ch) => sum + (/[\u2E80-\uFFFF]/.test(ch) ? 1 : 0.6), 0);
  return Math.min(max, Math.floor((width * 0.9) / Math.max(ems, 1)));
}
