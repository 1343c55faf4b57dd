import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { testDatabaseKinds } from '../testing/databases.ts';
import { type TestHotline, startTestHotline } from '../testing/hotline.ts';
import { type CapturedRequest, type FakeProvider, startFakeProvider } from '../testing/fake-provider.ts';
import { fakeTwilioMessages, twilioEnv } from '../testing/twilio.ts';
import { text, textedAppeal } from '../testing/closed-loop.ts';
import { dispatchOutbox, outbox } from '../platform/outbox/index.ts';
import { type Message, messages } from './schema.ts';
import { citizenMessages } from './outbound.ts';
import type { MessageView } from './views.ts';

const kinds = await testDatabaseKinds();

/** Twilio's error body for a failed `messages.create`. */
const twilioError = (status: number, code: number, message: string) => ({
  status,
  json: { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status },
});

/** The outbox's policy for this hotline: five attempts, 30 s before the first retry. */
const MAX_DELIVERY_ATTEMPTS = 5;
const FIRST_RETRY_DELAY_MS = 30_000;

describe.each(kinds)('messages to citizens go through the outbox, retried when they may succeed later, on %s', (kind) => {
  let hotline: TestHotline;
  let twilio: FakeProvider;
  /** Per message text: the statuses Twilio answers its next sends with, then 201. */
  const answers = new Map<string, number[]>();
  const scripted = (r: CapturedRequest) => {
    const next = r.form && answers.get(r.form.get('Body') ?? '')?.shift();
    if (!next) return undefined;
    return next === 400 ? twilioError(400, 21211, "The 'To' number is not a valid phone number.") : twilioError(next, 20500, 'Internal Server Error');
  };

  beforeAll(async () => {
    twilio = await startFakeProvider([scripted, fakeTwilioMessages]);
    hotline = await startTestHotline(kind, {
      env: { ...twilioEnv(twilio), DELIVERY_MAX_ATTEMPTS: String(MAX_DELIVERY_ATTEMPTS), DELIVERY_BACKOFF_MS: String(FIRST_RETRY_DELAY_MS) },
    });
  });
  afterAll(async () => {
    await hotline?.close();
    await twilio?.close();
  });

  const sendsOf = (body: string) => twilio.requests.filter((r) => r.form?.get('Body') === body).length;
  const stored = async (id: string) => (await hotline.database.db.select().from(messages).where(eq(messages.id, id)))[0]!;

  /** An agent's reply to a fresh SMS appeal, as the API answers it right after the first attempt. */
  async function replyTo(phone: string, body: string): Promise<{ message: Message; before: number; after: number }> {
    const appeal = await textedAppeal(hotline, phone, '路边的消防栓一直在漏水');
    const before = Date.now();
    const res = await hotline.request(`/api/appeals/${appeal.id}/replies`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: body }),
      cookie: await hotline.loginAs('agent1'),
    });
    const after = Date.now();
    expect(res.status).toBe(201);
    return { message: await stored((await res.json()).id), before, after };
  }

  /** The message as the console reads it with its appeal. */
  async function viewOf(message: Message): Promise<MessageView> {
    const res = await hotline.request(`/api/appeals/${message.appealId}`, { cookie: await hotline.loginAs('agent1') });
    return ((await res.json()) as { messages: MessageView[] }).messages.find((m) => m.id === message.id)!;
  }

  /** The message's outbox item: its attempts and when it is tried next. */
  const itemOf = async (messageId: string) => (await hotline.database.db.select().from(outbox).where(eq(outbox.subjectId, messageId)))[0]!;
  /** The time a retry waits for: moves the item's next attempt into the past, as if it had passed. */
  const letRetryFallDue = (messageId: string) =>
    hotline.database.db
      .update(outbox)
      .set({ nextAttemptAt: new Date(Date.now() - 1000) })
      .where(eq(outbox.subjectId, messageId));
  /** The outbox's sweep, as the job runs it. */
  const retryDueDeliveries = () => dispatchOutbox(hotline.deps, [citizenMessages]);

  it('records a 500 from Twilio as failed with a retry in 30 s, then sends it on the retry', async () => {
    const body = '您好，已通知自来水公司抢修。';
    answers.set(body, [500]);
    const { message, before, after } = await replyTo('+8613966660001', body);
    expect(message).toMatchObject({ deliveryStatus: 'failed', deliveryError: expect.stringContaining('Internal Server Error') });
    const item = await itemOf(message.id);
    expect(item).toMatchObject({
      kind: 'citizen-message',
      status: 'pending',
      attempts: 1,
      lastStatusCode: 500,
      payload: { caseNumber: expect.stringMatching(/^\d{14}$/) },
    });
    expect(item.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(before + FIRST_RETRY_DELAY_MS);
    expect(item.nextAttemptAt.getTime()).toBeLessThanOrEqual(after + FIRST_RETRY_DELAY_MS);
    // The console says it in plain words, with the next try: the provider failed, it is retried then.
    expect(await viewOf(message)).toMatchObject({ deliveryProblem: 'provider_down', deliveryRetryAt: item.nextAttemptAt.toISOString() });

    // Not due yet: nothing is sent again.
    await retryDueDeliveries();
    expect(sendsOf(body)).toBe(1);

    await letRetryFallDue(message.id);
    await retryDueDeliveries();
    expect(sendsOf(body)).toBe(2);
    expect(await stored(message.id)).toMatchObject({ deliveryStatus: 'sent', deliveryError: null, providerMessageId: expect.stringMatching(/^SM/) });
    expect(await itemOf(message.id)).toMatchObject({ status: 'delivered', attempts: 2, lastError: null, deliveredAt: expect.any(Date) });
  });

  it('waits twice as long after each failure and gives up after five attempts, staying failed with the last error', async () => {
    const body = '您好，维修人员已出发。';
    answers.set(body, [503, 502, 500, 503, 500]);
    const { message } = await replyTo('+8613966660002', body);
    const waits: number[] = [];
    let current = message;
    for (let attempt = 2; attempt <= MAX_DELIVERY_ATTEMPTS; attempt++) {
      await letRetryFallDue(current.id);
      const before = Date.now();
      await retryDueDeliveries();
      current = await stored(current.id);
      const item = await itemOf(current.id);
      expect(current).toMatchObject({ deliveryStatus: 'failed' });
      expect(item.attempts).toBe(attempt);
      if (item.status === 'pending') waits.push(Math.round((item.nextAttemptAt.getTime() - before) / FIRST_RETRY_DELAY_MS));
    }
    expect(waits).toEqual([2, 4, 8]);
    expect(current.deliveryError).toContain('Internal Server Error');
    expect(await itemOf(current.id)).toMatchObject({
      status: 'failed',
      attempts: MAX_DELIVERY_ATTEMPTS,
      lastError: expect.stringContaining('Internal Server Error'),
    });
    expect(sendsOf(body)).toBe(MAX_DELIVERY_ATTEMPTS);
    await letRetryFallDue(current.id);
    await retryDueDeliveries();
    expect(sendsOf(body)).toBe(MAX_DELIVERY_ATTEMPTS);
  });

  it('does not retry what cannot succeed: a number Twilio rejects (400) or a citizen who opted out', async () => {
    const rejected = '您好，请补充具体位置。';
    answers.set(rejected, [400]);
    const { message } = await replyTo('+8613966660003', rejected);
    expect(message).toMatchObject({ deliveryStatus: 'failed', deliveryError: expect.stringContaining('not a valid phone number') });
    expect(await itemOf(message.id)).toMatchObject({ status: 'failed', attempts: 1, lastStatusCode: 400 });
    expect(await viewOf(message)).toMatchObject({ deliveryProblem: 'rejected', deliveryRetryAt: null });

    const phone = '+8613966660004';
    const appeal = await textedAppeal(hotline, phone, '楼道灯坏了');
    await text(hotline, phone, 'STOP');
    const res = await hotline.request(`/api/appeals/${appeal.id}/replies`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: '物业会处理' }),
      cookie: await hotline.loginAs('agent1'),
    });
    const { id } = await res.json();
    expect(await stored(id)).toMatchObject({ deliveryStatus: 'failed', deliveryError: expect.stringContaining('opted out') });
    expect(await itemOf(id)).toMatchObject({ status: 'failed', attempts: 1 });
  });

  it('sends a due message once when several instances retry at the same time', async () => {
    const body = '您好，已安排今天下午维修。';
    answers.set(body, [500]);
    const { message } = await replyTo('+8613966660005', body);
    await letRetryFallDue(message.id);
    await Promise.all([retryDueDeliveries(), retryDueDeliveries(), retryDueDeliveries()]);
    expect(sendsOf(body)).toBe(2);
    expect(await stored(message.id)).toMatchObject({ deliveryStatus: 'sent' });
    expect(await itemOf(message.id)).toMatchObject({ status: 'delivered', attempts: 2 });
  });
});
