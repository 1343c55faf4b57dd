import type { GeoJsonPolygon } from '@hotline/nlp';
import { Territory, addTerritoryUnits } from '../reference/territory/index.ts';
import type { TestHotline } from './hotline.ts';

/** A district that is not the demo's: 松风区, two streets of one community and one grid each. */
const square = (x: number): GeoJsonPolygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [x, 0],
      [x + 1, 0],
      [x + 1, 1],
      [x, 1],
      [x, 0],
    ],
  ],
});
export const SONGFENG_UNITS = [
  { code: 'sf', level: 'district' as const, name: '松风区', nameEn: 'Songfeng', parentCode: null },
  { code: 'sf-s1', level: 'street' as const, name: '竹林街道', nameEn: 'Zhulin', parentCode: 'sf' },
  { code: 'sf-s1-c1', level: 'community' as const, name: '东坡社区', nameEn: 'Dongpo', parentCode: 'sf-s1' },
  { code: 'sf-s1-c1-g1', level: 'grid' as const, name: '东坡一网格', nameEn: 'Dongpo 1', parentCode: 'sf-s1-c1' },
  { code: 'sf-s2', level: 'street' as const, name: '梅岭街道', nameEn: 'Meiling', parentCode: 'sf' },
  { code: 'sf-s2-c1', level: 'community' as const, name: '西湖社区', nameEn: 'Xihu', parentCode: 'sf-s2' },
  { code: 'sf-s2-c1-g1', level: 'grid' as const, name: '西湖一网格', nameEn: 'Xihu 1', parentCode: 'sf-s2-c1' },
].map((u, i) => ({ ...u, boundary: square(200 + i), centerLongitude: 200.5 + i, centerLatitude: 0.5 }));

/**
 * The hotline serving 松风区 besides the demo district, for specs that filter by place: nothing in
 * them may work only for the demo's codes. The territory is reloaded as a restart would.
 */
export async function addSongfengDistrict(hotline: Pick<TestHotline, 'database' | 'deps'>): Promise<void> {
  await hotline.database.db.transaction((tx) => addTerritoryUnits(tx, SONGFENG_UNITS));
  hotline.deps.territory = await Territory.load(hotline.database.db);
}
