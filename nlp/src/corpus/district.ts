import { type GeoJsonPolygon, rectangle } from '../geometry.ts';
import { type PointDef, type RoadDef, type TerritoryPlaces, buildGazetteer } from '../gazetteer.ts';
import { GridLocator, Locator } from '../location.ts';

/**
 * 青禾区, the fictional district the shipped corpus is written about (and the demo runs on): three
 * streets side by side, each cut into three communities, each community into a 2 × 2 block of
 * grids. Every boundary is built from shared cut lines, so the grids tile the district with no
 * gap and no overlap. Its invented roads, compounds and landmarks sit inside those units, so a
 * compound is always in the same community and on the same road.
 *
 * Layout: 东湖街道 spans longitude 120.10–120.12, 西山街道 120.12–120.14, 南桥镇 120.14–120.16;
 * inside each, the first community spans latitude 30.20–30.22, the second 30.22–30.24, the third
 * 30.24–30.26.
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

/** A unit of the district, as a territory table stores it. */
export interface DistrictUnit {
  code: string;
  level: 'district' | 'street' | 'community' | 'grid';
  name: string;
  nameEn: string;
  parentCode: string | null;
  boundary: GeoJsonPolygon;
  centerLongitude: number;
  centerLatitude: number;
}

function unit(code: string, level: DistrictUnit['level'], name: string, nameEn: string, parentCode: string | null, box: number[]): DistrictUnit {
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

/** The district's units: district → streets → communities → grids. */
export function districtUnits(): DistrictUnit[] {
  const units: DistrictUnit[] = [
    unit(district.code, 'district', district.name, district.nameEn, null, [district.west, district.south, district.east, district.north]),
  ];
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

/** East–west roads run west → east, north–south roads run south → north; numbers grow that way. */
const ROADS: RoadDef[] = [
  {
    name: '青禾大道',
    line: [
      [120.1, 30.2305],
      [120.16, 30.2305],
    ],
    maxNumber: 999,
  },
  {
    name: '湖滨路',
    line: [
      [120.1, 30.207],
      [120.12, 30.207],
    ],
    maxNumber: 300,
  },
  {
    name: '柳岸路',
    line: [
      [120.1, 30.226],
      [120.12, 30.226],
    ],
    maxNumber: 300,
  },
  {
    name: '荷花路',
    line: [
      [120.1, 30.252],
      [120.14, 30.252],
    ],
    maxNumber: 500,
  },
  {
    name: '松林路',
    line: [
      [120.12, 30.213],
      [120.14, 30.213],
    ],
    maxNumber: 300,
  },
  {
    name: '翠峰路',
    line: [
      [120.12, 30.236],
      [120.14, 30.236],
    ],
    maxNumber: 300,
  },
  {
    name: '南桥路',
    line: [
      [120.135, 30.21],
      [120.16, 30.21],
    ],
    maxNumber: 400,
  },
  {
    name: '稻香路',
    line: [
      [120.14, 30.238],
      [120.16, 30.238],
    ],
    maxNumber: 300,
  },
  {
    name: '新河路',
    line: [
      [120.14, 30.254],
      [120.16, 30.254],
    ],
    maxNumber: 300,
  },
  {
    name: '东湖路',
    line: [
      [120.106, 30.2],
      [120.106, 30.26],
    ],
    maxNumber: 600,
  },
  {
    name: '学府路',
    line: [
      [120.116, 30.2],
      [120.116, 30.26],
    ],
    maxNumber: 600,
  },
  {
    name: '西山路',
    line: [
      [120.126, 30.2],
      [120.126, 30.26],
    ],
    maxNumber: 600,
  },
  {
    name: '石桥路',
    line: [
      [120.134, 30.215],
      [120.134, 30.26],
    ],
    maxNumber: 450,
  },
  {
    name: '民生路',
    line: [
      [120.146, 30.2],
      [120.146, 30.26],
    ],
    maxNumber: 600,
  },
  {
    name: '工业路',
    line: [
      [120.156, 30.2],
      [120.156, 30.245],
    ],
    maxNumber: 450,
  },
];

const COMPOUNDS: PointDef[] = [
  // 东湖街道 · 湖滨社区
  { name: '湖滨花园', point: [120.1035, 30.2045] },
  { name: '东湖新村', point: [120.1075, 30.2135] },
  { name: '阳光小区', point: [120.1145, 30.2055] },
  // 东湖街道 · 柳岸社区
  { name: '柳岸名苑', point: [120.1035, 30.2245] },
  { name: '学府家园', point: [120.1175, 30.2275] },
  { name: '青禾花苑', point: [120.1085, 30.2345] },
  // 东湖街道 · 荷花社区
  { name: '荷花里', point: [120.1045, 30.2485] },
  { name: '锦绣华庭', point: [120.1165, 30.2545] },
  { name: '湖光苑', point: [120.1075, 30.2565] },
  // 西山街道 · 松林社区
  { name: '松林小区', point: [120.1235, 30.2065] },
  { name: '和平小区', point: [120.1335, 30.2145] },
  { name: '金色家园', point: [120.1275, 30.2165] },
  // 西山街道 · 翠峰社区
  { name: '翠峰山庄', point: [120.1245, 30.2265] },
  { name: '西山公寓', point: [120.1275, 30.2355] },
  { name: '丽水苑', point: [120.1365, 30.2285] },
  // 西山街道 · 石桥社区
  { name: '石桥新苑', point: [120.1335, 30.2445] },
  { name: '枫林小区', point: [120.1245, 30.2535] },
  { name: '幸福里', point: [120.1375, 30.2565] },
  // 南桥镇 · 南桥村
  { name: '南桥新村', point: [120.1455, 30.2075] },
  { name: '南桥佳苑', point: [120.1565, 30.2125] },
  // 南桥镇 · 稻香村
  { name: '稻香园', point: [120.1465, 30.2285] },
  { name: '丰收苑', point: [120.1545, 30.2355] },
  // 南桥镇 · 新河社区
  { name: '新河湾', point: [120.1455, 30.2555] },
  { name: '滨河家园', point: [120.1555, 30.2445] },
  { name: '新河花园', point: [120.1525, 30.2565] },
];

const LANDMARKS: PointDef[] = [
  { name: '东湖公园', point: [120.1055, 30.2175] },
  { name: '湖滨菜市场', aliases: ['湖滨农贸市场'], point: [120.1125, 30.2085] },
  { name: '青禾实验小学', aliases: ['实验小学'], point: [120.1155, 30.2185] },
  { name: '青禾区人民医院', aliases: ['区人民医院', '人民医院', '区医院'], point: [120.1135, 30.2325] },
  { name: '青禾区政府', aliases: ['区政府'], point: [120.1175, 30.2365] },
  { name: '柳岸广场', point: [120.1045, 30.2285] },
  { name: '东湖派出所', point: [120.1095, 30.2265] },
  { name: '荷花池公园', aliases: ['荷花池'], point: [120.1085, 30.2525] },
  { name: '青禾中学', point: [120.1135, 30.2455] },
  { name: '西山公园', point: [120.1255, 30.2115] },
  { name: '松林幼儿园', point: [120.1325, 30.2035] },
  { name: '翠峰农贸市场', aliases: ['翠峰菜市场'], point: [120.1255, 30.2315] },
  { name: '青禾天街', aliases: ['天街'], point: [120.1335, 30.2325] },
  { name: '西山体育馆', point: [120.1285, 30.2465] },
  { name: '石桥地铁站', aliases: ['地铁石桥站', '石桥站'], point: [120.1345, 30.2545] },
  { name: '南桥汽车站', aliases: ['南桥车站'], point: [120.1485, 30.2155] },
  { name: '南桥中心小学', point: [120.1545, 30.2055] },
  { name: '稻香村文化礼堂', aliases: ['文化礼堂'], point: [120.1535, 30.2265] },
  { name: '青禾工业园', aliases: ['工业园'], point: [120.1575, 30.2355] },
  { name: '新河大桥', point: [120.1465, 30.2475] },
  { name: '新河湿地公园', aliases: ['湿地公园'], point: [120.1565, 30.2535] },
];

/** The district's roads, compounds and landmarks. */
export function districtPlaces(): TerritoryPlaces {
  return { roads: ROADS, compounds: COMPOUNDS, landmarks: LANDMARKS };
}

let shared: Locator | undefined;
/** The district's locator, built once: for the corpus tools, the benchmark and the tests, whose texts name its places. */
export function districtLocator(): Locator {
  return (shared ??= new Locator({ gazetteer: buildGazetteer(districtUnits(), districtPlaces()), grids: new GridLocator(districtUnits()) }));
}
