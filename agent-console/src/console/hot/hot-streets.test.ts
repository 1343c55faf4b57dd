import { describe, expect, it } from 'vitest';
import type { TerritoryCollection } from '../../citizen/territory.ts';
import { streetsOf } from './useHotReport.ts';

describe('streets for the hot words filter', () => {
  it('are the street-level units of the territory', () => {
    const feature = (code: string, level: 'district' | 'street' | 'community', name: string) => ({
      type: 'Feature' as const,
      id: code,
      properties: { code, level, name, nameEn: `${name} (en)`, parentCode: null },
      geometry: { type: 'Polygon' as const, coordinates: [] },
    });
    const territory: TerritoryCollection = {
      type: 'FeatureCollection',
      features: [
        feature('QH', 'district', '青禾区'),
        feature('QH-01', 'street', '东湖街道'),
        feature('QH-01-01', 'community', '柳岸社区'),
        feature('QH-03', 'street', '南桥镇'),
      ],
    };
    expect(streetsOf(territory)).toEqual([
      { code: 'QH-01', name: '东湖街道', nameEn: '东湖街道 (en)' },
      { code: 'QH-03', name: '南桥镇', nameEn: '南桥镇 (en)' },
    ]);
  });
});
