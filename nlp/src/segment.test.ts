import { describe, expect, it } from 'vitest';
import { Segmenter, contentTerms, segment } from './segment.ts';
import { charNgrams, chineseToNumber, normalize } from './text.ts';
import { districtLocator } from './corpus/district.ts';

describe('segmentation', () => {
  it('knows the domain words; a territory’s place names are taught by its locator', () => {
    expect(segment('还有人占道经营')).toContain('占道经营');
    // No city by default: before any territory is given, a compound's name is two words.
    expect(segment('湖滨花园门口')).not.toContain('湖滨花园');
    districtLocator();
    expect(segment('湖滨花园门口')).toContain('湖滨花园');
  });

  it('keeps the place names of the territory served and domain words whole', () => {
    districtLocator();
    const tokens = segment('喂，我是湖滨花园3栋的，东湖路128号门口的路灯不亮了，还有人占道经营');
    expect(tokens).toEqual(expect.arrayContaining(['湖滨花园', '东湖路', '路灯', '占道经营']));
    expect(tokens).not.toContain('，');
  });

  it('drops stop words, spoken fillers and numbers from content terms', () => {
    districtLocator();
    const terms = contentTerms('喂，那个，就是，我想反映一下，湖滨花园的路灯不亮了啊，3栋');
    expect(terms).toEqual(['湖滨花园', '路灯', '不亮']);
  });

  it('learns new words for a deployment', () => {
    const seg = new Segmenter();
    expect(seg.cut('紫藤苑小区')).not.toContain('紫藤苑');
    seg.addWords(['紫藤苑']);
    expect(seg.cut('紫藤苑小区')).toContain('紫藤苑');
  });
});

describe('text helpers', () => {
  it('normalises full-width characters and spaces', () => {
    expect(normalize('  ＡＢＣ１２３　路灯  ')).toBe('abc123 路灯');
  });

  it('reads Chinese numerals', () => {
    expect(chineseToNumber('一百二十八')).toBe(128);
    expect(chineseToNumber('十五')).toBe(15);
    expect(chineseToNumber('三')).toBe(3);
    expect(chineseToNumber('一二八')).toBe(128);
    expect(chineseToNumber('路灯')).toBeUndefined();
  });

  it('makes character n-grams inside runs only, digits collapsed', () => {
    expect(charNgrams('路灯，128号', 2, 2)).toEqual(['路灯', '0号']);
  });
});
