import { describe, expect, it } from 'vitest';
import { gradeUrgency } from './urgency.ts';

const level = (t: string) => gradeUrgency(t).level;

describe('urgency rules', () => {
  it.each([
    ['楼下着火了，冒了好大的烟', 'fire'],
    ['楼道里煤气泄漏了，味道很重', 'gas'],
    ['有个老人摔倒了，头在流血', 'injury'],
    ['电梯里困住人了', 'trapped'],
    ['我家孩子走失了', 'missing'],
    ['楼下有人持刀打人', 'violence'],
    ['地下车库被淹了，雨水倒灌', 'flood'],
    ['老房子的墙倒塌了', 'collapse'],
    ['有人掉进河里了，落水', 'drowning'],
  ])('%s → emergency (%s)', (text, rule) => {
    const r = gradeUrgency(text);
    expect(r.level).toBe('emergency');
    expect(r.evidence[0]).toMatchObject({ rule, level: 'emergency' });
    expect(text.includes(r.evidence[0]!.match)).toBe(true);
  });

  it('grades hazards as urgent', () => {
    expect(level('井盖没了，很危险')).toBe('urgent');
    expect(level('小区停水一整天了')).toBe('urgent');
  });

  it('grades ordinary matters as normal', () => {
    expect(level('东湖路的路灯不亮了')).toBe('normal');
    expect(level('请问公积金怎么提取')).toBe('normal');
  });

  it('does not count a negated hazard', () => {
    const r = gradeUrgency('刚才车刮了一下，没有人受伤，也没有着火');
    expect(r.level).toBe('normal');
    expect(r.discounted.map((d) => [d.match, d.reason])).toEqual(
      expect.arrayContaining([
        ['受伤', 'negated'],
        ['着火', 'negated'],
      ]),
    );
    expect(level('并未发现人员被困')).toBe('normal');
  });

  it('keeps the hazard that is not negated', () => {
    expect(level('闻到很浓的煤气味，但是没有着火')).toBe('emergency');
  });

  it('grades a feared fire as urgent, not emergency', () => {
    expect(level('电动车在楼道里充电，担心引发火灾')).toBe('urgent');
    expect(level('楼道堆满杂物，存在火灾隐患')).toBe('urgent');
  });

  it('ignores harmless smoke and resolved events', () => {
    expect(level('楼下烧烤摊天天冒烟，油烟太大')).toBe('normal');
    expect(level('昨天的火已经扑灭了')).toBe('normal');
  });
});
