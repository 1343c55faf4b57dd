/** The district's map as served by GET /api/public/territory (GeoJSON, [longitude, latitude]). */
export type Level = 'district' | 'street' | 'community' | 'grid';

export interface TerritoryFeature {
  type: 'Feature';
  id: string;
  properties: { code: string; level: Level; name: string; nameEn: string; parentCode: string | null };
  geometry: Area;
}

/** A unit's boundary: one polygon, or several pieces (an exclave). */
export type Area = { type: 'Polygon'; coordinates: number[][][] } | { type: 'MultiPolygon'; coordinates: number[][][][] };

/** Every ring of an area; even–odd over all of them is the union of the (non-overlapping) pieces. */
export const ringsOf = (area: Area): number[][][] => (area.type === 'MultiPolygon' ? area.coordinates.flat() : area.coordinates);

export interface TerritoryCollection {
  type: 'FeatureCollection';
  bbox?: number[];
  features: TerritoryFeature[];
}

export interface LonLat {
  longitude: number;
  latitude: number;
}

export interface Projection {
  width: number;
  height: number;
  toSvg(point: LonLat): [number, number];
  toLonLat(x: number, y: number): LonLat;
}

const SVG_WIDTH = 1000;

/**
 * A linear projection of the bounding box onto the SVG. Longitude is scaled by cos(latitude) so
 * the district keeps its real proportions; over a few kilometres that is all the projection needed.
 */
export function projectionFor(collection: TerritoryCollection): Projection {
  const [west, south, east, north] = collection.bbox ?? boundsOf(collection);
  if (west === undefined || south === undefined || east === undefined || north === undefined) throw new Error('territory has no bounds');
  const lonSpan = (east - west) * Math.cos((((south + north) / 2) * Math.PI) / 180);
  const latSpan = north - south;
  const width = SVG_WIDTH;
  const height = Math.round((SVG_WIDTH * latSpan) / lonSpan);
  return {
    width,
    height,
    toSvg: ({ longitude, latitude }) => [((longitude - west) / (east - west)) * width, ((north - latitude) / (north - south)) * height],
    toLonLat: (x, y) => ({ longitude: west + (x / width) * (east - west), latitude: north - (y / height) * (north - south) }),
  };
}

function boundsOf(collection: TerritoryCollection): number[] {
  const points = collection.features.flatMap((f) => ringsOf(f.geometry).flat());
  const xs = points.map((p) => p[0]!);
  const ys = points.map((p) => p[1]!);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

/** Even–odd ray casting, the same rule the server uses, so the grid shown is the grid it will file. */
export function polygonContains(rings: number[][][], { longitude: x, latitude: y }: LonLat): boolean {
  let inside = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i] as [number, number];
      const [xj, yj] = ring[j] as [number, number];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

export const gridsOf = (collection: TerritoryCollection) => collection.features.filter((f) => f.properties.level === 'grid');

export function gridAt(collection: TerritoryCollection, point: LonLat): TerritoryFeature | undefined {
  return gridsOf(collection).find((grid) => polygonContains(ringsOf(grid.geometry), point));
}

/** 东湖街道 › 湖滨社区 › 湖滨社区第1网格, from the district down (the district itself is implied). */
export function pathOf(collection: TerritoryCollection, feature: TerritoryFeature): TerritoryFeature[] {
  const byCode = new Map(collection.features.map((f) => [f.properties.code, f]));
  const path: TerritoryFeature[] = [];
  for (let unit: TerritoryFeature | undefined = feature; unit && unit.properties.level !== 'district'; unit = byCode.get(unit.properties.parentCode ?? '')) {
    path.unshift(unit);
  }
  return path;
}

/** A point well inside a polygon's outer ring (its vertex average), for choosing a grid from a list. */
export function centreOf(feature: TerritoryFeature): LonLat {
  const ring = ringsOf(feature.geometry)[0] ?? [];
  // The closing vertex repeats the first; leave it out of the average.
  const vertices = ring.length > 1 ? ring.slice(0, -1) : ring;
  const sum = vertices.reduce((acc, [lon, lat]) => [acc[0]! + lon!, acc[1]! + lat!], [0, 0]);
  return { longitude: round6(sum[0]! / vertices.length), latitude: round6(sum[1]! / vertices.length) };
}

/** Six decimals is about 10 cm: plenty for a street problem. */
export const round6 = (n: number) => Math.round(n * 1e6) / 1e6;

export const svgPath = (rings: number[][][], projection: Projection) =>
  rings
    .map(
      (ring) =>
        ring
          .map(([longitude, latitude], i) => {
            const [x, y] = projection.toSvg({ longitude: longitude!, latitude: latitude! });
            return `${i === 0 ? 'M' : 'L'}${x.toFixed(1)},${y.toFixed(1)}`;
          })
          .join('') + 'Z',
    )
    .join('');
