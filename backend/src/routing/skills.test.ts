import { describe, expect, it } from 'vitest';
import { appealLanguage, canTake, hasRoom, workKind } from './skills.ts';
import { pickAgent } from './auto-assign.ts';

const chinese = { channel: 'web' as const, summary: '小区门口路灯不亮', platform: 'services' };
const english = { channel: 'sms' as const, summary: 'The street light outside my building is broken', platform: null };

describe('who may take an appeal', () => {
  it('reads the language from the text: any Han character is Chinese', () => {
    expect(appealLanguage('小区门口路灯不亮')).toBe('zh');
    expect(appealLanguage('Lakeside Garden 3号楼 漏水')).toBe('zh');
    expect(appealLanguage('The street light is broken')).toBe('en');
    expect(appealLanguage('12345')).toBe('zh');
  });

  it('lets an agent without skills take anything', () => {
    expect(canTake(undefined, chinese)).toBe(true);
    expect(canTake(null, english)).toBe(true);
  });

  it('checks channel, language and platform, an empty list restricting nothing', () => {
    const webChinese = { channels: ['web', 'wechat'], languages: ['zh-CN'], platforms: [] };
    expect(canTake(webChinese, chinese)).toBe(true);
    expect(canTake(webChinese, { ...chinese, channel: 'voice' })).toBe(false);
    expect(canTake(webChinese, { ...english, channel: 'web' })).toBe(false);
    expect(canTake({ channels: [], languages: ['en'], platforms: [] }, english)).toBe(true);
    expect(canTake({ channels: [], languages: [], platforms: ['market'] }, chinese)).toBe(false);
    expect(canTake({ channels: [], languages: [], platforms: ['services', 'market'] }, chinese)).toBe(true);
  });

  it('does not hold back an appeal without a category on the platform rule', () => {
    expect(canTake({ channels: [], languages: [], platforms: ['market'] }, { ...chinese, platform: null })).toBe(true);
  });

  it('weighs calls on the calls capacity and everything written on the chats capacity', () => {
    expect(workKind('voice')).toBe('calls');
    expect(['sms', 'wechat', 'web'].map((c) => workKind(c as 'sms'))).toEqual(['chats', 'chats', 'chats']);
    expect(hasRoom({ chats: 3, calls: 1 }, { chats: 4, calls: 1 }, 'chats')).toBe(true);
    expect(hasRoom({ chats: 3, calls: 1 }, { chats: 4, calls: 1 }, 'calls')).toBe(false);
  });
});

describe('picking the agent', () => {
  const capacity = { chats: 4, calls: 1 };
  const agent = (id: string, chats: number, calls = 0, skills?: { channels: string[]; languages: string[]; platforms: string[] }) => ({
    id,
    skills,
    load: { chats, calls },
    capacity,
  });

  it('takes the least loaded in the kind of work, then overall, then the first', () => {
    expect(pickAgent([agent('a', 2), agent('b', 1), agent('c', 1)], chinese)?.id).toBe('b');
    expect(pickAgent([agent('a', 1, 1), agent('b', 1, 0)], chinese)?.id).toBe('b');
    expect(pickAgent([agent('a', 3, 0), agent('b', 0, 1)], { ...chinese, channel: 'voice' })?.id).toBe('a');
  });

  it('skips the full and the unskilled, and finds nobody when all are', () => {
    expect(pickAgent([agent('a', 4), agent('b', 3, 0, { channels: ['voice'], languages: [], platforms: [] }), agent('c', 3)], chinese)?.id).toBe('c');
    expect(pickAgent([agent('a', 4), agent('b', 0, 0, { channels: [], languages: ['zh'], platforms: [] })], english)).toBeUndefined();
  });

  it('reads each agent’s own capacity', () => {
    const roomy = { ...agent('a', 4), capacity: { chats: 6, calls: 1 } };
    expect(pickAgent([roomy, agent('b', 4)], chinese)?.id).toBe('a');
    expect(pickAgent([{ ...agent('a', 0), capacity: { chats: 0, calls: 1 } }], chinese)).toBeUndefined();
  });
});
