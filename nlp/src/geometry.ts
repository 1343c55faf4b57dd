/** A GeoJSON Polygon (RFC 7946): WGS 84 longitude/latitude rings, the first the outside. */
export type GeoJsonPolygon = { type: 'Polygon'; coordinates: [number, number][][] };
/** A GeoJSON MultiPolygon: a unit in several pieces (an exclave, an island). */
export type GeoJsonMultiPolygon = { type: 'MultiPolygon'; coordinates: [number, number][][][] };
/** The boundary of a territory unit. */
export type GeoJsonArea = GeoJsonPolygon | GeoJsonMultiPolygon;

/** Every ring of an area, outer rings and holes of every piece alike. */
export function ringsOf(area: GeoJsonArea): [number, number][][] {
  return area.type === 'MultiPolygon' ? area.coordinates.flat() : area.coordinates;
}

export interface LonLat {
  longitude: number;
  latitude: number;
}

/**
 * Even–odd ray casting (PNPOLY). Its half-open edge rule puts a point that lies on an edge
 * shared by two tiles into exactly one of them, so a tiling of grids resolves every point once.
 * The pieces of a MultiPolygon do not overlap, so even–odd over all their rings is the union.
 */
export function polygonContains(polygon: GeoJsonArea, point: LonLat): boolean {
  let inside = false;
  ringsOf(polygon).forEach((ring) => {
    if (ringContains(ring, point)) inside = !inside;
  });
  return inside;
}

function ringContains(ring: [number, number][], { longitude: x, latitude: y }: LonLat): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

export function rectangle(west: number, south: number, east: number, north: number): GeoJsonPolygon {
  return {
    type: 'Polygon',
    coordinates: [
      [
        [west, south],
        [east, south],
        [east, north],
        [west, north],
        [west, south],
      ],
    ],
  };
}

export function boundingBox(polygon: GeoJsonArea) {
  const points = ringsOf(polygon).flat();
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  return { west: Math.min(...xs), south: Math.min(...ys), east: Math.max(...xs), north: Math.max(...ys) };
}
