import { describe, expect, it } from 'vitest';
import { loadConfig } from './env.ts';

describe('configuration', () => {
  it('has sensible defaults for a first run', () => {
    expect(loadConfig({})).toMatchObject({
      port: 3000,
      dataDir: './data',
      databaseUrl: undefined,
      publicUrl: 'http://localhost:3000',
      timezone: 'Asia/Shanghai',
    });
  });

  it('treats an empty DATABASE_URL as unset, and takes a postgres URL', () => {
    expect(loadConfig({ DATABASE_URL: '' }).databaseUrl).toBeUndefined();
    expect(loadConfig({ DATABASE_URL: 'postgres://u@db:5432/hotline' }).databaseUrl).toBe('postgres://u@db:5432/hotline');
  });

  it('drops a trailing slash from PUBLIC_URL, since signatures are computed over it', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://12345.example.gov.cn/' }).publicUrl).toBe('https://12345.example.gov.cn');
  });

  it('names every bad variable in one message', () => {
    expect(() => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', DEMO_PASSWORD: 'short' })).toThrow(
      /PORT[\s\S]*DATABASE_URL: must be a postgres:\/\/ or postgresql:\/\/ URL[\s\S]*DEMO_PASSWORD: must be at least 8 characters/,
    );
    expect(() => loadConfig({ HOTLINE_TIMEZONE: 'Mars/Olympus' })).toThrow(/HOTLINE_TIMEZONE: unknown time zone/);
    expect(() => loadConfig({ DEDUP_ATTACH_THRESHOLD: '0.5', DEDUP_SUGGEST_THRESHOLD: '0.6' })).toThrow(
      /DEDUP_SUGGEST_THRESHOLD: must not be above DEDUP_ATTACH_THRESHOLD/,
    );
  });

  it('routes automatically by default, with room for 4 chats and 1 call per agent', () => {
    expect(loadConfig({}).routing).toEqual({ mode: 'auto', capacity: { chats: 4, calls: 1 } });
    expect(loadConfig({ ROUTING_MODE: 'manual', AGENT_CAPACITY_CHATS: '6', AGENT_CAPACITY_CALLS: '0' }).routing).toEqual({
      mode: 'manual',
      capacity: { chats: 6, calls: 0 },
    });
    const bad = () => loadConfig({ ROUTING_MODE: 'random', AGENT_CAPACITY_CHATS: '0', AGENT_CAPACITY_CALLS: 'one' });
    for (const name of ['ROUTING_MODE', 'AGENT_CAPACITY_CHATS', 'AGENT_CAPACITY_CALLS']) expect(bad).toThrow(new RegExp(`${name}: `));
  });

  it('WeChat: safe-mode pushes only once WECHAT_AES_KEY is set, unless in compatible mode; 5 minutes of clock difference', () => {
    const aesKey = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';
    expect(loadConfig({ WECHAT_TOKEN: 'token1' }).wechat).toMatchObject({ acceptPlaintext: true, maxClockSkewSeconds: 300 });
    expect(loadConfig({ WECHAT_TOKEN: 'token1', WECHAT_AES_KEY: aesKey }).wechat).toMatchObject({ acceptPlaintext: false });
    expect(loadConfig({ WECHAT_TOKEN: 'token1', WECHAT_AES_KEY: aesKey, WECHAT_COMPATIBLE_MODE: '1' }).wechat).toMatchObject({ acceptPlaintext: true });
    expect(loadConfig({ WECHAT_TOKEN: 'token1', WECHAT_MAX_CLOCK_SKEW_SECONDS: '60' }).wechat?.maxClockSkewSeconds).toBe(60);
    expect(() => loadConfig({ WECHAT_TOKEN: 'token1', WECHAT_COMPATIBLE_MODE: '1' })).toThrow(/WECHAT_COMPATIBLE_MODE: .*set WECHAT_AES_KEY/);
    for (const [name, value] of [
      ['WECHAT_COMPATIBLE_MODE', 'yes'],
      ['WECHAT_MAX_CLOCK_SKEW_SECONDS', '0'],
      ['WECHAT_MAX_CLOCK_SKEW_SECONDS', '86400'],
    ]) {
      expect(() => loadConfig({ WECHAT_TOKEN: 'token1', WECHAT_AES_KEY: aesKey, [name!]: value })).toThrow(new RegExp(`${name}: `));
    }
  });
});
