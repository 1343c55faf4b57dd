import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { io } from 'socket.io-client';
import { testDatabaseKinds } from '../testing/databases.ts';
import { type TestHotline, startTestHotline, submitWebAppeal } from '../testing/hotline.ts';
import { loadConfig } from '../platform/config/index.ts';
import { startServer } from '../server.ts';
import { appealTypes, appeals } from '../appeals/index.ts';
import type { AppealSummary, EmergencyAlert } from '../appeals/index.ts';
import type { AppealDetail } from '../web/routes/index.ts';
import { receiveInbound } from '../appeals/index.ts';
import { trainingExamples } from './schema.ts';

const kinds = await testDatabaseKinds();
const LIU_AN = { latitude: 30.2305, longitude: 120.1055 };

describe.each(kinds)('NLP triage of arriving appeals on %s', (kind) => {
  let hotline: TestHotline;
  let agent: string;

  beforeAll(async () => {
    hotline = await startTestHotline(kind);
    agent = await hotline.loginAs('agent1');
  });
  afterAll(() => hotline?.close());

  const json = (method: string, body: unknown) => ({ method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), cookie: agent });
  /** Files an appeal on the citizen page and returns it once NLP has processed it. */
  async function file(form: Record<string, unknown>) {
    const { body, cookie } = await submitWebAppeal(hotline, form);
    await hotline.deps.triage.idle();
    const [row] = await hotline.database.db.select().from(appeals).where(eq(appeals.caseNumber, body.caseNumber!));
    const detail = (await (await hotline.request(`/api/appeals/${row!.id}`, { cookie: agent })).json()) as AppealDetail;
    return { detail, citizen: cookie };
  }

  it('counts the appeals waiting for triage (shown in /healthz), down to none once it has caught up', async () => {
    const { detail } = await file({ text: '小区门口的路灯不亮了' });
    const triage = hotline.deps.triage!;
    triage.enqueue(detail.id, detail.id); // already triaged: processed again as a no-op, but queued all the same
    expect(triage.backlog).toBe(2);
    await triage.idle();
    expect(triage.backlog).toBe(0);
    expect((await (await hotline.request('/healthz')).json()).triageBacklog).toBe(0);
  });

  it('classifies type and category with confidence, alternatives and the model version', async () => {
    const { detail } = await file({ text: '西山街道松林小区门口的路灯坏了好几天，晚上一片漆黑，希望尽快修一下' });
    expect(appealTypes).toContain(detail.appealType);
    expect(detail.classification!.type!.label).toBe(detail.appealType);
    expect(detail.categoryCode).toBe('public-utilities');
    expect(detail.classificationConfidence).toBeGreaterThan(0.3);
    expect(detail.classification).toMatchObject({
      modelVersion: expect.stringMatching(/\S/),
      category: { label: 'public-utilities', alternatives: expect.arrayContaining([expect.objectContaining({ label: 'public-utilities' })]) },
    });
    expect(detail.classification!.category!.alternatives).toHaveLength(3);
  });

  it('places an appeal by the address in its text when the channel gave no point', async () => {
    const { detail } = await file({ text: '湖滨花园小区里的垃圾桶满了三天没人清运，味道很大' });
    expect(detail.gridCode).toBe('QH-01-01-01');
    expect(detail.classification!.location).toEqual({ source: 'address', matched: expect.stringContaining('湖滨花园') });
  });

  it('raises an emergency to staff at once and puts it at the top of the queue', async () => {
    const socket = io(hotline.url, { transports: ['websocket'], extraHeaders: { cookie: agent }, reconnection: false });
    try {
      await new Promise<void>((resolve, reject) => socket.once('connect', () => resolve()).once('connect_error', reject));
      const alert = new Promise<EmergencyAlert>((resolve) => socket.on('alert:emergency', resolve));
      await submitWebAppeal(hotline, { text: '和平小区3栋着火了，楼道里全是烟，有老人被困在楼上！' });
      const { appeal, evidence } = await alert;
      expect(appeal.urgency).toBe('emergency');
      expect(evidence).toContain('着火');
      const queue = await (await hotline.request('/api/appeals?status=pending', { cookie: agent })).json();
      expect(queue.items[0].id).toBe(appeal.id);
    } finally {
      socket.disconnect();
    }
  });

  it('does not alarm on a negated danger', async () => {
    const { detail } = await file({ text: '楼下烧烤摊冒烟，没有着火，就是油烟太呛了' });
    expect(detail.urgency).not.toBe('emergency');
  });

  it('merges a certain duplicate in the same place automatically, links every reporter and tells the citizen', async () => {
    const first = await file({ text: '柳岸社区3号楼前的路灯坏了，晚上一片漆黑，很不安全', ...LIU_AN });
    const second = await file({ text: '柳岸社区3号楼门口的路灯坏了，晚上漆黑一片', ...LIU_AN });
    expect(second.detail).toMatchObject({ status: 'merged', duplicateOfId: first.detail.id });
    const root = (await (await hotline.request(`/api/appeals/${first.detail.id}`, { cookie: agent })).json()) as AppealDetail;
    expect(root.reporterCount).toBe(2);
    expect(root.mergedReporters.map((r) => r.caseNumber)).toEqual([second.detail.caseNumber]);
    const chat = await (await hotline.request('/api/public/chat', { cookie: second.citizen })).json();
    expect(chat.lines.at(-1).text).toContain(`已并入案件 ${first.detail.caseNumber}`);
    const lookup = await (await hotline.request(`/api/public/appeals/${second.detail.caseNumber}`)).json();
    expect(lookup.progress.at(-1)).toMatchObject({ step: 'merged', note: `已并入案件 ${first.detail.caseNumber} 一并办理` });
    const pending = await (await hotline.request('/api/appeals?status=pending&pageSize=100', { cookie: agent })).json();
    expect(pending.items.map((a: AppealSummary) => a.id)).not.toContain(second.detail.id);
  });

  it('only suggests a look-alike with no place, with its evidence', async () => {
    const first = await file({ text: '公交车司机开车太猛，急刹车好几次，乘客差点摔倒' });
    const second = await file({ text: '公交车司机开车很猛，老是急刹车，乘客都差点摔倒了' });
    expect(second.detail.status).toBe('pending');
    expect(second.detail.duplicateSuggestions).toBe(1);
    expect(second.detail.duplicates[0]).toMatchObject({
      appeal: { id: first.detail.id },
      decision: 'suggest',
      evidence: { sharedTerms: expect.arrayContaining(['急刹车']), distanceMeters: null },
    });
    // The first report sees the later one too, and a merge clears the count.
    const firstAgain = (await (await hotline.request(`/api/appeals/${first.detail.id}`, { cookie: agent })).json()) as AppealDetail;
    expect(firstAgain.duplicateSuggestions).toBe(1);
    expect(firstAgain.duplicates[0]!.appeal.id).toBe(second.detail.id);
    const merged = await (await hotline.request(`/api/appeals/${second.detail.id}/merge`, json('POST', { intoId: first.detail.id }))).json();
    expect(merged).toMatchObject({ status: 'merged', duplicateSuggestions: 0 });
  });

  it('merges an identical specific text from another citizen without any place, and only suggests a short one', async () => {
    const text = '我们单位拖欠了三个月工资，老板一直拿各种理由推脱不给';
    const first = await file({ text });
    const copy = await file({ text: `${text}。` });
    expect(copy.detail).toMatchObject({ status: 'merged', duplicateOfId: first.detail.id });
    await file({ text: '井盖被偷了' });
    const short = await file({ text: '井盖被偷了' });
    expect(short.detail.status).toBe('pending');
    expect(short.detail.duplicates[0]).toMatchObject({ decision: 'suggest', evidence: { identicalText: false } });
  });

  it('never offers an emergency the routine reports that only share its place, and counts only live suggestions', async () => {
    const lamps = [];
    for (const text of ['柳岸新村5幢门口那盏路灯不亮了，晚上黑乎乎的', '柳岸新村南门路灯坏了好几天了，晚上不亮', '柳岸新村那边路灯晚上一直不亮'])
      lamps.push((await file({ text })).detail);
    const wire = await file({ text: '青禾区东湖街道柳岸新村5幢有电线掉在地上冒火花' });
    expect(wire.detail.urgency).toBe('emergency');
    expect(wire.detail.duplicates).toEqual([]);
    expect(wire.detail.duplicateSuggestions).toBe(0);
    const detail = async (id: string) => (await (await hotline.request(`/api/appeals/${id}`, { cookie: agent })).json()) as AppealDetail;
    const lamp = await detail(lamps[0]!.id);
    expect(lamp.duplicates.map((d) => d.appeal.id)).not.toContain(wire.detail.id);
    // The queue card, the header and the panel count the same live suggestions; a rejected one drops out of all.
    const live = lamp.duplicates.length;
    expect(live).toBeGreaterThan(0);
    expect(lamp.duplicateSuggestions).toBe(live);
    const gone = lamp.duplicates[0]!.appeal.id;
    expect((await hotline.request(`/api/appeals/${gone}/reject`, json('POST', { reason: '重复' }))).status).toBe(200);
    const after = await detail(lamp.id);
    expect(after.duplicates.map((d) => d.appeal.id)).not.toContain(gone);
    expect(after.duplicateSuggestions).toBe(after.duplicates.length);
    const queue = (await (await hotline.request('/api/appeals?status=pending&pageSize=100', { cookie: agent })).json()) as { items: AppealSummary[] };
    expect(queue.items.find((a) => a.id === lamp.id)?.duplicateSuggestions).toBe(after.duplicates.length);
  });

  it('lets an agent merge by hand, and refuses impossible merges', async () => {
    const a = await file({ text: '翠峰社区菜市场门口占道经营，堵得车过不去' });
    const b = await file({ text: '石桥社区有人晚上在河边钓鱼喝酒吵闹' });
    expect((await hotline.request(`/api/appeals/${b.detail.id}/merge`, json('POST', { intoId: b.detail.id }))).status).toBe(409);
    expect((await hotline.request(`/api/appeals/${b.detail.id}/merge`, json('POST', { intoId: '00000000-0000-4000-8000-000000000000' }))).status).toBe(404);
    const merged = await hotline.request(`/api/appeals/${b.detail.id}/merge`, json('POST', { intoId: a.detail.id }));
    expect(merged.status).toBe(200);
    expect(await merged.json()).toMatchObject({ status: 'merged', duplicateOfId: a.detail.id, assignee: { displayName: '坐席 李娜' } });
    expect((await hotline.request(`/api/appeals/${b.detail.id}/merge`, json('POST', { intoId: a.detail.id }))).status).toBe(409);
  });

  it("learns from an agent's correction: stored, marked, retrained, and the next appeal uses the new model", async () => {
    const { detail } = await file({ text: '我们小区物业把消防通道锁起来了，出了事怎么办' });
    const versionBefore = detail.classification!.modelVersion;
    const res = await hotline.request(`/api/appeals/${detail.id}/classification`, json('PATCH', { categoryCode: 'public-security', appealType: 'complaint' }));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ categoryCode: 'public-security', appealType: 'complaint', classificationConfidence: 1 });
    const after = (await (await hotline.request(`/api/appeals/${detail.id}`, { cookie: agent })).json()) as AppealDetail;
    expect(after.classification!.correctedBy).toBe('坐席 李娜');
    const examples = await hotline.database.db.select().from(trainingExamples).where(eq(trainingExamples.appealId, detail.id));
    expect(examples).toEqual([expect.objectContaining({ category: 'public-security', appealType: 'complaint', text: detail.summary })]);

    await hotline.deps.triage.registry.retrainNow();
    const next = await file({ text: '物业把单元门的消防通道堵死了' });
    expect(next.detail.classification!.modelVersion).not.toBe(versionBefore);

    expect((await hotline.request(`/api/appeals/${detail.id}/classification`, json('PATCH', { categoryCode: 'no-such-category' }))).status).toBe(400);
    expect((await hotline.request(`/api/appeals/${detail.id}/classification`, json('PATCH', {}))).status).toBe(400);
  });

  it('shows supervisors hot words and hot issues for today, per street', async () => {
    const supervisor = await hotline.loginAs('supervisor');
    const day = await (await hotline.request('/api/stats/hot?period=day', { cookie: supervisor })).json();
    expect(day.appeals).toBeGreaterThan(5);
    const words = day.terms.map((t: { term: string }) => t.term);
    expect(words).toContain('路灯');
    for (const filler of ['有人', '晚上', '几天', '好几天', '那盏', '很大', '青禾区', '柳岸', '新村']) expect(words).not.toContain(filler);
    // Nothing was filed yesterday in this database: every word is new since the same time yesterday.
    expect(day.terms[0]).toMatchObject({ previousDocs: 0, trend: 'new' });
    // An emergency never joins a routine hot issue.
    const emergencies = await hotline.database.db.select({ caseNumber: appeals.caseNumber }).from(appeals).where(eq(appeals.urgency, 'emergency'));
    const emergencyCases = new Set(emergencies.map((e) => e.caseNumber));
    expect(emergencyCases.size).toBeGreaterThan(0);
    for (const issue of day.issues as { emergency: boolean; caseNumbers: string[] }[])
      expect(issue.caseNumbers.every((c) => emergencyCases.has(c) === issue.emergency)).toBe(true);
    const street = await (await hotline.request('/api/stats/hot?period=week&streetCode=QH-01', { cookie: supervisor })).json();
    expect(street.streetCode).toBe('QH-01');
    expect(street.appeals).toBeLessThan(day.appeals);
    expect((await hotline.request('/api/stats/hot?period=year', { cookie: supervisor })).status).toBe(400);
  });

  it('lists the categories for display and correction', async () => {
    const { categories } = await (await hotline.request('/api/categories', { cookie: agent })).json();
    expect(categories).toHaveLength(18);
    expect(categories[0]).toEqual({
      code: 'city-appearance',
      name: '市容环境',
      nameEn: 'City appearance and environment',
      kind: 'event',
      platform: 'enforcement',
    });
  });
});

describe('appeals left untriaged by a crash', () => {
  it('are triaged when the server starts again', async () => {
    const first = await startTestHotline('pglite');
    // Stop triage as a crash would, then let an appeal in: stored, acknowledged, not yet classified.
    first.deps.triage.stop();
    const { appeal } = await receiveInbound({
      ctx: { ...first.deps, actor: { type: 'system' } },
      input: {
        channel: 'sms',
        sender: { kind: 'phone', value: '+8613955550001' },
        text: '南桥镇稻香村村口的桥栏杆断了',
        providerMessageId: 'SM-crash-1',
        receivedAt: new Date(),
      },
    });
    expect(appeal.nlpProcessedAt).toBeNull();

    const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: 'memory://' });
    const restarted = await startServer({ config, database: first.database, serveConsole: false });
    try {
      await restarted.deps.triage.idle();
      const [after] = await first.database.db.select().from(appeals).where(eq(appeals.id, appeal.id));
      expect(after!.nlpProcessedAt).toBeInstanceOf(Date);
      expect(after!.categoryCode).not.toBeNull();
    } finally {
      await restarted.close();
      await first.close();
    }
  });
});
