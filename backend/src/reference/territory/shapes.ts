import { type GeoJsonArea, type TerritoryFeature, boundingBox, polygonContains, ringsOf } from '@hotline/nlp';

/** How far (in degrees, about 5 m) a grid may stray over its community's edge or into its neighbour: drawing noise, not a mistake. */
const TOLERANCE = 0.00005;

/** One reason a territory file is refused. */
export interface TerritoryIssue {
  /** The feature's index in `features`; null for the collection itself. */
  index: number | null;
  /** The unit's code, or the place's name, when it could be read. */
  code: string | null;
  reason: string;
}

type Unit = { index: number; code: string; kind: string; parentCode: string | null; boundary: GeoJsonArea };
type Position = [number, number];

/** Closed rings; each grid within its community; the grids of one community apart. */
export function checkTerritoryShapes(features: TerritoryFeature[]): TerritoryIssue[] {
  const units: Unit[] = [];
  const issues: TerritoryIssue[] = [];
  features.forEach((f, index) => {
    const p = f.properties;
    if (!('code' in p)) return;
    const unit = { index, code: p.code, kind: p.kind, parentCode: p.parentCode, boundary: f.geometry as GeoJsonArea };
    const open = ringsOf(unit.boundary).some((ring) => !samePosition(ring[0]!, ring[ring.length - 1]!));
    if (open) issues.push({ index, code: p.code, reason: 'geometry: every ring must end where it starts (a closed ring)' });
    else units.push(unit);
  });
  const byCode = new Map(units.map((u) => [u.code, u]));
  const gridsOf = new Map<string, Unit[]>();
  for (const grid of units.filter((u) => u.kind === 'grid')) {
    const community = grid.parentCode ? byCode.get(grid.parentCode) : undefined;
    if (!community) continue;
    if (!within(grid.boundary, community.boundary))
      issues.push({ index: grid.index, code: grid.code, reason: `geometry: the grid lies outside its community ${community.code}` });
    gridsOf.set(community.code, [...(gridsOf.get(community.code) ?? []), grid]);
  }
  for (const grids of gridsOf.values()) issues.push(...overlaps(grids));
  return issues;
}

const samePosition = (a: Position, b: Position) => a[0] === b[0] && a[1] === b[1];

/** Every vertex of `inner` inside `outer` or within the tolerance of its edge. */
function within(inner: GeoJsonArea, outer: GeoJsonArea): boolean {
  return ringsOf(inner).every((ring) =>
    ring.every(([longitude, latitude]) => polygonContains(outer, { longitude, latitude }) || nearEdge(outer, [longitude, latitude])),
  );
}

function overlaps(grids: Unit[]): TerritoryIssue[] {
  const issues: TerritoryIssue[] = [];
  const boxes = grids.map((g) => boundingBox(g.boundary));
  for (let i = 0; i < grids.length; i++) {
    for (let j = i + 1; j < grids.length; j++) {
      const [a, b] = [boxes[i]!, boxes[j]!];
      if (a.west >= b.east - TOLERANCE || b.west >= a.east - TOLERANCE || a.south >= b.north - TOLERANCE || b.south >= a.north - TOLERANCE) continue;
      if (overlap(grids[i]!.boundary, grids[j]!.boundary))
        issues.push({ index: grids[j]!.index, code: grids[j]!.code, reason: `geometry: the grid overlaps grid ${grids[i]!.code} of the same community` });
    }
  }
  return issues;
}

/** Points tried across the shared bounding box of two grids: a shared stretch of edge does not cross, so crossings alone miss some overlaps. */
const LATTICE = 24;

/**
 * Two areas overlap when their edges cross properly, or when some point lies well inside both
 * (one within the other, a shared stretch of edge, the same shape twice). Shared edges do not count.
 */
function overlap(a: GeoJsonArea, b: GeoJsonArea): boolean {
  const edgesA = edgesOf(a);
  const edgesB = edgesOf(b);
  if (edgesA.some(([p, p2]) => edgesB.some(([q, q2]) => crossProperly(p, p2, q, q2)))) return true;
  const [boxA, boxB] = [boundingBox(a), boundingBox(b)];
  const [west, east] = [Math.max(boxA.west, boxB.west), Math.min(boxA.east, boxB.east)];
  const [south, north] = [Math.max(boxA.south, boxB.south), Math.min(boxA.north, boxB.north)];
  const deepInside = (area: GeoJsonArea, point: Position) => polygonContains(area, { longitude: point[0], latitude: point[1] }) && !nearEdge(area, point);
  for (let i = 0; i < LATTICE; i++) {
    for (let j = 0; j < LATTICE; j++) {
      const point: Position = [west + ((i + 0.5) * (east - west)) / LATTICE, south + ((j + 0.5) * (north - south)) / LATTICE];
      if (deepInside(a, point) && deepInside(b, point)) return true;
    }
  }
  return false;
}

const edgesOf = (area: GeoJsonArea): [Position, Position][] =>
  ringsOf(area).flatMap((ring) => ring.slice(1).map((p, i) => [ring[i]!, p] as [Position, Position]));

const cross = (o: Position, a: Position, b: Position) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);

/** The segments cross at a point inside both (not at an end, not along a shared stretch), beyond the tolerance. */
function crossProperly(p: Position, p2: Position, q: Position, q2: Position): boolean {
  const [d1, d2, d3, d4] = [cross(q, q2, p), cross(q, q2, p2), cross(p, p2, q), cross(p, p2, q2)];
  const eps = TOLERANCE * TOLERANCE;
  return ((d1 > eps && d2 < -eps) || (d1 < -eps && d2 > eps)) && ((d3 > eps && d4 < -eps) || (d3 < -eps && d4 > eps));
}

function nearEdge(area: GeoJsonArea, point: Position): boolean {
  return edgesOf(area).some(([a, b]) => segmentDistance(point, a, b) <= TOLERANCE);
}

function segmentDistance(p: Position, a: Position, b: Position): number {
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  const t = dx || dy ? Math.min(1, Math.max(0, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy))) : 0;
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}
