import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { io } from 'socket.io-client';
import { testDatabaseKinds } from '../../testing/databases.ts';
import { type TestHotline, intakeRowCounts, startTestHotline } from '../../testing/hotline.ts';
import { type FakeProvider, startFakeProvider } from '../../testing/fake-provider.ts';
import { TWILIO, callParams, fakeTwilioMessages, postTwilio, smsParams, twilioEnv, twilioSid } from '../../testing/twilio.ts';
import { appeals } from '../../appeals/index.ts';
import { callEvents, calls } from '../../routing/index.ts';
import type { AppealSummary } from '../../appeals/index.ts';
import type { CallView } from '../../routing/index.ts';

const kinds = await testDatabaseKinds();
const VOICE = '/channels/twilio/voice';
const caseIn = (twiml: string) => /案件流水号是? ([\d ]{27})/.exec(twiml)?.[1]?.replaceAll(' ', '');

/** A service window that excludes the current time, wherever the test runs. */
function closedWindowNow(timezone: string): string {
  const hour = Number(new Intl.DateTimeFormat('en-GB', { timeZone: timezone, hour: '2-digit', hourCycle: 'h23' }).format(new Date()));
  const pad = (h: number) => String(h % 24).padStart(2, '0');
  return `${pad(hour + 2)}:00-${pad(hour + 3)}:00`;
}

describe.each(kinds)('Twilio voice on %s', (kind) => {
  let hotline: TestHotline;
  let twilio: FakeProvider;

  beforeAll(async () => {
    twilio = await startFakeProvider([fakeTwilioMessages]);
    hotline = await startTestHotline(kind, { env: twilioEnv(twilio) });
  });
  afterAll(async () => {
    await hotline?.close();
    await twilio?.close();
  });

  const voice = (step: string, params: Record<string, string>) => postTwilio(hotline, `${VOICE}${step}`, params);
  const callRow = async (callSid: string) => (await hotline.database.db.select().from(calls).where(eq(calls.callSid, callSid)))[0]!;

  it('greets the caller with a zh-CN menu taking speech or keys', async () => {
    const callSid = twilioSid('CA');
    const res = await voice('', callParams(callSid, '+8613922220001', { CallStatus: 'ringing' }));
    expect(res.status).toBe(200);
    const twiml = await res.text();
    expect(twiml).toContain('<Gather input="speech dtmf" language="zh-CN" numDigits="1"');
    expect(twiml).toContain(`action="${TWILIO.publicUrl}${VOICE}/menu"`);
    expect(twiml).toMatch(/<Say language="zh-CN"[^>]*>您好，这里是12345市民服务热线/);
    expect(await callRow(callSid)).toMatchObject({ status: 'ringing', fromNumber: '+8613922220001' });
  });

  it('turns the spoken problem into an appeal and, with nobody online, takes a voicemail with transcription', async () => {
    const callSid = twilioSid('CA');
    const from = '+8613922220002';
    expect(await (await voice('/menu', callParams(callSid, from, { Digits: '1' }))).text()).toContain('<Gather input="speech" language="zh-CN"');
    const res = await voice('/report', callParams(callSid, from, { SpeechResult: '东湖街道柳岸社区三号楼下面的井盖没了', Confidence: '0.91' }));
    const twiml = await res.text();
    expect(twiml).toContain('坐席正忙');
    expect(twiml).toMatch(
      /<Record [^>]*transcribe="true"[^>]*transcribeCallback="https:\/\/hotline\.example\.gov\.cn\/channels\/twilio\/voice\/transcription"/,
    );
    const caseNumber = caseIn(twiml)!;
    const [appeal] = await hotline.database.db.select().from(appeals).where(eq(appeals.caseNumber, caseNumber));
    expect(appeal).toMatchObject({ channel: 'voice', summary: '东湖街道柳岸社区三号楼下面的井盖没了' });
    expect(await callRow(callSid)).toMatchObject({ appealId: appeal!.id, purpose: 'report', speechConfidence: expect.closeTo(0.91, 5) });

    const recordingSid = twilioSid('RE');
    const recordingUrl = `https://api.twilio.com/2010-04-01/Accounts/${TWILIO.accountSid}/Recordings/${recordingSid}`;
    const recorded = await (
      await voice('/recorded', callParams(callSid, from, { RecordingSid: recordingSid, RecordingUrl: recordingUrl, RecordingDuration: '14' }))
    ).text();
    expect(recorded).toContain('留言已收到');
    expect(caseIn(recorded)).toBe(caseNumber);
    const transcription = callParams(callSid, from, {
      RecordingSid: recordingSid,
      RecordingUrl: recordingUrl,
      TranscriptionStatus: 'completed',
      TranscriptionText: '井盖旁边还有小孩在玩，很危险',
    });
    expect((await voice('/transcription', transcription)).status).toBe(204);
    const before = await intakeRowCounts(hotline);
    await voice('/transcription', transcription);
    expect(await intakeRowCounts(hotline)).toEqual(before);

    const agent = await hotline.loginAs('agent1');
    const detail = await (await hotline.request(`/api/appeals/${appeal!.id}`, { cookie: agent })).json();
    expect(detail.messages.map((m: { text: string }) => m.text)).toEqual([
      '东湖街道柳岸社区三号楼下面的井盖没了',
      '[语音留言]',
      '[留言转写] 井盖旁边还有小孩在玩，很危险',
    ]);
    expect(detail.messages[1].attachments[0]).toMatchObject({ contentType: 'audio/wav' });
  });

  it('queues the caller for an agent who is online, who sees the call arrive live with its transcript', async () => {
    const cookie = await hotline.loginAs('agent2');
    const socket = io(hotline.url, { transports: ['websocket'], extraHeaders: { cookie }, reconnection: false });
    try {
      await new Promise<void>((resolve, reject) => socket.once('connect', () => resolve()).once('connect_error', reject));
      const seen = new Promise<AppealSummary>((resolve) => socket.on('appeal:new', (a) => a.channel === 'voice' && resolve(a)));
      const callSid = twilioSid('CA');
      const abandoned = new Promise<CallView>((resolve) =>
        socket.on('call:updated', (call) => call.callSid === callSid && call.queueResult === 'hangup' && resolve(call)),
      );
      const twiml = await (
        await voice('/menu', callParams(callSid, '+8613922220003', { SpeechResult: '我要投诉南桥镇稻香村的养殖场臭味太大', Confidence: '0.84' }))
      ).text();
      expect(twiml).toMatch(
        /<Enqueue waitUrl="https:\/\/hotline\.example\.gov\.cn\/channels\/twilio\/voice\/wait" waitUrlMethod="POST" action="[^"]+\/queue-result" method="POST">hotline<\/Enqueue>/,
      );
      expect(await seen).toMatchObject({ summary: '我要投诉南桥镇稻香村的养殖场臭味太大', caseNumber: caseIn(twiml) });
      expect((await callRow(callSid)).enqueuedAt).toBeInstanceOf(Date);

      expect(await (await voice('/wait', callParams(callSid, '+8613922220003', { QueuePosition: '2' }))).text()).toContain('您前面还有 1 位');
      await voice('/queue-result', callParams(callSid, '+8613922220003', { QueueResult: 'hangup', QueueTime: '37' }));
      expect(await abandoned).toMatchObject({ status: 'in-progress', enqueuedAt: expect.any(String), endedAt: null });
      await voice('/status', callParams(callSid, '+8613922220003', { CallStatus: 'completed', CallDuration: '52' }));
      expect(await callRow(callSid)).toMatchObject({
        queueResult: 'hangup',
        queueSeconds: 37,
        status: 'completed',
        durationSeconds: 52,
        endedAt: expect.any(Date),
      });
      const events = await hotline.database.db
        .select({ event: callEvents.event })
        .from(callEvents)
        .where(eq(callEvents.callSid, callSid))
        .orderBy(asc(callEvents.id));
      expect(events.map((e) => e.event)).toEqual(['report', 'enqueued', 'queue:hangup', 'status:completed']);
      const appeal = await seen;
      const detail = await (await hotline.request(`/api/appeals/${appeal.id}`, { cookie })).json();
      expect(detail.calls).toEqual([expect.objectContaining({ callSid, status: 'completed', queueResult: 'hangup', durationSeconds: 52 })]);
    } finally {
      socket.disconnect();
    }
  });

  it('takes a voicemail outside service hours even with agents online', async () => {
    const closed = await startTestHotline('pglite', { env: { ...twilioEnv(twilio), SERVICE_HOURS: closedWindowNow('Asia/Shanghai') } });
    try {
      const twiml = await (await postTwilio(closed, `${VOICE}/report`, callParams(twilioSid('CA'), '+8613922220004', { SpeechResult: '半夜施工太吵' }))).text();
      expect(twiml).toContain('现在是非人工服务时间');
      expect(twiml).toContain('<Record ');
    } finally {
      await closed.close();
    }
  });

  it('reads out a case’s progress for the keyed-in case number', async () => {
    const callSid = twilioSid('CA');
    expect(await (await voice('/menu', callParams(callSid, '+8613922220005', { Digits: '2' }))).text()).toContain('finishOnKey="#"');
    const filed = await (await voice('/report', callParams(twilioSid('CA'), '+8613922220006', { SpeechResult: '查询测试' }))).text();
    const caseNumber = caseIn(filed)!;
    const heard = await (await voice('/lookup', callParams(callSid, '+8613922220005', { Digits: caseNumber }))).text();
    expect(heard).toContain(`案件 ${caseNumber.split('').join(' ')} 当前状态：待受理`);
    expect(heard).toContain('<Hangup/>');
    expect(await (await voice('/lookup', callParams(callSid, '+8613922220005', { Digits: '19990101000001' }))).text()).toContain('未找到案件');
    expect((await callRow(callSid)).purpose).toBe('lookup');
  });

  it('knows a caller who also texts as one contact', async () => {
    const phone = '+8613922220007';
    const sms = await (await postTwilio(hotline, '/channels/twilio/sms', smsParams(phone, '短信反映：路面有坑'))).text();
    const call = await (await voice('/report', callParams(twilioSid('CA'), phone, { SpeechResult: '电话反映：路面有坑' }))).text();
    const [bySms] = await hotline.database.db
      .select()
      .from(appeals)
      .where(eq(appeals.caseNumber, /案件流水号 (\d{14})/.exec(sms)![1]!));
    const [byCall] = await hotline.database.db
      .select()
      .from(appeals)
      .where(eq(appeals.caseNumber, caseIn(call)!));
    expect(byCall!.contactId).toBe(bySms!.contactId);
  });

  it("answers a voice appeal's agent reply by SMS to the caller", async () => {
    const twiml = await (await voice('/report', callParams(twilioSid('CA'), '+8613922220008', { SpeechResult: '请回短信告诉我结果' }))).text();
    const [appeal] = await hotline.database.db
      .select()
      .from(appeals)
      .where(eq(appeals.caseNumber, caseIn(twiml)!));
    const agent = await hotline.loginAs('agent3');
    await hotline.request(`/api/appeals/${appeal!.id}/replies`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: '已转交相关部门' }),
      cookie: agent,
    });
    const sent = await twilio.waitFor((r) => r.form?.get('Body') === '已转交相关部门');
    expect(sent.form!.get('To')).toBe('+8613922220008');
  });

  it('refuses unsigned and malformed voice webhooks, storing nothing', async () => {
    const before = await intakeRowCounts(hotline);
    const callsBefore = await hotline.database.db.$count(calls);
    expect(
      (await postTwilio(hotline, `${VOICE}/report`, callParams(twilioSid('CA'), '+8613900000001', { SpeechResult: '坑' }), { token: 'wrong' })).status,
    ).toBe(403);
    expect((await voice('/report', callParams('CA-not-a-sid', '+8613900000001', { SpeechResult: '坑' }))).status).toBe(400);
    expect((await voice('/report', callParams(twilioSid('CA'), '+8613900000001', { CallStatus: 'dancing' }))).status).toBe(400);
    expect((await voice('/recorded', callParams(twilioSid('CA'), '+8613900000001'))).status).toBe(400);
    expect(await intakeRowCounts(hotline)).toEqual(before);
    expect(await hotline.database.db.$count(calls)).toBe(callsBefore);
  });
});
