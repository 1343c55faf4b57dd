import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../../testing/databases.ts';
import { type TestHotline, startTestHotline } from '../../testing/hotline.ts';
import { insertTriagedAppeals } from '../../testing/staff.ts';
import { acceptAsEvent, closeEvent, step } from '../../testing/closed-loop.ts';
import { type EventHistory, insertEventHistories } from '../../testing/event-history.ts';
import { monthOf } from './month.ts';
import type { AssessmentReport, AssessmentRow } from './views.ts';

const kinds = await testDatabaseKinds();

/** Beijing wall-clock times, as the hotline counts months. */
const bj = (local: string) => `${local}+08:00`;

/**
 * A November (2026, Asia/Shanghai) for 城市管理局 (urban) and 东湖街道联动分中心 (sc-donghu),
 * with the October events whose steps spill into it and a December dispatch just past its end.
 */
const HISTORIES: EventHistory[] = [
  // urban, on time all the way; two reporters rate 5 and 3.
  {
    steps: [
      { at: bj('2026-11-02T09:00'), action: 'dispatch', department: 'urban' },
      { at: bj('2026-11-02T10:00'), action: 'sign' },
      { at: bj('2026-11-05T16:00'), action: 'report' },
      { at: bj('2026-11-06T09:00'), action: 'verify_pass' },
    ],
    rating: 5,
    mergedRatings: [3, null],
  },
  // urban, late everywhere: signed after the sign-for warning, urged twice, an extension asked,
  // overdue (red), a failed verification, then closed; the reporter rates 4.
  {
    steps: [
      { at: bj('2026-11-03T09:00'), action: 'dispatch', department: 'urban' },
      { at: bj('2026-11-04T09:05'), action: 'warn', detail: 'sign_overdue' },
      { at: bj('2026-11-04T12:00'), action: 'sign' },
      { at: bj('2026-11-06T09:00'), action: 'urge' },
      { at: bj('2026-11-07T09:00'), action: 'urge' },
      { at: bj('2026-11-08T09:00'), action: 'request_extension' },
      { at: bj('2026-11-08T15:00'), action: 'deny_extension' },
      { at: bj('2026-11-10T09:00'), action: 'warn', detail: 'red' },
      { at: bj('2026-11-11T09:00'), action: 'report' },
      { at: bj('2026-11-12T09:00'), action: 'verify_fail' },
      { at: bj('2026-11-13T09:00'), action: 'report' },
      { at: bj('2026-11-14T09:00'), action: 'verify_pass' },
    ],
    rating: 4,
  },
  // Dispatched to urban at 00:30 on 1 November Beijing time (still 31 October in UTC), returned,
  // re-dispatched to sc-donghu, which handles and closes it; the reporter rates 2.
  {
    steps: [
      { at: '2026-10-31T16:30:00Z', action: 'dispatch', department: 'urban' },
      { at: bj('2026-11-01T09:00'), action: 'return' },
      { at: bj('2026-11-01T10:00'), action: 'redispatch', department: 'sc-donghu' },
      { at: bj('2026-11-01T11:00'), action: 'sign' },
      { at: bj('2026-11-02T11:00'), action: 'report' },
      { at: bj('2026-11-03T11:00'), action: 'verify_pass' },
    ],
    rating: 2,
  },
  // urban at 23:30 on 31 October Beijing time: October's, even though it is signed in November.
  {
    steps: [
      { at: bj('2026-10-31T23:30'), action: 'dispatch', department: 'urban' },
      { at: bj('2026-11-01T08:00'), action: 'sign' },
    ],
  },
  // urban, still waiting to be signed for.
  { steps: [{ at: bj('2026-11-20T09:00'), action: 'dispatch', department: 'urban' }] },
  // urban at midnight on 1 December Beijing time: December's.
  { steps: [{ at: '2026-11-30T16:00:00Z', action: 'dispatch', department: 'urban' }] },
  // sc-donghu closed it in October (rated 5), the citizen was unhappy, reopened in November:
  // signed, two extension requests, not closed yet.
  {
    steps: [
      { at: bj('2026-10-20T09:00'), action: 'dispatch', department: 'sc-donghu' },
      { at: bj('2026-10-20T10:00'), action: 'sign' },
      { at: bj('2026-10-22T10:00'), action: 'report' },
      { at: bj('2026-10-23T10:00'), action: 'verify_pass' },
      { at: bj('2026-11-05T10:00'), action: 'reopen', department: 'sc-donghu' },
      { at: bj('2026-11-06T10:00'), action: 'sign' },
      { at: bj('2026-11-07T10:00'), action: 'request_extension' },
      { at: bj('2026-11-09T10:00'), action: 'request_extension' },
    ],
    rating: 5,
  },
];

const ZERO: Partial<AssessmentRow> = {
  new: 0,
  signed: 0,
  signRate: null,
  signedOnTime: 0,
  returns: 0,
  transferRate: null,
  handled: 0,
  handlingRate: null,
  closed: 0,
  closureRate: null,
  closedOnTime: 0,
  onTimeRate: null,
  rated: 0,
  satisfied: 0,
  satisfactionRate: null,
  extensions: 0,
  overdue: 0,
  urges: 0,
  score: null,
  rank: null,
};

describe.each(kinds)('monthly assessment (考核) on %s', (kind) => {
  let hotline: TestHotline;
  let supervisor: string;

  beforeAll(async () => {
    hotline = await startTestHotline(kind);
    supervisor = await hotline.loginAs('supervisor');
    await insertEventHistories(hotline, HISTORIES);
  });
  afterAll(async () => {
    await hotline?.close();
  });

  async function report(month: string | null, cookie = supervisor): Promise<AssessmentReport> {
    const res = await hotline.request(month ? `/api/assessment?month=${month}` : '/api/assessment', { cookie });
    expect(res.status).toBe(200);
    return res.json();
  }
  const row = (r: AssessmentReport, code: string) => r.departments.find((d) => d.departmentCode === code);

  it('counts every figure of a department from its assignments in the month (Beijing time)', async () => {
    const november = await report('2026-11');
    expect(november).toMatchObject({ month: '2026-11', timezone: 'Asia/Shanghai', from: '2026-10-31T16:00:00.000Z', to: '2026-11-30T16:00:00.000Z' });
    expect(row(november, 'urban')).toEqual({
      departmentCode: 'urban',
      name: '城市管理局',
      nameEn: 'Urban Management Bureau',
      kind: 'department',
      new: 4,
      signed: 2,
      signRate: 0.5,
      signedOnTime: 1,
      returns: 1,
      transferRate: 0.25,
      handled: 2,
      handlingRate: 0.5,
      closed: 2,
      closureRate: 0.5,
      closedOnTime: 1,
      onTimeRate: 0.5,
      rated: 3,
      satisfied: 2,
      satisfactionRate: 2 / 3,
      extensions: 1,
      overdue: 1,
      urges: 2,
      // 100 × (0.5×0.15 + 0.5×0.15 + 0.5×0.2 + 0.5×0.2 + ⅔×0.3)
      score: 55,
      rank: 1,
    });
    expect(row(november, 'sc-donghu')).toEqual({
      departmentCode: 'sc-donghu',
      name: '东湖街道联动分中心',
      nameEn: 'Donghu Street Linkage Sub-center',
      kind: 'sub_center',
      new: 2,
      signed: 2,
      signRate: 1,
      signedOnTime: 2,
      returns: 0,
      transferRate: 0,
      handled: 1,
      handlingRate: 0.5,
      closed: 1,
      closureRate: 0.5,
      closedOnTime: 1,
      onTimeRate: 1,
      rated: 1,
      satisfied: 0,
      satisfactionRate: 0,
      extensions: 2,
      overdue: 0,
      urges: 0,
      // 100 × (1×0.15 + 0.5×0.15 + 0.5×0.2 + 1×0.2 + 0×0.3)
      score: 52.5,
      rank: 2,
    });
  });

  it('lists every department and sub-center, those without assignments as zeros without score or rank', async () => {
    const november = await report('2026-11');
    expect(november.departments.map((d) => d.departmentCode)).toEqual([
      'civil',
      'enforcement',
      'environment',
      'greening',
      'housing',
      'market',
      'police',
      'transport',
      'urban',
      'water',
      'sc-donghu',
      'sc-nanqiao',
      'sc-xishan',
    ]);
    expect(row(november, 'greening')).toMatchObject(ZERO);
    expect(row(november, 'sc-xishan')).toMatchObject(ZERO);
  });

  it('counts an assignment in the month it was made, with what followed in the next month', async () => {
    const october = await report('2026-10');
    // Without closures or ratings only the sign-for, handling and closure rates score: 100 × 0.15 ÷ 0.5.
    expect(row(october, 'urban')).toMatchObject({
      new: 1,
      signed: 1,
      signRate: 1,
      signedOnTime: 1,
      handled: 0,
      closed: 0,
      onTimeRate: null,
      satisfactionRate: null,
      score: 30,
      rank: 2,
    });
    expect(row(october, 'sc-donghu')).toMatchObject({
      new: 1,
      signed: 1,
      handled: 1,
      closed: 1,
      closedOnTime: 1,
      rated: 1,
      satisfied: 1,
      satisfactionRate: 1,
      score: 100,
      rank: 1,
    });
    expect(row(await report('2026-12'), 'urban')).toMatchObject({ new: 1, signed: 0, signRate: 0, score: 0, rank: 1 });
  });

  it('defines every figure in Chinese and English, with the score weights', async () => {
    const { definitions, weights } = await report('2026-11');
    expect(definitions.map((d) => d.metric)).toEqual(
      expect.arrayContaining([
        'new',
        'signRate',
        'transferRate',
        'handlingRate',
        'closureRate',
        'onTimeRate',
        'satisfactionRate',
        'returns',
        'extensions',
        'overdue',
        'urges',
        'score',
      ]),
    );
    expect(definitions.find((d) => d.metric === 'signRate')).toEqual({
      metric: 'signRate',
      name: { 'zh-CN': '签收率', en: 'Sign-for rate' },
      definition: { 'zh-CN': '签收数 ÷ 新派件。', en: 'Signed for ÷ new assignments.' },
    });
    expect(weights).toEqual({ signRate: 0.15, handlingRate: 0.15, closureRate: 0.2, onTimeRate: 0.2, satisfactionRate: 0.3 });
  });

  it('defaults to this month on the hotline clock and refuses a malformed month', async () => {
    expect((await report(null)).month).toBe(monthOf(new Date(), 'Asia/Shanghai'));
    const bad = await hotline.request('/api/assessment?month=2026-13', { cookie: supervisor });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.code).toBe('invalid_request');
  });

  it('exports the month as CSV that Excel opens in Chinese: BOM, Chinese header, one row per department', async () => {
    const res = await hotline.request('/api/assessment.csv?month=2026-11', { cookie: supervisor });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="assessment-2026-11.csv"');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes).split('\r\n');
    expect(lines[0]).toBe(
      '排名,单位,单位编码,新派件,签收数,签收率,按时签收,退回数,流转率,办理数,办理率,办结数,办结率,按时办结,按时办结率,回访评价数,满意率,延期申请,超期件数,催办次数,综合得分',
    );
    expect(lines).toHaveLength(1 + 13 + 1); // header, 13 units, the final line break
    expect(lines).toContain('1,城市管理局,urban,4,2,50.0%,1,1,25.0%,2,50.0%,2,50.0%,1,50.0%,3,66.7%,1,1,2,55');
    expect(lines).toContain('2,东湖街道联动分中心,sc-donghu,2,2,100.0%,2,0,0.0%,1,50.0%,1,50.0%,1,100.0%,1,0.0%,2,0,0,52.5');
    expect(lines).toContain(',园林绿化管理所,greening,0,0,,0,0,,0,,0,,0,,0,,0,0,0,');
  });

  it('counts events driven through the step API this month, by the departments the steps name', async () => {
    // 水务局 and 交通运输局 have nothing in the fixture, whatever this month is.
    const [closed, misrouted] = await insertTriagedAppeals(hotline, [{ channel: 'web' }, { channel: 'web' }]);
    const handled = await acceptAsEvent(hotline, closed!.id, 'water');
    await closeEvent(hotline, handled, '已疏通排水口');
    await step(hotline, 'agent1', handled.id, { action: 'callback', appealId: closed!.id, satisfaction: 5 });
    const returned = await acceptAsEvent(hotline, misrouted!.id, 'water');
    await step(hotline, 'agent1', returned.id, { action: 'urge' });
    await step(hotline, 'dept-water', returned.id, { action: 'return', note: '属交通设施，非本单位职责' });
    await step(hotline, 'agent1', returned.id, { action: 'redispatch', leadDepartmentCode: 'transport' });
    await step(hotline, 'dept-transport', returned.id, { action: 'sign' });
    await step(hotline, 'dept-transport', returned.id, {
      action: 'request_extension',
      note: '需协调施工单位',
      timeLimitAt: new Date(Date.now() + 10 * 24 * 3600_000).toISOString(),
    });

    const now = await report(null);
    expect(row(now, 'water')).toMatchObject({
      new: 2,
      signed: 1,
      signedOnTime: 1,
      returns: 1,
      transferRate: 0.5,
      handled: 1,
      closed: 1,
      closedOnTime: 1,
      onTimeRate: 1,
      rated: 1,
      satisfied: 1,
      satisfactionRate: 1,
      urges: 1,
      extensions: 0,
    });
    expect(row(now, 'transport')).toMatchObject({ new: 1, signed: 1, signRate: 1, returns: 0, handled: 0, closed: 0, extensions: 1, urges: 0 });
  });

  it('is for supervisors and admins only', async () => {
    expect((await hotline.request('/api/assessment?month=2026-11')).status).toBe(401);
    expect((await hotline.request('/api/assessment.csv?month=2026-11')).status).toBe(401);
    const agent = await hotline.loginAs('agent1');
    expect((await hotline.request('/api/assessment?month=2026-11', { cookie: agent })).status).toBe(403);
    expect((await hotline.request('/api/assessment.csv?month=2026-11', { cookie: agent })).status).toBe(403);
    const handler = await hotline.loginAs('dept-urban');
    expect((await hotline.request('/api/assessment?month=2026-11', { cookie: handler })).status).toBe(403);
    const admin = await hotline.loginAs('admin');
    expect(row(await report('2026-11', admin), 'urban')?.new).toBe(4);
  });
});
