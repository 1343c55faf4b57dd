import { describe, expect, it } from 'vitest';
import { Rng } from './random.ts';
import { buildPlan, channelNames, clusterSlots, defaultMix, scenarioText } from './plan.ts';
import { appealTemplates, duplicateClusters, places, pointIn, toSpoken } from './texts.ts';

describe('the seeded random source', () => {
  it('replays the same sequence for the same seed, another for another', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    const seq = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(seq);
    expect(new Rng(43).next()).not.toBe(seq[0]);
    expect(seq.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('draws by weight and never a zero weight', () => {
    const rng = new Rng(1);
    const counts = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < 4000; i++) counts[rng.weighted({ a: 3, b: 1, c: 0 })]++;
    expect(counts.c).toBe(0);
    expect(counts.a / counts.b).toBeGreaterThan(2.4);
    expect(counts.a / counts.b).toBeLessThan(3.7);
  });
});

describe('the corpus', () => {
  it('has many varied appeals over many categories, all in 青禾区 places', () => {
    expect(appealTemplates.length).toBeGreaterThanOrEqual(60);
    expect(new Set(appealTemplates.map((t) => t.category)).size).toBeGreaterThanOrEqual(12);
    expect(new Set(appealTemplates.map((t) => t.text)).size).toBe(appealTemplates.length);
    expect(places.map((p) => p.community)).toEqual(['湖滨社区', '柳岸社区', '荷花社区', '松林社区', '翠峰社区', '石桥社区', '南桥村', '稻香村', '新河社区']);
  });

  it('draws points inside the demo district (120.10–120.16 E, 30.20–30.26 N) and inside the place', () => {
    const rng = new Rng(5);
    for (const place of places) {
      for (let i = 0; i < 20; i++) {
        const { longitude, latitude } = pointIn(place, rng);
        const [west, south, east, north] = place.box;
        expect(longitude).toBeGreaterThan(Math.max(west, 120.1));
        expect(longitude).toBeLessThan(Math.min(east, 120.16));
        expect(latitude).toBeGreaterThan(Math.max(south, 30.2));
        expect(latitude).toBeLessThan(Math.min(north, 30.26));
      }
    }
    for (const cluster of duplicateClusters) {
      const [west, south, east, north] = cluster.place.box;
      expect(cluster.point.longitude > west && cluster.point.longitude < east && cluster.point.latitude > south && cluster.point.latitude < north).toBe(true);
    }
  });

  it('makes speech sound spoken', () => {
    const spoken = toSpoken('柳岸路的路灯坏了，晚上很黑！', new Rng(3));
    expect(spoken).toMatch(/^(喂|你好|哎)/);
    expect(spoken).not.toMatch(/！/);
  });
});

describe('the plan', () => {
  it('is the same for the same seed', () => {
    expect(buildPlan({ count: 50, seed: 9 })).toEqual(buildPlan({ count: 50, seed: 9 }));
    expect(buildPlan({ count: 50, seed: 10 })).not.toEqual(buildPlan({ count: 50, seed: 9 }));
  });

  it('follows the channel mix, with follow-ups, MMS, safe mode and progress calls among them', () => {
    const plan = buildPlan({ count: 1000, seed: 1 });
    const share = (c: string) => plan.filter((s) => s.channel === c).length / plan.length;
    const total = channelNames.reduce((n, c) => n + defaultMix[c], 0);
    for (const c of channelNames) expect(Math.abs(share(c) - defaultMix[c] / total)).toBeLessThan(0.05);
    expect(plan.some((s) => s.channel === 'sms' && s.followUp)).toBe(true);
    expect(plan.some((s) => s.channel === 'sms' && s.mms)).toBe(true);
    expect(plan.some((s) => s.channel === 'wechat' && s.safeMode) && plan.some((s) => s.channel === 'wechat' && !s.safeMode)).toBe(true);
    expect(new Set(plan.flatMap((s) => (s.channel === 'wechat' ? [s.message.type] : [])))).toEqual(new Set(['text', 'voice', 'image', 'location']));
    expect(plan.some((s) => s.channel === 'voice' && s.call.kind === 'lookup')).toBe(true);
  });

  it('lets a repeat texter be the same phone number, but never has one number in two calls', () => {
    const plan = buildPlan({ count: 1000, seed: 2 });
    const sms = plan.flatMap((s) => (s.channel === 'sms' ? [s.from] : []));
    expect(new Set(sms).size).toBeLessThan(sms.length);
    const reportCallers = plan.flatMap((s) => (s.channel === 'voice' && s.call.kind === 'report' ? [s.from] : []));
    expect(new Set(reportCallers).size).toBe(reportCallers.length);
    expect(plan.every((s) => s.channel !== 'sms' || /^\+861\d{10}$/.test(s.from))).toBe(true);
  });

  it('spreads a duplicate cluster over the run, on several channels, from distinct citizens', () => {
    const plan = buildPlan({ count: 30, seed: 4 });
    const cluster = plan.filter((s) => s.cluster);
    expect(cluster).toHaveLength(duplicateClusters[0]!.reports.length);
    expect(new Set(cluster.map((s) => s.channel))).toEqual(new Set(channelNames));
    expect(cluster.map(scenarioText)).toEqual(duplicateClusters[0]!.reports.map((r) => r.text));
    expect([...clusterSlots(30).keys()].sort((a, b) => a - b)).toEqual([3, 9, 15, 21, 27]);
    expect(clusterSlots(100).size).toBe(9);
  });

  it('moves a cluster report off a channel that is switched off', () => {
    const plan = buildPlan({ count: 30, seed: 4, mix: { sms: 1, voice: 0, wechat: 0, web: 1 } });
    expect(plan.every((s) => s.channel === 'sms' || s.channel === 'web')).toBe(true);
    expect(plan.filter((s) => s.cluster)).toHaveLength(5);
  });
});
