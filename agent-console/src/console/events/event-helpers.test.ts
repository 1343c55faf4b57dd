import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import zhCN from '../../shared/locales/zh-CN.json';
import en from '../../shared/locales/en.json';
import type { EventSummary } from '../contract.ts';
import {
  CENTER_FILTERS,
  HANDLER_FILTERS,
  STEP_FIELDS,
  actionButtons,
  dueOf,
  dueText,
  eventListParams,
  tabCount,
  matchesFilter,
  mayCallBack,
  photoProblems,
  reportForm,
  stepInput,
} from './event-helpers.ts';
import { EVENT_SHORTCUTS } from './event-shortcuts.ts';

const NOW = Date.parse('2026-11-23T10:00:00+08:00');
const at = (hours: number) => new Date(NOW + hours * 3_600_000).toISOString();

function summary(overrides: Partial<EventSummary> = {}): EventSummary {
  return {
    id: '0b3c9a4e-1f2d-4c5b-8a6e-7d8f9a0b1c2d',
    appealId: '1b3c9a4e-1f2d-4c5b-8a6e-7d8f9a0b1c2d',
    caseNumber: '20261123000001',
    status: 'handling',
    summary: '湖滨路井盖丢失',
    categoryCode: 'facility.manhole',
    urgency: 'normal',
    address: null,
    gridCode: null,
    leadDepartmentCode: 'urban',
    coDepartmentCodes: [],
    dispatchedAt: at(-24),
    signDueAt: at(-20),
    timeLimitAt: at(48),
    warnAt: at(24),
    signedAt: at(-22),
    reportedAt: null,
    closedAt: null,
    due: 'ok',
    urgeCount: 0,
    supervised: false,
    extensionPending: false,
    reporterCount: 1,
    createdAt: at(-24),
    updatedAt: at(-22),
    ...overrides,
  };
}

const params = (p: URLSearchParams) => Object.fromEntries(p);

describe('filters → the query of GET /api/events', () => {
  it('gives the handler 待签收 / 处置中 / 已退回 / 全部 and the center its seven filters', () => {
    expect(HANDLER_FILTERS).toEqual(['toSign', 'handling', 'returned', 'all']);
    expect(CENTER_FILTERS).toEqual(['reported', 'returned', 'extensionPending', 'due', 'active', 'closed', 'all']);
  });

  it('asks for one status per worklist tab, with the page and the case-number search', () => {
    expect(params(eventListParams({ filter: 'toSign', page: 2, pageSize: 20 }))).toEqual({ status: 'dispatched', page: '2', pageSize: '20' });
    expect(params(eventListParams({ filter: 'reported', page: 1, pageSize: 20, q: ' 2026 ' }))).toEqual({
      status: 'reported',
      q: '2026',
      page: '1',
      pageSize: '20',
    });
    expect(params(eventListParams({ filter: 'active', page: 1, pageSize: 20 }))).toEqual({ status: 'dispatched,handling', page: '1', pageSize: '20' });
    expect(params(eventListParams({ filter: 'all', page: 3, pageSize: 20, q: '  ' }))).toEqual({ page: '3', pageSize: '20' });
  });

  it('reads every tab’s count from the one counts answer, as the tab’s own list would total it', () => {
    const counts = {
      byStatus: { dispatched: 3, handling: 4, reported: 2, returned: 1, closed: 9, cancelled: 1 },
      extensionPending: 2,
      soon: 1,
      overdue: 2,
      total: 20,
    };
    expect(Object.fromEntries(CENTER_FILTERS.map((f) => [f, tabCount(f, counts)]))).toEqual({
      reported: 2,
      returned: 1,
      extensionPending: 2,
      due: 3,
      active: 7,
      closed: 9,
      all: 20,
    });
    expect(Object.fromEntries(HANDLER_FILTERS.map((f) => [f, tabCount(f, counts)]))).toEqual({ toSign: 3, handling: 4, returned: 1, all: 20 });
  });

  it('asks for 临期·超期 and 延期待批 with the server’s own filters, paged by the server', () => {
    expect(params(eventListParams({ filter: 'due', page: 2, pageSize: 20 }))).toEqual({
      status: 'dispatched,handling',
      due: 'overdue,soon',
      page: '2',
      pageSize: '20',
    });
    expect(params(eventListParams({ filter: 'extensionPending', page: 1, pageSize: 20 }))).toEqual({
      status: 'dispatched,handling',
      extensionPending: 'true',
      page: '1',
      pageSize: '20',
    });
  });

  it('tells whether a pushed event still belongs under a filter', () => {
    expect(matchesFilter('toSign', summary({ status: 'dispatched', signedAt: null, signDueAt: at(2) }), NOW)).toBe(true);
    expect(matchesFilter('toSign', summary({ status: 'handling' }), NOW)).toBe(false);
    expect(matchesFilter('all', summary({ status: 'cancelled' }), NOW)).toBe(true);
    expect(matchesFilter('due', summary({ warnAt: at(-1) }), NOW)).toBe(true);
    expect(matchesFilter('due', summary(), NOW)).toBe(false);
    expect(matchesFilter('extensionPending', summary({ extensionPending: true }), NOW)).toBe(true);
    expect(matchesFilter('extensionPending', summary({ extensionPending: true, status: 'reported' }), NOW)).toBe(false);
  });
});

describe('时限 badges', () => {
  it('counts down to the completion limit while in progress, quietly before the yellow line', () => {
    expect(dueOf(summary(), NOW)).toEqual({ state: 'ok', deadline: 'limit', at: at(48), ms: 48 * 3_600_000 });
  });

  it('turns yellow (临期) past the warning line and red (超期) past the limit, with the time overdue', () => {
    expect(dueOf(summary({ warnAt: at(-1), timeLimitAt: at(3) }), NOW)).toMatchObject({ state: 'soon', ms: 3 * 3_600_000 });
    expect(dueOf(summary({ warnAt: at(-10), timeLimitAt: at(-2) }), NOW)).toMatchObject({ state: 'overdue', deadline: 'limit', ms: -2 * 3_600_000 });
  });

  it('races the sign-for limit until the event is signed for', () => {
    const unsigned = { status: 'dispatched' as const, signedAt: null };
    expect(dueOf(summary({ ...unsigned, signDueAt: at(4) }), NOW)).toMatchObject({ state: 'ok', deadline: 'sign', at: at(4) });
    expect(dueOf(summary({ ...unsigned, signDueAt: at(-1) }), NOW)).toMatchObject({ state: 'overdue', deadline: 'sign', ms: -3_600_000 });
  });

  it('trusts the server when it already says so (its clock may be ahead)', () => {
    expect(dueOf(summary({ due: 'soon' }), NOW)?.state).toBe('soon');
    expect(dueOf(summary({ due: 'overdue' }), NOW)?.state).toBe('overdue');
  });

  it('says how long is left or how long overdue, in Chinese and English', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({ resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } }, lng: 'zh-CN', interpolation: { escapeValue: false } });
    const text = (event: EventSummary) => dueText(dueOf(event, NOW)!, i18n.t);
    expect(text(summary({ warnAt: at(-10), timeLimitAt: at(-2) }))).toBe('超期 2小时');
    expect(text(summary({ warnAt: at(-1), timeLimitAt: at(3.5) }))).toBe('临期 · 剩余 3小时30分钟');
    expect(text(summary({ status: 'dispatched', signedAt: null, signDueAt: at(-1) }))).toBe('签收超期 1小时');
    expect(text(summary())).toBe('办结剩余 2天');
    await i18n.changeLanguage('en');
    expect(text(summary({ warnAt: at(-10), timeLimitAt: at(-26) }))).toBe('Overdue by 1 d 2 h');
  });

  it('shows nothing once the department owes nothing', () => {
    for (const status of ['reported', 'returned', 'closed', 'cancelled'] as const) expect(dueOf(summary({ status, timeLimitAt: at(-5) }), NOW)).toBeNull();
  });
});

describe('which buttons', () => {
  it('shows exactly the server’s actions, in the order the work goes', () => {
    expect(actionButtons({ actions: ['return', 'sign', 'request_extension'], extensionPending: false })).toEqual(['sign', 'request_extension', 'return']);
    expect(actionButtons({ actions: ['cancel', 'verify_fail', 'supervise', 'verify_pass'], extensionPending: false })).toEqual([
      'verify_pass',
      'verify_fail',
      'supervise',
      'cancel',
    ]);
    expect(actionButtons({ actions: [], extensionPending: false })).toEqual([]);
  });

  it('decides an extension only while one is pending, and asks for one only while none is', () => {
    const actions = ['request_extension', 'approve_extension', 'deny_extension', 'urge'];
    expect(actionButtons({ actions, extensionPending: true })).toEqual(['approve_extension', 'deny_extension', 'urge']);
    expect(actionButtons({ actions, extensionPending: false })).toEqual(['request_extension', 'urge']);
  });

  it('offers 重新办理 only when the server does, and 回访 per reporter rather than on the bar', () => {
    expect(actionButtons({ actions: ['callback'], extensionPending: false })).toEqual([]);
    expect(actionButtons({ actions: ['callback', 'reopen'], extensionPending: false })).toEqual(['reopen']);
    expect(mayCallBack({ actions: ['callback'] })).toBe(true);
    expect(mayCallBack({ actions: ['reopen'] })).toBe(false);
  });

  it('gives every step its own key', () => {
    const keys = EVENT_SHORTCUTS.flatMap((s) => s.keys);
    expect(new Set(keys).size).toBe(keys.length);
    for (const action of Object.keys(STEP_FIELDS)) expect(EVENT_SHORTCUTS.some((s) => s.action === action)).toBe(true);
  });
});

describe('step bodies', () => {
  it('sends a note only when one was written, and each step’s own fields', () => {
    expect(stepInput('sign', { note: '  ' })).toEqual({ action: 'sign' });
    expect(stepInput('return', { note: ' 不属本部门职责 ' })).toEqual({ action: 'return', note: '不属本部门职责' });
    expect(stepInput('request_extension', { note: '需协调施工队', timeLimitAt: at(72) })).toEqual({
      action: 'request_extension',
      note: '需协调施工队',
      timeLimitAt: at(72),
    });
    expect(stepInput('redispatch', { note: '', leadDepartmentCode: 'water', coDepartmentCodes: ['urban'] })).toEqual({
      action: 'redispatch',
      leadDepartmentCode: 'water',
      coDepartmentCodes: ['urban'],
    });
    expect(stepInput('callback', { note: '市民表示满意', appealId: 'a1', satisfaction: 5 })).toEqual({
      action: 'callback',
      note: '市民表示满意',
      appealId: 'a1',
      satisfaction: 5,
    });
  });

  it('refuses to build a step whose required field is missing', () => {
    expect(() => stepInput('redispatch', { note: '' })).toThrow(/leadDepartmentCode/);
    expect(() => stepInput('callback', { note: '', appealId: 'a1' })).toThrow(/satisfaction/);
  });

  it('checks report photos: at most 4 images of 10 MB', () => {
    const image = { type: 'image/jpeg', size: 1000 };
    expect(photoProblems([image, image, image, image])).toEqual([]);
    expect(photoProblems([image, image, image, image, image])).toEqual(['tooMany']);
    expect(photoProblems([{ type: 'application/pdf', size: 10 }])).toEqual(['notImage']);
    expect(photoProblems([{ type: 'image/png', size: 11 * 1024 * 1024 }])).toEqual(['tooLarge']);
  });

  it('sends a report with photos as multipart: action, note and one part per photo', () => {
    const photo = new File([new Uint8Array([0xff, 0xd8, 0xff])], 'scene.jpg', { type: 'image/jpeg' });
    const form = reportForm(' 已补装井盖 ', [photo, photo]);
    expect(form.get('action')).toBe('report');
    expect(form.get('note')).toBe('已补装井盖');
    expect(form.getAll('photos')).toHaveLength(2);
  });
});
