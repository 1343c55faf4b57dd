import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORPUS_FILE } from './background.ts';
import { AppealClassifier, type Example } from './classifier.ts';
import { readExamples } from './dataset.ts';
import { evaluate, stratifiedFolds } from './metrics.ts';

const corpus = readExamples(CORPUS_FILE);
const folds = stratifiedFolds(
  corpus.map((e) => e.category),
  5,
  7,
);
const train = corpus.filter((_, i) => folds[i] !== 0);
const heldOut = corpus.filter((_, i) => folds[i] === 0);
let model: AppealClassifier;
const dir = mkdtempSync(join(tmpdir(), 'nlp-model-'));

// Training takes a few seconds, longer on a busy machine: the hook gets a minute.
beforeAll(() => {
  model = AppealClassifier.train(train, { modelVersion: 'test-1' });
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('appeal classifier', () => {
  it('classifies held-out lines of the shipped corpus', () => {
    const out = heldOut.map((e) => model.classify(e.text));
    const cat = evaluate(
      heldOut.map((e) => e.category),
      out.map((c) => c.category.label),
    );
    const typ = evaluate(
      heldOut.map((e) => e.type!),
      out.map((c) => c.type!.label),
    );
    expect(cat.macroF1).toBeGreaterThan(0.85);
    expect(typ.macroF1).toBeGreaterThan(0.9);
  });

  it('answers with label, confidence, the top three and the model version', () => {
    const c = model.classify('东湖路128号门口的路灯不亮了，晚上很黑，请尽快派人修一下');
    expect(c.modelVersion).toBe('test-1');
    expect(c.category.label).toBe('public-utilities');
    expect(c.category.alternatives).toHaveLength(3);
    expect(c.category.alternatives[0]).toEqual({ label: c.category.label, confidence: c.category.confidence });
    expect(c.category.confidence).toBeGreaterThan(c.category.alternatives[1]!.confidence);
    expect(c.type?.label).toBe('help');
    expect(model.classify('请问公积金怎么提取？').type?.label).toBe('consultation');
    expect(model.classify('我要举报有人在楼顶违法搭建彩钢房').category.label).toBe('illegal-construction');
  });

  it('puts chit-chat into None instead of forcing a matter', () => {
    for (const text of ['你好', '喂，听得到吗', '谢谢，再见']) expect(model.classify(text).category.label).toBe('None');
  });

  it('saves to a directory and loads back to the same answers', () => {
    model.save(dir);
    const loaded = AppealClassifier.load(dir);
    expect(loaded.modelVersion).toBe('test-1');
    for (const e of heldOut.slice(0, 20)) expect(loaded.classify(e.text)).toEqual(model.classify(e.text));
  });

  it('trains on any labels, with or without types', () => {
    const data: Example[] = [
      ...Array.from({ length: 8 }, (_, i) => ({ text: `小区门口的路灯坏了${i}号`, category: '城乡建设' })),
      ...Array.from({ length: 8 }, (_, i) => ({ text: `学校周边交通拥堵，校车${i}路晚点`, category: '交通运输' })),
    ];
    const m = AppealClassifier.train(data, { modelVersion: 'tiny' });
    expect(m.type).toBeNull();
    expect(m.classify('校车总是晚点').category.label).toBe('交通运输');
    expect(m.classify('校车总是晚点').type).toBeNull();
  });
});
