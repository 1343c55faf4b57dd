import { rectangle } from '../reference/territory/index.ts';
import type { TerritoryUnit } from '../reference/territory/index.ts';

/**
 * 青禾区, a fictional district: three streets side by side, each cut into three communities,
 * each community into a 2 × 2 block of grids. Every boundary is built from shared cut lines,
 * so the grids tile the district with no gap and no overlap.
 */
const district = { code: 'QH', name: '青禾区', nameEn: 'Qinghe District', west: 120.1, south: 30.2, east: 120.16, north: 30.26 };

const streets = [
  {
    name: '东湖街道',
    nameEn: 'Donghu Street',
    communities: [
      ['湖滨社区', 'Hubin Community'],
      ['柳岸社区', 'Liu’an Community'],
      ['荷花社区', 'Hehua Community'],
    ],
  },
  {
    name: '西山街道',
    nameEn: 'Xishan Street',
    communities: [
      ['松林社区', 'Songlin Community'],
      ['翠峰社区', 'Cuifeng Community'],
      ['石桥社区', 'Shiqiao Community'],
    ],
  },
  {
    name: '南桥镇',
    nameEn: 'Nanqiao Town',
    communities: [
      ['南桥村', 'Nanqiao Village'],
      ['稻香村', 'Daoxiang Village'],
      ['新河社区', 'Xinhe Community'],
    ],
  },
] as const;

const GRIDS_PER_SIDE = 2;

function cuts(from: number, to: number, parts: number): number[] {
  return Array.from({ length: parts + 1 }, (_, i) => (i === parts ? to : round(from + ((to - from) * i) / parts)));
}

const round = (n: number) => Math.round(n * 1e6) / 1e6;
const pad = (n: number) => String(n + 1).padStart(2, '0');

type NewUnit = Omit<TerritoryUnit, never>;

function unit(code: string, level: TerritoryUnit['level'], name: string, nameEn: string, parentCode: string | null, box: number[]): NewUnit {
  const [west, south, east, north] = box as [number, number, number, number];
  return {
    code,
    level,
    name,
    nameEn,
    parentCode,
    boundary: rectangle(west, south, east, north),
    centerLongitude: round((west + east) / 2),
    centerLatitude: round((south + north) / 2),
  };
}

export function demoTerritory(): NewUnit[] {
  const units: NewUnit[] = [unit(district.code, 'district', district.name, district.nameEn, null, [district.west, district.south, district.east, district.north])];
  const streetCuts = cuts(district.west, district.east, streets.length);
  streets.forEach((street, s) => {
    const streetCode = `${district.code}-${pad(s)}`;
    const [west, east] = [streetCuts[s]!, streetCuts[s + 1]!];
    units.push(unit(streetCode, 'street', street.name, street.nameEn, district.code, [west, district.south, east, district.north]));
    const communityCuts = cuts(district.south, district.north, street.communities.length);
    street.communities.forEach(([name, nameEn], c) => {
      const communityCode = `${streetCode}-${pad(c)}`;
      const [south, north] = [communityCuts[c]!, communityCuts[c + 1]!];
      units.push(unit(communityCode, 'community', name, nameEn, streetCode, [west, south, east, north]));
      const gridXs = cuts(west, east, GRIDS_PER_SIDE);
      const gridYs = cuts(south, north, GRIDS_PER_SIDE);
      for (let gy = 0; gy < GRIDS_PER_SIDE; gy++) {
        for (let gx = 0; gx < GRIDS_PER_SIDE; gx++) {
          const n = gy * GRIDS_PER_SIDE + gx;
          units.push(
            unit(`${communityCode}-${pad(n)}`, 'grid', `${name}第${n + 1}网格`, `${nameEn} Grid ${n + 1}`, communityCode, [
              gridXs[gx]!,
              gridYs[gy]!,
              gridXs[gx + 1]!,
              gridYs[gy + 1]!,
            ]),
          );
        }
      }
    });
  });
  return units;
}
