import { describe, expect, it } from 'vitest';
import { boundingBox, polygonContains, rectangle } from '@hotline/nlp';
import { districtUnits } from '@hotline/nlp/corpus';

describe('point in polygon', () => {
  const square = rectangle(0, 0, 10, 10);

  it('finds points inside and outside', () => {
    expect(polygonContains(square, { longitude: 5, latitude: 5 })).toBe(true);
    expect(polygonContains(square, { longitude: 15, latitude: 5 })).toBe(false);
    expect(polygonContains(square, { longitude: -0.001, latitude: 5 })).toBe(false);
  });

  it('respects holes', () => {
    const withHole = { type: 'Polygon' as const, coordinates: [...square.coordinates, ...rectangle(4, 4, 6, 6).coordinates] };
    expect(polygonContains(withHole, { longitude: 5, latitude: 5 })).toBe(false);
    expect(polygonContains(withHole, { longitude: 2, latitude: 2 })).toBe(true);
  });

  it('handles non-rectangular shapes', () => {
    const triangle = {
      type: 'Polygon' as const,
      coordinates: [
        [
          [0, 0],
          [10, 0],
          [0, 10],
          [0, 0],
        ] as [number, number][],
      ],
    };
    expect(polygonContains(triangle, { longitude: 2, latitude: 2 })).toBe(true);
    expect(polygonContains(triangle, { longitude: 8, latitude: 8 })).toBe(false);
  });
});

describe('the demo district', () => {
  const units = districtUnits();
  const byLevel = (level: string) => units.filter((u) => u.level === level);
  const grids = byLevel('grid');
  const district = byLevel('district')[0]!;
  const bounds = boundingBox(district.boundary);

  it('has one district, at least 3 streets, 9 communities and 30 grids, each with a parent one level up', () => {
    expect(byLevel('district')).toHaveLength(1);
    expect(byLevel('street').length).toBeGreaterThanOrEqual(3);
    expect(byLevel('community').length).toBeGreaterThanOrEqual(9);
    expect(grids.length).toBeGreaterThanOrEqual(30);
    const levels = ['district', 'street', 'community', 'grid'];
    for (const unit of units.filter((u) => u.parentCode)) {
      const parent = units.find((p) => p.code === unit.parentCode)!;
      expect(levels.indexOf(parent.level)).toBe(levels.indexOf(unit.level) - 1);
      expect(polygonContains(parent.boundary, { longitude: unit.centerLongitude, latitude: unit.centerLatitude })).toBe(true);
    }
    expect(new Set(units.map((u) => u.code)).size).toBe(units.length);
  });

  /** Deterministic pseudo-random points, so a failure can be reproduced. */
  function* samplePoints(n: number) {
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < n; i++) {
      yield { longitude: bounds.west + random() * (bounds.east - bounds.west), latitude: bounds.south + random() * (bounds.north - bounds.south) };
    }
  }

  it('tiles the district: every point inside lies in exactly one grid', () => {
    for (const point of samplePoints(5000)) {
      expect(grids.filter((g) => polygonContains(g.boundary, point))).toHaveLength(1);
    }
  });

  it('puts points on shared grid edges and corners into exactly one grid', () => {
    const xs = [...new Set(grids.flatMap((g) => g.boundary.coordinates[0]!.map((p) => p[0])))];
    const ys = [...new Set(grids.flatMap((g) => g.boundary.coordinates[0]!.map((p) => p[1])))];
    const inner = (values: number[], lo: number, hi: number) => values.filter((v) => v > lo && v < hi);
    for (const x of inner(xs, bounds.west, bounds.east)) {
      for (const y of inner(ys, bounds.south, bounds.north)) {
        expect(grids.filter((g) => polygonContains(g.boundary, { longitude: x, latitude: y }))).toHaveLength(1);
        expect(grids.filter((g) => polygonContains(g.boundary, { longitude: x, latitude: y + 0.0013 }))).toHaveLength(1);
        expect(grids.filter((g) => polygonContains(g.boundary, { longitude: x + 0.0017, latitude: y }))).toHaveLength(1);
      }
    }
  });

  it('places no grid outside the district', () => {
    for (const point of [
      { longitude: bounds.west - 0.01, latitude: 30.23 },
      { longitude: 120.13, latitude: bounds.north + 0.01 },
      { longitude: 116.4, latitude: 39.9 },
    ]) {
      expect(grids.some((g) => polygonContains(g.boundary, point))).toBe(false);
    }
  });
});
