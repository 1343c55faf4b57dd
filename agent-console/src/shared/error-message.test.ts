import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { ERROR_CODES, ERROR_REASONS } from '@hotline/backend/error-codes';
import zh from './locales/zh-CN.json' with { type: 'json' };
import en from './locales/en.json' with { type: 'json' };
import { ApiRequestError } from './api.ts';
import { errorMessage } from './error-message.ts';

const catalogues = { 'zh-CN': zh, en } as const;

async function translator(language: keyof typeof catalogues) {
  const instance = i18next.createInstance();
  await instance.init({
    lng: language,
    resources: { [language]: { translation: catalogues[language] } },
    interpolation: { escapeValue: false },
    showSupportNotice: false,
  });
  return instance.t;
}

describe('every server error in the UI language', () => {
  it.each(Object.keys(catalogues) as (keyof typeof catalogues)[])('has a %s message for every code and every reason the API answers with', (language) => {
    const errors = catalogues[language].errors as Record<string, unknown> & { reasons: Record<string, string> };
    for (const code of [...ERROR_CODES, 'network']) expect(errors[code], `errors.${code}`).toEqual(expect.any(String));
    for (const reason of ERROR_REASONS) expect(errors.reasons[reason], `errors.reasons.${reason}`).toEqual(expect.any(String));
  });

  it('says the reason with its values instead of the server English', async () => {
    const t = await translator('zh-CN');
    const selfMerge = new ApiRequestError(409, 'conflict', 'An appeal cannot be merged into itself', 'r1', { caseNumber: '20261204000016' }, 'merge_into_self');
    expect(errorMessage(t, selfMerge)).toBe('案件 20261204000016 不能合并到它自己或已并入它的案件。');
    const full = new ApiRequestError(
      409,
      'conflict',
      '…',
      'r2',
      { capacity: { chats: 4, calls: 1 }, load: { chats: 4, calls: 0 }, kind: 'chats' },
      'capacity_full',
    );
    expect(errorMessage(t, full)).toMatch(/^您手头已有 4 件文字诉求，已达上限 4/);
    const settled = new ApiRequestError(409, 'conflict', '…', 'r3', { caseNumber: '000019', status: 'merged' }, 'appeal_settled');
    expect(errorMessage(t, settled)).toBe('案件 000019 当前为「已合并」，不能再执行此操作。');
  });

  it('falls back to the code, then to a general sentence, never to the raw message', async () => {
    const t = await translator('en');
    expect(errorMessage(t, new ApiRequestError(500, 'internal', 'Internal server error'))).toMatch(/internal error/);
    expect(errorMessage(t, new ApiRequestError(418, 'http_418', 'I am a teapot'))).toBe('Something unexpected went wrong. Please try again later.');
    expect(errorMessage(t, new Error('boom'))).not.toContain('boom');
  });
});
