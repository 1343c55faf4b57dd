import { describe, expect, it } from 'vitest';
import { AppealClassifier, type Example } from './classifier.ts';
import { ModelRegistry, type Timer, type TrainFn } from './registry.ts';

/** A timer the test advances by hand. */
function fakeTimer() {
  let now = 0;
  const pending: { at: number; fn: () => void; id: number }[] = [];
  let next = 1;
  const timer: Timer = {
    setTimeout: (fn, ms) => {
      pending.push({ at: now + ms, fn, id: next });
      return next++;
    },
    clearTimeout: (id) => {
      const i = pending.findIndex((p) => p.id === id);
      if (i >= 0) pending.splice(i, 1);
    },
  };
  const advance = (ms: number) => {
    now += ms;
    for (const p of pending.filter((p) => p.at <= now)) {
      pending.splice(pending.indexOf(p), 1);
      p.fn();
    }
  };
  return { timer, advance, pending };
}

const base: Example[] = [
  ...['路灯不亮了', '路灯坏了晚上很黑', '井盖丢了', '井盖破了', '消防栓漏水'].map((text) => ({ text, category: 'public-utilities', type: 'help' })),
  ...['饭店油烟太大', '广场舞噪音扰民', '工厂偷排污水', 'KTV太吵了', '河水发黑发臭'].map((text) => ({ text, category: 'pollution', type: 'complaint' })),
];
const bikes = '共享单车堆满了地铁口';

describe('model registry', () => {
  it('retrains once, 2 s after the last correction, and serves the new version', async () => {
    const { timer, advance } = fakeTimer();
    let trainings = 0;
    const train: TrainFn = (examples, opts) => {
      trainings++;
      return AppealClassifier.train(examples, opts);
    };
    const swaps: string[] = [];
    const registry = new ModelRegistry({ baseExamples: base, timer, train, onSwap: (m) => swaps.push(m.modelVersion) });
    await registry.start();
    expect(registry.version).toBe('v1');
    expect(registry.classify(bikes).modelVersion).toBe('v1');
    expect(registry.classify(bikes).category.label).not.toBe('street-order');

    for (const text of [bikes, '共享单车乱停乱放', '人行道上全是共享单车']) {
      registry.correct({ text, category: 'street-order', type: 'complaint' });
      advance(1000);
    }
    expect(trainings).toBe(1);
    expect(registry.busy).toBe(true);
    advance(999); // 1,999 ms after the last correction
    expect(trainings).toBe(1);
    advance(1);
    await registry.whenIdle();
    expect(trainings).toBe(2);
    expect(swaps).toEqual(['v1', 'v2']);
    const after = registry.classify(bikes);
    expect(after.modelVersion).toBe('v2');
    expect(after.category.label).toBe('street-order');
    expect(registry.busy).toBe(false);
  });

  it('loads stored corrections at start and continues the version of a loaded model', async () => {
    const initial = AppealClassifier.train(base, { modelVersion: 'v7' });
    const registry = new ModelRegistry({
      baseExamples: base,
      initial,
      timer: fakeTimer().timer,
      store: { loadCorrections: async () => [{ text: bikes, category: 'street-order' }] },
    });
    expect(registry.version).toBe('v7');
    await registry.start();
    expect(registry.version).toBe('v8');
    expect(registry.corrections).toHaveLength(1);
    expect(registry.classify(bikes).category.label).toBe('street-order');
  });

  it('keeps serving the old model while a retrain runs, and queues a correction that arrives meanwhile', async () => {
    let release!: () => void;
    let calls = 0;
    const train: TrainFn = async (examples, opts) => {
      calls++;
      if (calls === 2) await new Promise<void>((r) => (release = r));
      return AppealClassifier.train(examples, opts);
    };
    const registry = new ModelRegistry({ baseExamples: base, timer: fakeTimer().timer, train });
    await registry.start();
    const running = registry.retrainNow();
    await Promise.resolve();
    expect(registry.classify('路灯不亮').modelVersion).toBe('v1');
    registry.correct({ text: bikes, category: 'street-order' });
    const queued = registry.retrainNow();
    release();
    await Promise.all([running, queued]);
    expect(registry.version).toBe('v3');
    expect(calls).toBe(3);
  });
});
