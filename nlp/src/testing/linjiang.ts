import { rectangle } from '../geometry.ts';
import { buildGazetteer } from '../gazetteer.ts';
import { GridLocator, Locator } from '../location.ts';

/**
 * 临江区, a small invented district for tests (not the demo's 青禾区): two streets side by side,
 * two communities each, two grids per community, a few roads, compounds and landmarks. Specs that
 * depend on a territory read it, so nothing passes only because it names the demo's places.
 */
const rows: [code: string, level: string, name: string, parent: string | null, box: [number, number, number, number]][] = [
  ['LJ', 'district', '临江区', null, [113.3, 23.1, 113.34, 23.12]],
  ['LJ-01', 'street', '江南街道', 'LJ', [113.3, 23.1, 113.32, 23.12]],
  ['LJ-01-01', 'community', '桂园社区', 'LJ-01', [113.3, 23.1, 113.32, 23.11]],
  ['LJ-01-01-01', 'grid', '桂园社区第1网格', 'LJ-01-01', [113.3, 23.1, 113.31, 23.11]],
  ['LJ-01-01-02', 'grid', '桂园社区第2网格', 'LJ-01-01', [113.31, 23.1, 113.32, 23.11]],
  ['LJ-01-02', 'community', '望江社区', 'LJ-01', [113.3, 23.11, 113.32, 23.12]],
  ['LJ-01-02-01', 'grid', '望江社区第1网格', 'LJ-01-02', [113.3, 23.11, 113.31, 23.12]],
  ['LJ-01-02-02', 'grid', '望江社区第2网格', 'LJ-01-02', [113.31, 23.11, 113.32, 23.12]],
  ['LJ-02', 'street', '城北街道', 'LJ', [113.32, 23.1, 113.34, 23.12]],
  ['LJ-02-01', 'community', '枫桥社区', 'LJ-02', [113.32, 23.1, 113.34, 23.11]],
  ['LJ-02-01-01', 'grid', '枫桥社区第1网格', 'LJ-02-01', [113.32, 23.1, 113.33, 23.11]],
  ['LJ-02-01-02', 'grid', '枫桥社区第2网格', 'LJ-02-01', [113.33, 23.1, 113.34, 23.11]],
  ['LJ-02-02', 'community', '红旗社区', 'LJ-02', [113.32, 23.11, 113.34, 23.12]],
  ['LJ-02-02-01', 'grid', '红旗社区第1网格', 'LJ-02-02', [113.32, 23.11, 113.33, 23.12]],
  ['LJ-02-02-02', 'grid', '红旗社区第2网格', 'LJ-02-02', [113.33, 23.11, 113.34, 23.12]],
];

export function linjiangUnits() {
  return rows.map(([code, level, name, parentCode, [west, south, east, north]]) => ({
    code,
    level,
    name,
    parentCode,
    boundary: rectangle(west, south, east, north),
    centerLongitude: (west + east) / 2,
    centerLatitude: (south + north) / 2,
  }));
}

export const linjiangPlaces = () => ({
  roads: [
    {
      name: '滨江路',
      line: [
        [113.3, 23.105],
        [113.34, 23.105],
      ] as [number, number][],
      maxNumber: 400,
    },
    {
      name: '解放路',
      aliases: ['解放大道'],
      line: [
        [113.325, 23.1],
        [113.325, 23.12],
      ] as [number, number][],
      maxNumber: 200,
    },
  ],
  compounds: [
    { name: '桂园新村', point: [113.305, 23.104] as [number, number] },
    { name: '望江花园', point: [113.315, 23.115] as [number, number] },
    { name: '枫桥小区', aliases: ['枫桥新村'], point: [113.335, 23.105] as [number, number] },
  ],
  landmarks: [
    { name: '江南菜市场', aliases: ['江南农贸市场'], point: [113.312, 23.106] as [number, number] },
    { name: '临江第一小学', aliases: ['一小'], point: [113.328, 23.114] as [number, number] },
  ],
});

let shared: Locator | undefined;
/** The test district's locator, built once. */
export function linjiangLocator(): Locator {
  return (shared ??= new Locator({ gazetteer: buildGazetteer(linjiangUnits(), linjiangPlaces()), grids: new GridLocator(linjiangUnits()) }));
}
