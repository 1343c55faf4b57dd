import { describe, expect, it } from 'vitest';
import { DuplicateIndex, bigramDice, decide, plainText } from './dedup.ts';
import { backgroundStats } from './background.ts';
import { maskPlaces, placeWords } from './place-words.ts';
import { linjiangLocator } from './testing/linjiang.ts';

// Duplicates an agent can trust, on a territory that is not the demo's.
const locator = linjiangLocator();
const stats = backgroundStats(locator);
const T0 = Date.parse('2026-06-01T08:00:00Z');
const min = (m: number) => new Date(T0 + m * 60_000);
const index = () => new DuplicateIndex({ locator, stats });

describe('place words are not matter words', () => {
  it('masks the territory’s names, their stems and generic place words, whatever the city', () => {
    const words = placeWords(locator);
    for (const w of ['临江区', '江南街道', '桂园新村', '桂园', '望江', '枫桥', '解放大道', '南门']) expect(words.set.has(w)).toBe(true);
    expect(maskPlaces('临江区江南街道桂园新村5幢南门路灯不亮', locator).replace(/\s+/g, '')).toBe('5幢路灯不亮');
  });

  it('does not offer a sparking wire at a compound as a duplicate of that compound’s dark lamps', () => {
    const idx = index();
    ['桂园新村5幢门口那盏路灯不亮了，晚上黑乎乎的', '桂园新村南门路灯坏了好几天了', '桂园新村3幢旁边路灯晚上不亮', '临江区江南街道桂园新村路灯不亮'].forEach(
      (text, i) => idx.add({ id: `lamp${i}`, text, category: 'public-utilities', at: min(i) }),
    );
    const wire = '临江区江南街道桂园新村5幢有电线掉在地上冒火花';
    expect(idx.find({ text: wire, category: 'emergency', emergency: true, at: min(30) })).toEqual([]);
    // Even graded routine and classified alike, the place it shares is no evidence.
    expect(idx.find({ text: wire, category: 'public-utilities', at: min(30) })).toEqual([]);
  });

  it('does not pair two matters at one place by a place name the gazetteer lacks', () => {
    const idx = index();
    idx.add({ id: 'rubbish', text: '幸福里小区门口的垃圾桶满了好几天没人清运，臭得很', category: 'city-appearance', at: min(0) });
    expect(idx.find({ text: '幸福里小区门口有人占道摆摊卖水果', category: 'street-order', at: min(5) })).toEqual([]);
  });
});

describe('identical texts from different phones', () => {
  it('attaches an identical specific text even when neither names a place', () => {
    const idx = index();
    const text = '我家楼下这条路上有个大坑，电动车差点摔了，麻烦派人来填一下';
    idx.add({ id: 'first', text, category: 'roads', at: min(0) });
    const [m] = idx.find({ text: `${text}！`, category: 'roads', at: min(40) });
    expect(m).toMatchObject({ id: 'first', decision: 'attach', evidence: { identicalText: true, distanceMeters: null } });
  });

  it('only suggests a short identical text without a place', () => {
    const idx = index();
    idx.add({ id: 'short', text: '路灯不亮了', category: 'public-utilities', at: min(0) });
    const [m] = idx.find({ text: '路灯不亮了', category: 'public-utilities', at: min(3) });
    expect(m).toMatchObject({ id: 'short', decision: 'suggest', evidence: { identicalText: false } });
  });

  it('does not take the same complaint about another compound for an identical text', () => {
    const a = plainText('望江花园3栋楼道里的灯坏了一个星期了，晚上上下楼很危险');
    const b = plainText('枫桥小区8栋楼道里的灯坏了一个星期了，晚上上下楼很危险');
    expect(bigramDice(a, b)).toBeLessThan(0.9);
    const idx = index();
    idx.add({ id: 'a', text: '望江花园3栋楼道里的灯坏了一个星期了，晚上上下楼很危险', category: 'public-utilities', at: min(0) });
    const found = idx.find({ text: '枫桥小区8栋楼道里的灯坏了一个星期了，晚上上下楼很危险', category: 'public-utilities', at: min(1) });
    expect(found.every((m) => m.decision !== 'attach')).toBe(true);
  });
});

describe('emergencies and categories', () => {
  it('suggests an emergency only with another emergency of the same matter, never attaching it', () => {
    const idx = index();
    const fire = '滨江路120号一楼饭店厨房着火了，烟很大，快来人';
    idx.add({ id: 'fire', text: fire, category: 'emergency', emergency: true, at: min(0) });
    idx.add({ id: 'smoke', text: '滨江路120号饭店油烟太大，熏得楼上没法开窗', category: 'pollution', at: min(1) });
    const found = idx.find({ text: fire, category: 'emergency', emergency: true, at: min(2) });
    expect(found.map((m) => m.id)).toEqual(['fire']);
    expect(found[0]).toMatchObject({ decision: 'suggest', evidence: { emergency: true } });
    // A routine appeal is never offered an emergency, nor the other way round.
    expect(idx.find({ text: fire, category: 'emergency', at: min(3) }).map((m) => m.id)).not.toContain('fire');
  });

  it('never attaches across categories, and never pairs emergencies of different matters', () => {
    const ev = { sharedTerms: [], distanceMeters: 0, minutesApart: 1, textSimilarity: 1, sameCategory: false, identicalText: true };
    const th = { attachThreshold: 0.8, suggestThreshold: 0.4 };
    expect(decide(0.95, ev, {}, th)).toBe('suggest');
    expect(decide(0.95, ev, { emergencyA: true, emergencyB: true }, th)).toBeUndefined();
    expect(decide(0.95, { ...ev, sameCategory: true }, { emergencyA: true }, th)).toBeUndefined();
    expect(decide(0.95, { ...ev, sameCategory: true }, {}, th)).toBe('attach');
    expect(decide(0.95, { ...ev, sameCategory: true, distanceMeters: null, identicalText: false }, {}, th)).toBe('suggest');
  });
});
