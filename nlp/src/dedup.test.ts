import { describe, expect, it } from 'vitest';
import { DEFAULT_DUPLICATE_OPTIONS, DuplicateIndex, scorePair } from './dedup.ts';
import { evaluatePairs } from './dedup-eval.ts';
import { hotIssues, hotTerms, periodKey } from './hot.ts';
import { represent } from './similarity.ts';
import { backgroundStats } from './background.ts';
import { districtLocator } from './corpus/district.ts';

// The texts name places of the corpus district; the engine reads them through its locator.
const locator = districtLocator();
const stats = backgroundStats(locator);
const score = (a: string, b: string) => scorePair(represent(a, { stats, locator }), represent(b, { stats, locator }), stats, { withTerms: true });
const T0 = Date.parse('2026-05-01T08:00:00Z');
const min = (m: number) => new Date(T0 + m * 60_000);

describe('duplicate scorer', () => {
  it('scores a paraphrase of the same matter at the same place above the suggest threshold', () => {
    const r = score('东湖路128号门口的路灯不亮了', '喂，你好，东湖路128号那边路灯坏了，晚上黑漆漆的');
    expect(r.score).toBeGreaterThanOrEqual(DEFAULT_DUPLICATE_OPTIONS.suggestThreshold);
    expect(r.evidence.sharedTerms).toContain('路灯');
    expect(r.evidence.distanceMeters).toBe(0);
  });

  it('scores the same words for a different matter lower than a paraphrase', () => {
    const same = score('湖滨花园3栋楼下的路灯不亮了', '湖滨花园三栋下面路灯坏了，晚上一片漆黑');
    const other = score('湖滨花园3栋楼下的路灯不亮了', '湖滨花园3栋楼下的路灯杆倒了');
    expect(other.score).toBeLessThan(same.score);
    expect(other.score).toBeLessThan(0.4);
  });

  it('never pairs appeals too far apart, and discounts another building', () => {
    expect(score('东湖路128号路灯不亮', '民生路500号路灯不亮').score).toBe(0);
    const building = score('湖滨花园3栋楼道小广告泛滥', '湖滨花园12栋楼道小广告泛滥');
    const same = score('湖滨花园3栋楼道小广告泛滥', '湖滨花园3栋楼道里贴满了小广告');
    expect(building.score).toBeLessThan(same.score);
  });

  it('discounts a different category and a long time apart', () => {
    const a = represent('学府家园停水了', { stats, locator });
    const b = represent('学府家园小区停水了，没有水', { stats, locator });
    const base = scorePair(a, b, stats).score;
    expect(scorePair(a, b, stats, { categoryA: 'utility-services', categoryB: 'pollution' }).score).toBeLessThan(base);
    expect(scorePair(a, b, stats, { minutesApart: 6 * 24 * 60 }).score).toBeLessThan(base);
  });

  it('evaluates pair files at the shipped and the best threshold', () => {
    const r = evaluatePairs(
      [
        { text1: '东湖路128号路灯不亮了', text2: '东湖路128号的路灯坏了', label: 1 },
        { text1: '东湖路128号路灯不亮了', text2: '民生路500号井盖没了', label: 0 },
      ],
      { locator },
    );
    expect(r).toMatchObject({ pairs: 2, positives: 1, precision: 1, recall: 1, f1: 1 });
    expect(r.best.f1).toBe(1);
  });
});

describe('duplicate index', () => {
  const make = () => {
    const index = new DuplicateIndex({ locator, stats, windowMinutes: 3 * 24 * 60, attachThreshold: 0.75, suggestThreshold: 0.4 });
    index.add({ id: 'lamp', text: '东湖路128号门口的路灯不亮了，晚上很黑', category: 'public-utilities', at: min(0) });
    index.add({ id: 'pole', text: '西山路300号的路灯杆被车撞倒了', category: 'public-utilities', at: min(10) });
    index.add({ id: 'noise', text: '锦绣华庭楼下KTV唱歌唱到凌晨两点', category: 'pollution', at: min(20) });
    index.add({ id: 'water', text: '学府家园小区停水一整天了', category: 'utility-services', at: min(30) });
    return index;
  };

  it('finds the open appeal a new one duplicates, with evidence and a decision', () => {
    const index = make();
    const found = index.find({ text: '喂，东湖路128号那里的路灯坏了，黑乎乎的', category: 'public-utilities', at: min(60) });
    expect(found[0]).toMatchObject({ id: 'lamp' });
    expect(['attach', 'suggest']).toContain(found[0]!.decision);
    expect(found[0]!.evidence).toMatchObject({ distanceMeters: 0, minutesApart: 60, sameCategory: true });
    expect(found[0]!.evidence.sharedTerms).toContain('路灯');
    expect(found.map((m) => m.id)).not.toContain('noise');
  });

  it('attaches a near-identical report and suggests a looser one', () => {
    const index = make();
    const same = index.find({ text: '东湖路128号门口的路灯不亮了，晚上很黑', category: 'public-utilities', at: min(5) });
    expect(same[0]).toMatchObject({ id: 'lamp', decision: 'attach' });
    const strict = new DuplicateIndex({ locator, stats, attachThreshold: 1, suggestThreshold: 0.99 });
    strict.add({ id: 'lamp', text: '东湖路128号门口的路灯不亮了', at: min(0) });
    expect(strict.find({ text: '东湖路128号那边路灯坏了', at: min(1) })).toEqual([]);
  });

  it('uses the channel point: the same words far away are not a duplicate', () => {
    const index = make();
    expect(index.find({ text: '路灯不亮了，晚上很黑', point: { longitude: 120.155, latitude: 30.255 }, at: min(60) })).toEqual([]);
    expect(index.find({ text: '路灯不亮了，晚上很黑', point: { longitude: 120.106, latitude: 30.2128 }, at: min(60) })[0]?.id).toBe('lamp');
  });

  it('ignores appeals outside the time window', () => {
    const index = make();
    expect(index.find({ text: '学府家园小区停水了', at: min(60) })[0]?.id).toBe('water');
    expect(index.find({ text: '学府家园小区停水了', at: min(5 * 24 * 60) })).toEqual([]);
  });

  it('forgets removed and pruned appeals, and excludes the appeal itself', () => {
    const index = make();
    expect(index.size).toBe(4);
    expect(index.remove('water')).toBe(true);
    expect(index.remove('water')).toBe(false);
    expect(index.find({ text: '学府家园小区停水了', at: min(60) })).toEqual([]);
    expect(index.find({ id: 'lamp', text: '东湖路128号门口的路灯不亮了，晚上很黑', at: min(1) })).toEqual([]);
    expect(index.prune(min(15))).toBe(2);
    expect(index.size).toBe(1);
    expect(index.has('noise')).toBe(true);
  });

  it('replaces an appeal added again under the same id', () => {
    const index = make();
    index.add({ id: 'water', text: '学府家园小区停电了', at: min(40) });
    expect(index.size).toBe(4);
    expect(index.find({ text: '学府家园小区停电了', at: min(60) })[0]?.id).toBe('water');
  });
});

describe('hot words and hot issues', () => {
  it('ranks content words by how many appeals mention them, without stop words or places', () => {
    const top = hotTerms(['喂，东湖路的路灯不亮了', '湖滨花园路灯坏了', '那个，路灯不亮，就是很黑', '油烟太大了'], { locator, top: 3 });
    expect(top[0]).toEqual({ term: '路灯', docs: 3, count: 3 });
    expect(top.map((t) => t.term)).toContain('不亮');
    expect(top.map((t) => t.term)).not.toContain('东湖路');
    expect(top.map((t) => t.term)).not.toContain('那个');
  });

  it('groups duplicate clusters per day and street', () => {
    const groups = hotIssues(
      [
        { id: '1', text: '东湖路128号路灯不亮了', at: '2026-05-01T01:00:00Z', category: 'public-utilities' },
        { id: '2', text: '东湖路128号那边的路灯坏了，晚上很黑', at: '2026-05-01T02:00:00Z', category: 'public-utilities' },
        { id: '3', text: '东湖路128号路灯不亮，请修一下', at: '2026-05-01T03:00:00Z', category: 'public-utilities' },
        { id: '4', text: '丰收苑小区停水了', at: '2026-05-01T03:00:00Z' },
        { id: '5', text: '东湖路128号路灯不亮了', at: '2026-05-02T03:00:00Z' },
      ],
      { locator, period: 'day' },
    );
    const donghu = groups.find((g) => g.period === '2026-05-01' && g.street === 'QH-01')!;
    expect(donghu.clusters[0]).toMatchObject({ ids: ['1', '2', '3'], size: 3, category: 'public-utilities' });
    expect(donghu.clusters[0]!.terms).toContain('路灯');
    expect(groups.find((g) => g.street === 'QH-03')!.clusters).toEqual([]);
    expect(groups.find((g) => g.period === '2026-05-02')!.appeals).toBe(1);
  });

  it('keys periods in the hotline’s time zone, weeks by ISO number', () => {
    expect(periodKey(new Date('2026-04-30T17:00:00Z'), 'day', 'Asia/Shanghai')).toBe('2026-05-01');
    expect(periodKey(new Date('2026-01-01T04:00:00Z'), 'week', 'Asia/Shanghai')).toBe('2026-W01');
    expect(periodKey(new Date('2027-01-01T04:00:00Z'), 'week', 'Asia/Shanghai')).toBe('2026-W53');
  });
});
