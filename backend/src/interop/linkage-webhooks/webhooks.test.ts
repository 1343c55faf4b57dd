import { createHmac, timingSafeEqual } from 'node:crypto';
import { type IncomingHttpHeaders, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { testDatabaseKinds } from '../../testing/databases.ts';
import { type TestHotline, startTestHotline, submitWebAppeal } from '../../testing/hotline.ts';
import { loadConfig } from '../../platform/config/index.ts';
import { appeals } from '../../appeals/index.ts';
import { auditLog } from '../../platform/audit/index.ts';
import { eventSteps, events } from '../../linkage/index.ts';
import { backoffMs, dispatchOutbox, outbox } from '../../platform/outbox/index.ts';
import { linkageWebhooks } from './deliver.ts';
import { queueWebhookSteps } from './queue.ts';

const kinds = await testDatabaseKinds();
const SECRET = 'linkage-platform-secret-0123';
const HOUR = 3600_000;

interface Received {
  headers: IncomingHttpHeaders;
  rawBody: string;
}

/**
 * The linkage platform: a plain node:http server that answers with the statuses it is told to
 * (then 200) and keeps every request's raw body, to verify signatures as a third party would.
 */
async function startReceiver() {
  const received: Received[] = [];
  const replies: number[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    received.push({ headers: req.headers, rawBody: Buffer.concat(chunks).toString('utf8') });
    res.writeHead(replies.shift() ?? 200, { 'content-type': 'text/plain' });
    res.end('ok');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hotline-events`,
    received,
    replies,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** What the README tells a receiving platform to do: HMAC-SHA256 over "<timestamp>.<raw body>", compared in constant time. */
function signatureIsValid({ headers, rawBody }: Received, secret: string): boolean {
  const timestamp = headers['x-hotline-timestamp'] as string;
  const expected = Buffer.from(`sha256=${createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex')}`);
  const given = Buffer.from(String(headers['x-hotline-signature']));
  return given.length === expected.length && timingSafeEqual(given, expected);
}

describe('webhook configuration', () => {
  it('takes the platform URL and secret together; the outbox retries 8 times by default', () => {
    expect(loadConfig({}).linkageWebhook).toBeUndefined();
    const config = loadConfig({ LINKAGE_WEBHOOK_URL: 'https://linkage.example.gov.cn/hooks', LINKAGE_WEBHOOK_SECRET: SECRET });
    expect(config.linkageWebhook).toEqual({ url: 'https://linkage.example.gov.cn/hooks', secret: SECRET });
    expect(config.delivery).toEqual({ maxAttempts: 8, backoffBaseMs: 30_000, backoffMaxMs: 6 * HOUR });
    expect(() => loadConfig({ LINKAGE_WEBHOOK_URL: 'https://linkage.example.gov.cn/hooks' })).toThrow(/LINKAGE_WEBHOOK_SECRET: goes with LINKAGE_WEBHOOK_URL/);
    expect(() => loadConfig({ LINKAGE_WEBHOOK_SECRET: SECRET })).toThrow(/LINKAGE_WEBHOOK_SECRET: goes with LINKAGE_WEBHOOK_URL/);
    expect(() => loadConfig({ LINKAGE_WEBHOOK_URL: 'ftp://linkage.example.gov.cn', LINKAGE_WEBHOOK_SECRET: 'short' })).toThrow(
      /LINKAGE_WEBHOOK_URL[\s\S]*LINKAGE_WEBHOOK_SECRET: must be at least 16/,
    );
  });

  it('backs off exponentially from the base, capped at six hours', () => {
    const policy = loadConfig({}).delivery;
    expect([1, 2, 3, 4].map((attempts) => backoffMs(policy, attempts))).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(backoffMs(policy, 20)).toBe(6 * HOUR);
  });
});

describe.each(kinds)('outbound webhooks to the linkage platform on %s', (kind) => {
  let hotline: TestHotline;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  const cookies: Record<string, string> = {};

  beforeAll(async () => {
    receiver = await startReceiver();
    hotline = await startTestHotline(kind, {
      env: { LINKAGE_WEBHOOK_URL: receiver.url, LINKAGE_WEBHOOK_SECRET: SECRET, DELIVERY_MAX_ATTEMPTS: '2', DELIVERY_BACKOFF_MS: '1' },
    });
    for (const user of ['agent1', 'supervisor', 'admin', 'dept-urban']) cookies[user] = await hotline.loginAs(user);
  });
  afterAll(async () => {
    await hotline?.close();
    await receiver?.close();
  });

  const db = () => hotline.database.db;
  const api = (path: string, user: string | undefined, init: { method?: string; body?: unknown } = {}) =>
    hotline.request(path, {
      method: init.method ?? 'GET',
      headers: { 'content-type': 'application/json' },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      cookie: user && cookies[user],
    });

  /** A citizen's web appeal, accepted by an agent as an event led by 城市管理局. */
  async function dispatchedEvent(text: string) {
    const { body } = await submitWebAppeal(hotline, { text, name: '王小明', phone: '13800138000', latitude: 30.245, longitude: 120.145 });
    await hotline.deps.triage.idle();
    const [appeal] = await db().select().from(appeals).where(eq(appeals.caseNumber, body.caseNumber!));
    const accepted = await api(`/api/appeals/${appeal!.id}/accept`, 'agent1', {
      method: 'POST',
      body: { categoryCode: 'city-appearance', urgency: 'normal', leadDepartmentCode: 'urban', timeLimitAt: new Date(Date.now() + 48 * HOUR).toISOString() },
    });
    expect(accepted.status).toBe(200);
    const [event] = await db().select().from(events).where(eq(events.appealId, appeal!.id));
    return event!;
  }

  /** The event's notices in the outbox, as the delivery log names their fields. */
  const deliveriesOf = async (eventId: string) =>
    (
      await db()
        .select()
        .from(outbox)
        .where(and(eq(outbox.kind, 'linkage-webhook'), eq(outbox.subjectId, eventId)))
        .orderBy(outbox.createdAt)
    ).map(({ subjectId, target, ...item }) => ({
      ...item,
      eventId: subjectId,
      url: target,
    }));

  /** Runs the delivery sweep until the event's deliveries are all settled (the jobs also run on their own). */
  async function settled(eventId: string, count: number) {
    return vi.waitFor(
      async () => {
        await dispatchOutbox(hotline.deps, [linkageWebhooks]);
        const rows = await deliveriesOf(eventId);
        expect(rows).toHaveLength(count);
        expect(rows.every((r) => r.status !== 'pending')).toBe(true);
        return rows;
      },
      { timeout: 10_000, interval: 50 },
    );
  }
  const stepTime = (delivery: { payload: unknown }) => Date.parse((delivery.payload as { step: { createdAt: string } }).step.createdAt);
  const postsOf = (deliveryId: string) => receiver.received.filter((r) => r.headers['x-hotline-delivery'] === deliveryId);

  it('posts a signed event.created for the dispatch, and retries it after a 500 until the platform takes it', async () => {
    receiver.replies.push(500);
    const event = await dispatchedEvent('东湖路口垃圾桶满溢，臭味很大');

    const [delivery] = await settled(event.id, 1);
    expect(delivery).toMatchObject({ topic: 'event.created', status: 'delivered', attempts: 2, lastStatusCode: 200, lastError: null, url: receiver.url });

    const posts = postsOf(delivery!.id);
    expect(posts).toHaveLength(2);
    for (const post of posts) {
      expect(post.headers['content-type']).toBe('application/json');
      expect(post.headers['x-hotline-topic']).toBe('event.created');
      expect(Number(post.headers['x-hotline-timestamp'])).toBeGreaterThan(Date.now() / 1000 - 60);
      expect(signatureIsValid(post, SECRET)).toBe(true);
      // A receiver with another secret, or a body changed on the way, fails verification.
      expect(signatureIsValid(post, 'not-the-platform-secret')).toBe(false);
      expect(signatureIsValid({ ...post, rawBody: post.rawBody.replace('city-appearance', 'construction') }, SECRET)).toBe(false);
    }
    const payload = JSON.parse(posts[0]!.rawBody);
    expect(payload).toMatchObject({
      id: delivery!.id,
      topic: 'event.created',
      occurredAt: expect.any(String),
      event: {
        id: event.id,
        caseNumber: event.caseNumber,
        status: 'dispatched',
        categoryCode: 'city-appearance',
        urgency: 'normal',
        leadDepartmentCode: 'urban',
        coDepartmentCodes: [],
        timeLimitAt: event.timeLimitAt.toISOString(),
      },
      step: { action: 'dispatch', fromStatus: null, toStatus: 'dispatched', departmentCode: 'urban', createdAt: expect.any(String) },
    });
    // Never the citizen: not their name, phone or words.
    for (const secret of ['王小明', '13800138000', '垃圾桶满溢']) expect(posts[0]!.rawBody).not.toContain(secret);
  });

  it('tells each later step as event.updated, and the pass that closes the event as event.closed', async () => {
    const event = await dispatchedEvent('西山路人行道地砖松动');
    expect((await api(`/api/events/${event.id}/steps`, 'dept-urban', { method: 'POST', body: { action: 'sign' } })).status).toBe(200);
    expect((await api(`/api/events/${event.id}/steps`, 'dept-urban', { method: 'POST', body: { action: 'report', note: '已更换松动地砖' } })).status).toBe(200);
    expect((await api(`/api/events/${event.id}/steps`, 'agent1', { method: 'POST', body: { action: 'verify_pass' } })).status).toBe(200);

    const rows = (await settled(event.id, 4)).sort((a, b) => stepTime(a) - stepTime(b));
    expect(rows.map((r) => [r.topic, (r.payload as { step: { action: string } }).step.action])).toEqual([
      ['event.created', 'dispatch'],
      ['event.updated', 'sign'],
      ['event.updated', 'report'],
      ['event.closed', 'verify_pass'],
    ]);
    expect(rows.every((r) => r.status === 'delivered')).toBe(true);
    expect(rows[2]!.payload).toMatchObject({ step: { note: '已更换松动地砖', departmentCode: 'urban' } });
  });

  it('gives up after the last attempt; admins see the failure in the log and send it again', async () => {
    receiver.replies.push(500, 500);
    const event = await dispatchedEvent('南桥镇路灯不亮');
    const [failed] = await settled(event.id, 1);
    expect(failed).toMatchObject({ status: 'failed', attempts: 2, lastStatusCode: 500, lastError: 'HTTP 500: ok' });

    const log = await api('/api/admin/webhook-deliveries?status=failed', 'admin');
    expect(log.status).toBe(200);
    const page = await log.json();
    expect(page).toMatchObject({ page: 1, pageSize: 20, total: expect.any(Number) });
    expect(page.items).toContainEqual(
      expect.objectContaining({
        id: failed!.id,
        topic: 'event.created',
        eventId: event.id,
        caseNumber: event.caseNumber,
        status: 'failed',
        attempts: 2,
        lastStatusCode: 500,
        payload: expect.objectContaining({ id: failed!.id }),
      }),
    );
    expect(page.items.every((i: { status: string }) => i.status === 'failed')).toBe(true);
    const all = await (await api('/api/admin/webhook-deliveries?pageSize=1', 'admin')).json();
    expect(all).toMatchObject({ pageSize: 1, items: [expect.any(Object)] });
    expect(all.total).toBeGreaterThanOrEqual(page.total);

    // Only admins read the log and retry (the console shows it to them alone); supervisors, agents and department handlers see nothing.
    for (const user of ['supervisor', 'agent1', 'dept-urban']) expect((await api('/api/admin/webhook-deliveries', user)).status).toBe(403);
    expect((await api('/api/admin/webhook-deliveries', undefined)).status).toBe(401);
    expect((await api('/api/admin/webhook-deliveries?status=lost', 'admin')).status).toBe(400);
    const retryPath = `/api/admin/webhook-deliveries/${failed!.id}/retry`;
    for (const user of ['supervisor', 'agent1', 'dept-urban']) expect((await api(retryPath, user, { method: 'POST' })).status).toBe(403);
    expect((await api(retryPath, undefined, { method: 'POST' })).status).toBe(401);
    expect((await api('/api/admin/webhook-deliveries/00000000-0000-4000-8000-000000000000/retry', 'admin', { method: 'POST' })).status).toBe(404);

    const retried = await api(retryPath, 'admin', { method: 'POST' });
    expect(retried.status).toBe(200);
    expect(await retried.json()).toMatchObject({ id: failed!.id, status: 'pending', attempts: 0, lastError: 'HTTP 500: ok' });
    const again = await api(retryPath, 'admin', { method: 'POST' });
    expect(again.status).toBe(409);
    expect((await again.json()).error).toMatchObject({ code: 'conflict', details: { status: 'pending' } });
    const [audited] = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, failed!.id), eq(auditLog.action, 'webhook_delivery.retried')));
    expect(audited).toMatchObject({ actorType: 'user', before: { status: 'failed', attempts: 2 }, after: { status: 'pending' } });

    const [delivered] = await settled(event.id, 1);
    expect(delivered).toMatchObject({ status: 'delivered', attempts: 1, lastStatusCode: 200 });
    expect(postsOf(failed!.id)).toHaveLength(3);
  });

  describe('queueing', () => {
    /** Steps written straight to the table, as if many changes had happened while no job ran. */
    async function backlogOf(eventId: string, label: string, count: number) {
      const rows = Array.from({ length: count }, (_, i) => ({
        eventId,
        action: 'urge' as const,
        fromStatus: 'handling' as const,
        toStatus: 'handling' as const,
        departmentCode: 'urban',
        note: `${label} ${i}`,
      }));
      return (await db().insert(eventSteps).values(rows).returning({ id: eventSteps.id })).map((s) => s.id);
    }

    it('queues each step exactly once when two instances run the job at the same moment', async () => {
      const event = await dispatchedEvent('东湖街道广场噪音扰民');
      await settled(event.id, 1);
      const stepIds = await backlogOf(event.id, 'race', 230);

      await Promise.all([queueWebhookSteps(hotline.deps), queueWebhookSteps(hotline.deps)]);

      const queued = await db().select().from(eventSteps).where(inArray(eventSteps.id, stepIds));
      expect(queued.every((s) => s.webhookQueuedAt !== null)).toBe(true);
      const deliveries = await db().select({ payload: outbox.payload }).from(outbox).where(eq(outbox.subjectId, event.id));
      const perStep = new Map<string, number>();
      for (const { payload } of deliveries) {
        const stepId = (payload as { step: { id: string } }).step.id;
        perStep.set(stepId, (perStep.get(stepId) ?? 0) + 1);
      }
      expect(stepIds.map((id) => perStep.get(id))).toEqual(stepIds.map(() => 1));
      expect(deliveries).toHaveLength(stepIds.length + 1);
    });

    it('leaves a dispatch or closure step to the citizens’ notice first, and queues it once they are told (or after a minute)', async () => {
      const [event] = await db().select().from(events).limit(1);
      const closure = {
        eventId: event!.id,
        action: 'verify_pass' as const,
        fromStatus: 'reported' as const,
        toStatus: 'closed' as const,
        departmentCode: 'urban',
      };
      const steps = await db()
        .insert(eventSteps)
        .values([
          { ...closure, note: 'owed' },
          { ...closure, note: 'told', citizensNotifiedAt: new Date() },
          { ...closure, note: 'stale', createdAt: new Date(Date.now() - 5 * 60_000) },
        ])
        .returning({ id: eventSteps.id });
      await queueWebhookSteps(hotline.deps);
      const rows = await db()
        .select()
        .from(eventSteps)
        .where(
          inArray(
            eventSteps.id,
            steps.map((s) => s.id),
          ),
        );
      expect(Object.fromEntries(rows.map((r) => [r.note, r.webhookQueuedAt !== null]))).toEqual({ owed: false, told: true, stale: true });
    });

    it('marks steps queued without writing deliveries while no platform is configured, so no backlog builds up', async () => {
      const [event] = await db().select().from(events).limit(1);
      const stepIds = await backlogOf(event!.id, 'unconfigured', 5);
      const withoutPlatform = { ...hotline.deps, config: { ...hotline.deps.config, linkageWebhook: undefined } };
      await queueWebhookSteps(withoutPlatform);
      const steps = await db().select().from(eventSteps).where(inArray(eventSteps.id, stepIds));
      expect(steps.every((s) => s.webhookQueuedAt !== null)).toBe(true);
      const written = await db()
        .select()
        .from(outbox)
        .where(sql`${outbox.payload}::text like ${'%unconfigured%'}`);
      expect(written).toEqual([]);
    });
  });
});
