import { describe, expect, it } from 'vitest';
import { YUNXI_LOCATIONS_FILE, readLocationCases, yunxiCollection } from './fixtures/index.ts';
import { buildGazetteer } from './gazetteer.ts';
import { GridLocator, Locator } from './location.ts';
import { evaluateLocations, formatLocationReport } from './location-eval.ts';
import { readTerritory } from './territory-data.ts';

// 云溪区, not the demo district: the locator knows only the territory it is given.
const { units, places } = readTerritory(yunxiCollection());
const locator = new Locator({ gazetteer: buildGazetteer(units, places), grids: new GridLocator(units) });
const locate = (text: string) => locator.locate(text);

describe('location on real text, in a territory that is not the demo', () => {
  it('resolves at least 95 % of the hand-written location set to the most precise unit the text allows, and none to a wrong grid', () => {
    const cases = readLocationCases(YUNXI_LOCATIONS_FILE);
    expect(cases.length).toBeGreaterThanOrEqual(200);
    const report = evaluateLocations(locator, cases);
    expect(report.total.correct / report.total.texts, `${formatLocationReport(report)}\n${JSON.stringify(report.misses, null, 1)}`).toBeGreaterThanOrEqual(
      0.95,
    );
    expect(report.total.wrongGrid).toBe(0);
  });

  it('places a numbered building at its own point, however the number is written', () => {
    for (const text of ['丹桂苑3号楼电梯坏了', '丹桂苑三栋楼下', '丹桂苑小区第３幢'])
      expect(locate(text), text).toMatchObject({ precision: 'building', gridCode: 'YX-GY-01-03', parts: { compound: '丹桂苑', building: 3 } });
    // A building the territory does not list stands at its compound.
    expect(locate('丹桂苑5栋')).toMatchObject({ precision: 'building', gridCode: 'YX-GY-01-04' });
  });

  it('reads two crossing roads with or without a joining word', () => {
    for (const text of ['凤鸣大道竹园路口', '竹园路与凤鸣大道交叉口', '白沙路桂园路路口', '凤鸣大道与书香路的路口'])
      expect(locate(text).precision, text).toBe('intersection');
    expect(locate('凤鸣大道竹园路口').point).toEqual({ longitude: 113.3235, latitude: 23.1105 });
  });

  it('reads a house number after 门牌 and in Chinese numerals', () => {
    expect(locate('环城北路门牌300号')).toMatchObject({ precision: 'road-number', parts: { road: '环城北路', number: 300 } });
    expect(locate('金鸡路十八号').point).toEqual(locate('金鸡路18号').point);
  });

  it('stops at the deepest unit a text identifies, and invents no grid', () => {
    const community = locate('竹园社区有人养鸽子');
    expect(community).toMatchObject({ precision: 'community', unitCode: 'YX-FM-03' });
    expect(community.gridCode).toBeUndefined();
    expect(locate('云溪区的垃圾分类政策')).toMatchObject({ precision: 'district', unitCode: 'YX' });
    // 书香路 runs inside 书香社区; 金鸡路 through two communities of 凤鸣街道.
    expect(locate('书香路上的共享单车太乱').unitCode).toBe('YX-GY-02');
    expect(locate('金鸡路上的路灯不亮').unitCode).toBe('YX-FM');
    expect(locate('桂园街道桂园路一带').unitCode).toBe('YX-GY');
  });

  it('picks between two places of one name by the street or community named, and otherwise says only what they share', () => {
    expect(locate('渔港村幸福里门口')).toMatchObject({ gridCode: 'YX-BS-02-02' });
    expect(locate('凤鸣社区幸福里小区')).toMatchObject({ gridCode: 'YX-FM-01-02' });
    const ambiguous = locate('幸福里门口的井盖不见了');
    expect(ambiguous).toMatchObject({ precision: 'compound', unitCode: 'YX' });
    expect(ambiguous.gridCode).toBeUndefined();
  });
});
