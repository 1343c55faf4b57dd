import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { testDatabaseKinds } from '../testing/databases.ts';
import { type TestHotline, startTestHotline } from '../testing/hotline.ts';
import { type CapturedRequest, type FakeProvider, startFakeProvider } from '../testing/fake-provider.ts';
import { fakeTwilioMessages, twilioEnv } from '../testing/twilio.ts';
import { text, textedAppeal } from '../testing/closed-loop.ts';
import { type Message, messages } from './schema.ts';
import { FIRST_RETRY_DELAY_MS, MAX_DELIVERY_ATTEMPTS } from './outbound.ts';
import { retryDueDeliveries } from './retry-deliveries.ts';

const kinds = await testDatabaseKinds();

/** Twilio's error body for a failed `messages.create`. */
const twilioError = (status: number, code: number, message: string) => ({ status, json: { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status } });

describe.each(kinds)('retrying deliveries that may succeed later on %s', (kind) => {
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
    hotline = await startTestHotline(kind, { env: twilioEnv(twilio) });
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

  /** The time a retry waits for: moves the message's next attempt into the past, as if it had passed. */
  const letRetryFallDue = (id: string) => hotline.database.db.update(messages).set({ nextDeliveryAt: new Date(Date.now() - 1000) }).where(eq(messages.id, id));

  it('records a 500 from Twilio as failed with a retry in 30 s, then sends it on the retry', async () => {
    const body = '您好，已通知自来水公司抢修。';
    answers.set(body, [500]);
    const { message, before, after } = await replyTo('+8613966660001', body);
    expect(message).toMatchObject({ deliveryStatus: 'failed', deliveryAttempts: 1, deliveryError: expect.stringContaining('Internal Server Error') });
    expect(message.nextDeliveryAt!.getTime()).toBeGreaterThanOrEqual(before + FIRST_RETRY_DELAY_MS);
    expect(message.nextDeliveryAt!.getTime()).toBeLessThanOrEqual(after + FIRST_RETRY_DELAY_MS);

    // Not due yet: nothing is sent again.
    await retryDueDeliveries(hotline.deps);
    expect(sendsOf(body)).toBe(1);

    await letRetryFallDue(message.id);
    await retryDueDeliveries(hotline.deps);
    expect(sendsOf(body)).toBe(2);
    expect(await stored(message.id)).toMatchObject({ deliveryStatus: 'sent', deliveryAttempts: 2, deliveryError: null, nextDeliveryAt: null, providerMessageId: expect.stringMatching(/^SM/) });
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
      await retryDueDeliveries(hotline.deps);
      current = await stored(current.id);
      expect(current).toMatchObject({ deliveryStatus: 'failed', deliveryAttempts: attempt });
      if (current.nextDeliveryAt) waits.push(Math.round((current.nextDeliveryAt.getTime() - before) / FIRST_RETRY_DELAY_MS));
    }
    expect(waits).toEqual([2, 4, 8]);
    expect(current).toMatchObject({ deliveryAttempts: MAX_DELIVERY_ATTEMPTS, nextDeliveryAt: null, deliveryError: expect.stringContaining('Internal Server Error') });
    expect(sendsOf(body)).toBe(MAX_DELIVERY_ATTEMPTS);
    await retryDueDeliveries(hotline.deps);
    expect(sendsOf(body)).toBe(MAX_DELIVERY_ATTEMPTS);
  });

  it('does not retry what cannot succeed: a number Twilio rejects (400) or a citizen who opted out', async () => {
    const rejected = '您好，请补充具体位置。';
    answers.set(rejected, [400]);
    const { message } = await replyTo('+8613966660003', rejected);
    expect(message).toMatchObject({ deliveryStatus: 'failed', deliveryAttempts: 1, nextDeliveryAt: null, deliveryError: expect.stringContaining('not a valid phone number') });

    const phone = '+8613966660004';
    const appeal = await textedAppeal(hotline, phone, '楼道灯坏了');
    await text(hotline, phone, 'STOP');
    const res = await hotline.request(`/api/appeals/${appeal.id}/replies`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: '物业会处理' }), cookie: await hotline.loginAs('agent1') });
    expect(await stored((await res.json()).id)).toMatchObject({ deliveryStatus: 'failed', nextDeliveryAt: null, deliveryError: expect.stringContaining('opted out') });
  });

  it('sends a due message once when several instances retry at the same time', async () => {
    const body = '您好，已安排今天下午维修。';
    answers.set(body, [500]);
    const { message } = await replyTo('+8613966660005', body);
    await letRetryFallDue(message.id);
    await Promise.all([retryDueDeliveries(hotline.deps), retryDueDeliveries(hotline.deps), retryDueDeliveries(hotline.deps)]);
    expect(sendsOf(body)).toBe(2);
    expect(await stored(message.id)).toMatchObject({ deliveryStatus: 'sent', deliveryAttempts: 2 });
  });
});
