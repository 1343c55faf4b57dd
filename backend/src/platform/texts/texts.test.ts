import { describe, expect, it } from 'vitest';
import { type CitizenTexts, citizenLanguages, citizenTexts, citizenTime } from './index.ts';

/** Every leaf of a catalogue with its path: a function is called with sample arguments, so its wording is checked too. */
function leaves(node: unknown, path = ''): [string, unknown][] {
  if (typeof node === 'function') return [[path, (node as (...args: unknown[]) => unknown)('20261122000123', 'U', '2026-12-01', 'x')]];
  if (node && typeof node === 'object') return Object.entries(node).flatMap(([key, value]) => leaves(value, path ? `${path}.${key}` : key));
  return [[path, node]];
}
const CJK = /[\u4e00-\u9fff]/;
/** Chinese wording: Han characters, or the full-width marks (【】, ：) of a text that wraps other words. */
const CHINESE = /[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef]/;

describe('the catalogue of citizen texts', () => {
  const zh = leaves(citizenTexts('zh-CN'));
  const en = leaves(citizenTexts('en'));

  it('has every key in both languages', () => {
    expect(en.map(([path]) => path)).toEqual(zh.map(([path]) => path));
  });

  it.each(citizenLanguages)('has no empty text in %s', (language) => {
    for (const [path, text] of leaves(citizenTexts(language))) expect(text, path).toEqual(expect.stringMatching(/\S/));
  });

  it('speaks Chinese in zh-CN and English in en (no text left untranslated)', () => {
    const spoken = (texts: [string, unknown][]) => texts.filter(([path]) => !/(^|\.)(language|locale)$/.test(path));
    for (const [path, text] of spoken(zh)) expect(String(text), path).toMatch(CHINESE);
    for (const [path, text] of spoken(en)) expect(String(text), path).not.toMatch(CJK);
  });

  it('writes times the way each language reads them, in the hotline zone', () => {
    const at = new Date('2026-11-25T09:30:00Z');
    expect(citizenTime(citizenTexts('zh-CN'), at, 'Asia/Shanghai')).toBe('2026年11月25日 17:30');
    expect(citizenTime(citizenTexts('en') as CitizenTexts, at, 'Asia/Shanghai')).toBe('25 November 2026 at 17:30');
  });

  it('quotes a result that ends with its own full stop without doubling it', () => {
    const question = citizenTexts('zh-CN').survey.question;
    const zh = citizenTexts('zh-CN').notices.closed('20261204000016', '路面坑洞已填补，现已修复。', question);
    expect(zh).toBe(`您的诉求（案件号 20261204000016）已办结。处理结果：路面坑洞已填补，现已修复。${question}`);
    expect(zh).not.toMatch(/。。/);
    const en = citizenTexts('en').notices.closed('20261204000016', 'The pothole was filled.', 'Rate 1-5.');
    expect(en).toBe('Your request (case 20261204000016) is done. Result: The pothole was filled. Rate 1-5.');
  });

  it('says the dispatch with the unit and the time limit', () => {
    expect(citizenTexts('zh-CN').notices.dispatched('20261204000016', '城市管理局', '2026年12月06日 18:00')).toBe(
      '您的诉求（案件号 20261204000016）已受理，派由城市管理局办理，办理时限2026年12月06日 18:00。可凭案件号查询进度。',
    );
  });
});
