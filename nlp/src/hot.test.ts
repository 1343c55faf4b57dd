import { describe, expect, it } from 'vitest';
import { hotIssues, hotTerms, trendOf } from './hot.ts';
import { linjiangLocator } from './testing/linjiang.ts';

// Hot words and hot issues on a territory that is not the demo's.
const locator = linjiangLocator();

describe('hot words that mean something', () => {
  it('leaves out spoken fillers, time words and the territory’s own place names', () => {
    const texts = [
      '临江区江南街道桂园新村那盏路灯晚上不亮，有人差点摔倒',
      '桂园新村的路灯好几天不亮了，晚上很黑',
      '有人说望江花园的井盖没了好几天，坑很大',
      '枫桥小区门口那盏路灯三天没亮了，晚上太吓人',
      '解放路上有人晚上烧烤，油烟很大',
    ];
    const words = hotTerms(texts, { locator, top: 10 }).map((t) => t.term);
    expect(words[0]).toBe('路灯');
    expect(words).toContain('井盖');
    for (const filler of ['有人', '晚上', '几天', '好几天', '那盏', '很大', '三天', '临江区', '桂园', '新村', '桂园新村', '望江', '枫桥', '解放路'])
      expect(words).not.toContain(filler);
  });

  it('says how each word moved since the period before', () => {
    const now = ['路灯不亮', '路灯坏了', '路灯不亮了', '路灯闪', '井盖没了', '油烟太大'];
    const before = ['路灯不亮', '油烟太大', '油烟呛人', '油烟扰民', '油烟熏人'];
    const byTerm = new Map(hotTerms(now, { locator, previous: before }).map((t) => [t.term, t]));
    expect(byTerm.get('路灯')).toMatchObject({ docs: 4, previousDocs: 1, trend: 'up' });
    expect(byTerm.get('井盖')).toMatchObject({ docs: 1, previousDocs: 0, trend: 'new' });
    expect(byTerm.get('油烟')).toMatchObject({ docs: 1, previousDocs: 4, trend: 'down' });
    expect(trendOf(5, 5)).toBe('steady');
    expect(trendOf(3, 2)).toBe('steady'); // one text more is not a trend
  });
});

describe('hot issues that group by matter', () => {
  const at = (h: number) => new Date(Date.UTC(2026, 5, 1, h)).toISOString();
  const record = (id: string, text: string, h: number, extra: { category?: string; emergency?: boolean } = {}) => ({
    id,
    text,
    at: at(h),
    gridCode: 'LJ-01-01-01',
    ...extra,
  });

  it('keeps two matters at one compound apart, and an emergency out of the routine cluster', () => {
    const groups = hotIssues(
      [
        record('l1', '桂园新村5幢门口路灯不亮了', 1, { category: 'public-utilities' }),
        record('l2', '桂园新村南门的路灯晚上不亮', 2, { category: 'public-utilities' }),
        record('l3', '桂园新村路灯坏了不亮', 3, { category: 'public-utilities' }),
        record('w1', '桂园新村5幢有电线掉在地上冒火花', 4, { category: 'emergency', emergency: true }),
        record('g1', '桂园新村门口垃圾没人清运，臭得很', 5, { category: 'city-appearance' }),
        record('g2', '桂园新村大门口的垃圾好几天没人清运了', 6, { category: 'city-appearance' }),
      ],
      { locator, period: 'day', timeZone: 'UTC' },
    );
    const [street] = groups;
    expect(street).toMatchObject({ street: 'LJ-01', appeals: 6 });
    const clusters = street!.clusters.map((c) => c.ids.sort());
    expect(clusters).toContainEqual(['l1', 'l2', 'l3']);
    expect(clusters).toContainEqual(['g1', 'g2']);
    expect(clusters.flat()).not.toContain('w1');
    expect(street!.clusters.every((c) => !c.terms.includes('桂园新村') && !c.terms.includes('新村'))).toBe(true);
  });
});
