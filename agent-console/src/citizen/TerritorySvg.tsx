import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { type LonLat, type Projection, type TerritoryCollection, type TerritoryFeature, centreOf, gridsOf, ringsOf, svgPath } from './territory.ts';

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
export function TerritorySvg({
  territory,
  projection,
  gridClass,
  gridTitle,
  marker,
  communityLabels = true,
  ariaLabel,
  describedBy,
  className,
  onClick,
}: TerritorySvgProps) {
  const { i18n } = useTranslation();
  const nameOf = (f: TerritoryFeature) => (i18n.language === 'en' ? f.properties.nameEn : f.properties.name);
  const byLevel = (level: TerritoryFeature['properties']['level']) => territory.features.filter((f) => f.properties.level === level);
  const at = marker ? projection.toSvg(marker) : null;
  return (
    <svg
      viewBox={`0 0 ${projection.width} ${projection.height}`}
      role="img"
      aria-label={ariaLabel}
      aria-describedby={describedBy}
      className={className}
      onClick={onClick}
    >
      {gridsOf(territory).map((grid) => (
        <path key={grid.id} d={svgPath(ringsOf(grid.geometry), projection)} className={gridClass?.(grid) ?? 'map-grid'} data-grid-code={grid.properties.code}>
          <title>{gridTitle?.(grid) ?? nameOf(grid)}</title>
        </path>
      ))}
      {byLevel('community').map((f) => (
        <path key={f.id} d={svgPath(ringsOf(f.geometry), projection)} className="map-community" />
      ))}
      {[...byLevel('street'), ...byLevel('district')].map((f) => (
        <path key={f.id} d={svgPath(ringsOf(f.geometry), projection)} className={`map-${f.properties.level}`} />
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
        const top = Math.min(
          ...(ringsOf(f.geometry)[0] ?? []).map(([longitude, latitude]) => projection.toSvg({ longitude: longitude!, latitude: latitude! })[1]),
        );
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
  const xs = (ringsOf(feature.geometry)[0] ?? []).map(([longitude, latitude]) => projection.toSvg({ longitude: longitude!, latitude: latitude! })[0]);
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
