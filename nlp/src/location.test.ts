import { describe, expect, it } from 'vitest';
import { districtLocator, districtPlaces, districtUnits } from './corpus/district.ts';
import { buildGazetteer, nearestRoadAddress, pointOnRoad } from './gazetteer.ts';
import { GridLocator, Locator } from './location.ts';

// These specs read texts about the corpus district's places; another territory is one argument away (last spec).
const grids = new GridLocator(districtUnits());
const locate = (text: string, point?: { longitude: number; latitude: number }) => districtLocator().locate(text, point);
const { roads, compounds, landmarks } = districtPlaces();

describe('point → grid', () => {
  it('puts a point inside a grid into that grid', () => {
    expect(grids.gridAt({ longitude: 120.105, latitude: 30.205 })).toBe('QH-01-01-01');
    expect(grids.gridAt({ longitude: 120.155, latitude: 30.255 })).toBe('QH-03-03-04');
  });

  it('puts a point on a shared edge or corner into exactly one grid', () => {
    for (const p of [
      { longitude: 120.11, latitude: 30.205 },
      { longitude: 120.12, latitude: 30.22 },
      { longitude: 120.14, latitude: 30.24 },
    ]) {
      const units = districtUnits().filter((u) => u.level === 'grid');
      expect(grids.gridAt(p)).toBeDefined();
      expect(units.filter((u) => grids.gridAt(p) === u.code)).toHaveLength(1);
    }
  });

  it('finds no grid outside the district', () => {
    expect(grids.gridAt({ longitude: 121, latitude: 31 })).toBeUndefined();
  });

  it('walks a grid up to its street', () => {
    expect(grids.ancestors('QH-02-03-01')).toEqual(['QH-02-03-01', 'QH-02-03', 'QH-02', 'QH']);
  });
});

describe('gazetteer', () => {
  it('places every compound and landmark in the community it is written under', () => {
    const communities = districtUnits().filter((u) => u.level === 'community');
    for (const p of [...compounds, ...landmarks]) {
      const grid = grids.gridAt({ longitude: p.point[0], latitude: p.point[1] });
      expect(grid, p.name).toBeDefined();
      expect(communities.some((c) => grid!.startsWith(c.code))).toBe(true);
    }
  });

  it('interpolates house numbers along a road and finds the nearest road', () => {
    const p = pointOnRoad(
      {
        line: [
          [120.1, 30.2],
          [120.16, 30.2],
        ],
        minNumber: 1,
        maxNumber: 601,
      },
      301,
    )!;
    expect(p.longitude).toBeCloseTo(120.13, 6);
    const near = nearestRoadAddress({ longitude: 120.1062, latitude: 30.2128 }, roads);
    expect(near.road).toBe('东湖路');
    expect(Math.abs(near.number - 128)).toBeLessThanOrEqual(2);
  });
});

describe('address parsing', () => {
  it('reads compound + building + unit + room', () => {
    const r = locate('东湖街道湖滨花园3栋2单元501室漏水了');
    expect(r).toMatchObject({ address: '东湖街道湖滨花园3栋2单元501室', precision: 'building', matched: true, gridCode: 'QH-01-01-01' });
    expect(r.parts).toMatchObject({ street: '东湖街道', compound: '湖滨花园', building: 3, unit: 2, room: 501 });
  });

  it('reads 号楼 and 幢 with Chinese numerals', () => {
    expect(locate('湖滨花园小区三号楼楼下').parts.building).toBe(3);
    expect(locate('松林小区十二幢').parts.building).toBe(12);
  });

  it('reads road + number, in Arabic or Chinese numerals, to the same point', () => {
    const a = locate('东湖路128号门口的路灯不亮');
    const b = locate('东湖路一百二十八号');
    expect(a).toMatchObject({ address: '东湖路128号', precision: 'road-number', gridCode: 'QH-01-01-03' });
    expect(b.point).toEqual(a.point);
  });

  it('reads two roads as their crossing', () => {
    const r = locate('东湖路与柳岸路交叉口红绿灯坏了');
    expect(r).toMatchObject({ address: '东湖路与柳岸路交叉口', precision: 'intersection', point: { longitude: 120.106, latitude: 30.226 } });
  });

  it('reads landmark + direction, by alias too', () => {
    const r = locate('人民医院对面有人占道经营');
    expect(r).toMatchObject({ address: '人民医院对面', precision: 'landmark', parts: { landmark: '青禾区人民医院', direction: '对面' } });
    expect(r.gridCode).toBe(grids.gridAt(r.point!));
  });

  it('places a named community or street without a point', () => {
    const r = locate('翠峰社区有人吵架');
    expect(r).toMatchObject({ precision: 'community', unitCode: 'QH-02-02', matched: true });
    expect(r.point).toBeUndefined();
  });

  it('prefers the matter’s place over the caller’s home', () => {
    const r = locate('本人是西山公寓6栋的业主，现反映湖滨农贸市场附近饭店油烟扰民');
    expect(r.parts.landmark).toBe('湖滨菜市场');
    expect(locate('我是湖滨花园的住户，垃圾好几天没人清运').parts.compound).toBe('湖滨花园');
  });

  it('lets the channel’s point win over the text', () => {
    const r = locate('东湖路128号', { longitude: 120.155, latitude: 30.255 });
    expect(r).toMatchObject({ precision: 'channel', gridCode: 'QH-03-03-04', address: '东湖路128号' });
  });

  it('says when nothing could be placed', () => {
    expect(locate('请问公积金怎么提取')).toEqual({ address: null, matched: false, precision: 'none', parts: {} });
  });

  it('works with another territory’s places', () => {
    const locator = new Locator({
      gazetteer: buildGazetteer(districtUnits(), { roads: [], compounds: [{ name: '紫藤苑', point: [120.125, 30.205] }], landmarks: [] }),
      grids,
    });
    expect(locator.locate('紫藤苑5栋').gridCode).toBe('QH-02-01-01');
    expect(locator.locate('湖滨花园').matched).toBe(false);
  });
});
