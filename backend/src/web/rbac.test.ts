import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { type TestHotline, startTestHotline } from '../testing/hotline.ts';
import { TWILIO } from '../testing/twilio.ts';
import { WECHAT } from '../testing/wechat.ts';
import { insertTriagedAppeals } from '../testing/staff.ts';
import type { Role } from '../identity/auth/index.ts';
import { events } from '../linkage/index.ts';

/**
 * Who may call what: every route of the HTTP surface × every role. Authorization does not depend
 * on the database kind, so this runs on PGlite only.
 *
 * - `'public'`: open to everyone, logged in or not (never 401/403 from the authorization layer);
 * - `'credential'`: authenticated by something other than a staff session (a provider's signature,
 *   an Open311 api_key): without it every caller gets 403, and a staff session is no substitute;
 * - a role list: those roles pass (the route's own validation may still answer 400/404/409), any
 *   other role gets 403, and a caller without a session 401.
 */
type Access = 'public' | 'credential' | readonly Role[];

const ALL_STAFF = ['agent', 'supervisor', 'admin', 'handler'] as const;
const QUEUE = ['agent', 'supervisor', 'admin'] as const;
const LEADS = ['supervisor', 'admin'] as const;
const ADMIN = ['admin'] as const;

/** Routes in the OpenAPI document. A new route without an entry here fails the test. */
const OPENAPI_MATRIX: Record<string, Access> = {
  'POST /api/auth/login': 'public',
  'POST /api/auth/logout': 'public',
  'POST /api/auth/logout-everywhere': ALL_STAFF,
  'GET /api/auth/me': ALL_STAFF,
  'POST /api/auth/password': ALL_STAFF,
  'GET /api/admin/users': ADMIN,
  'POST /api/admin/users': ADMIN,
  'PATCH /api/admin/users/{id}': ADMIN,
  'POST /api/admin/users/import': ADMIN,
  'POST /api/admin/users/{id}/reset-password': ADMIN,
  'POST /api/admin/users/{id}/end-sessions': ADMIN,
  'POST /api/admin/users/{id}/disable': ADMIN,
  'POST /api/admin/users/{id}/enable': ADMIN,
  'GET /api/admin/audit': ADMIN,
  'GET /api/admin/audit.csv': ADMIN,
  'GET /api/admin/territory': ADMIN,
  'PUT /api/admin/territory': ADMIN,
  'POST /api/admin/territory/validate': ADMIN,
  'GET /api/records': ALL_STAFF,
  'GET /api/records/saved': ALL_STAFF,
  'POST /api/records/saved': ALL_STAFF,
  'DELETE /api/records/saved/{id}': ALL_STAFF,
  'GET /api/admin/webhook-deliveries': ADMIN,
  'POST /api/admin/webhook-deliveries/{id}/retry': ADMIN,
  'GET /api/appeals': QUEUE,
  'GET /api/appeals/{id}': QUEUE,
  'POST /api/appeals/{id}/replies': QUEUE,
  'POST /api/appeals/{id}/accept': QUEUE,
  'GET /api/appeals/{id}/event-draft': QUEUE,
  'POST /api/appeals/{id}/claim': QUEUE,
  'POST /api/appeals/{id}/transfer': QUEUE,
  'POST /api/appeals/{id}/notes': QUEUE,
  'POST /api/appeals/{id}/answer': QUEUE,
  'PATCH /api/appeals/{id}/classification': QUEUE,
  'POST /api/appeals/{id}/merge': QUEUE,
  'POST /api/appeals/{id}/reject': QUEUE,
  'PUT /api/appeals/{id}/confidential': QUEUE,
  'GET /api/attachments/{id}': QUEUE,
  'GET /api/public/appeals/{caseNumber}': 'public',
  'POST /api/public/appeals': 'public',
  'GET /api/public/chat': 'public',
  'POST /api/public/chat/messages': 'public',
  'GET /api/public/territory': 'public',
  'GET /api/categories': ALL_STAFF,
  'GET /api/departments': ALL_STAFF,
  'GET /api/stats/hot': QUEUE,
  'GET /api/stats/wall': LEADS,
  'GET /api/stats/charts': LEADS,
  'GET /api/me/presence': QUEUE,
  'PUT /api/me/presence': QUEUE,
  'GET /api/agents': QUEUE,
  'PUT /api/agents/{userId}/presence': LEADS,
  'GET /api/canned-replies': QUEUE,
  'GET /api/knowledge': QUEUE,
  'GET /api/events': ALL_STAFF,
  'GET /api/events/counts': ALL_STAFF,
  'GET /api/events/{id}': ALL_STAFF,
  'POST /api/events/{id}/steps': ALL_STAFF,
  'GET /api/events/{id}/photos/{photoId}': ALL_STAFF,
  'GET /api/time-limit-rules': QUEUE,
  'GET /api/assessment': LEADS,
  'GET /api/assessment.csv': LEADS,
  'GET /channels/wechat': 'credential',
  'POST /channels/wechat': 'credential',
  'GET /open311/v2/services.json': 'public',
  'GET /open311/v2/services.xml': 'public',
  'GET /open311/v2/services/{file}': 'public',
  'GET /open311/v2/requests.json': 'public',
  'GET /open311/v2/requests.xml': 'public',
  'GET /open311/v2/requests/{file}': 'public',
  'POST /open311/v2/requests.json': 'credential',
  'POST /open311/v2/requests.xml': 'credential',
};

/** Routes mounted outside the OpenAPI document (plain hono routes in app.ts and the Twilio webhooks). */
const OTHER_ROUTES: Record<string, Access> = {
  'GET /healthz': 'public',
  'GET /readyz': 'public',
  'GET /api/openapi.json': 'public',
  'POST /channels/twilio/sms': 'credential',
  'POST /channels/twilio/sms/status': 'credential',
  'POST /channels/twilio/voice': 'credential',
  'POST /channels/twilio/voice/menu': 'credential',
  'POST /channels/twilio/voice/report': 'credential',
  'POST /channels/twilio/voice/lookup': 'credential',
  'POST /channels/twilio/voice/wait': 'credential',
  'POST /channels/twilio/voice/queue-result': 'credential',
  'POST /channels/twilio/voice/recorded': 'credential',
  'POST /channels/twilio/voice/transcription': 'credential',
  'POST /channels/twilio/voice/status': 'credential',
};

const CALLERS = ['anonymous', 'agent', 'supervisor', 'admin', 'handler'] as const;
type Caller = (typeof CALLERS)[number];
const ACCOUNT: Record<Exclude<Caller, 'anonymous'>, string> = { agent: 'agent1', supervisor: 'supervisor', admin: 'admin', handler: 'dept-urban' };

/** Routes that end the caller's sessions (logout everywhere ends all of them): the caller logs in again afterwards. */
const ENDS_SESSION = new Set(['POST /api/auth/logout', 'POST /api/auth/logout-everywhere']);

/** Dummy path parameters: nothing by these ids exists, so an allowed caller reaches at most a 404. */
const DUMMY_PARAMS: Record<string, string> = {
  id: randomUUID(),
  userId: randomUUID(),
  photoId: randomUUID(),
  caseNumber: '20990101000001',
  file: '20990101000001.json',
};

/** An empty body in the media type the route speaks, so the request reaches the authorization check rather than a 415. */
function minimalBody(template: string): { type: string; text: string } {
  if (template.startsWith('/channels/twilio') || template.startsWith('/open311')) return { type: 'application/x-www-form-urlencoded', text: '' };
  if (template.startsWith('/channels/wechat')) return { type: 'text/xml', text: '<xml></xml>' };
  return { type: 'application/json', text: '{}' };
}

const concretePath = (template: string) => template.replace(/\{(\w+)\}/g, (_, name: string) => DUMMY_PARAMS[name] ?? randomUUID());

describe('RBAC: every route × every role', () => {
  let hotline: TestHotline;
  const sessions = new Map<Caller, string>();
  let documented: string[];

  beforeAll(async () => {
    hotline = await startTestHotline('pglite', {
      env: {
        TWILIO_ACCOUNT_SID: TWILIO.accountSid,
        TWILIO_AUTH_TOKEN: TWILIO.authToken,
        TWILIO_PHONE_NUMBER: TWILIO.phoneNumber,
        PUBLIC_URL: TWILIO.publicUrl,
        WECHAT_TOKEN: WECHAT.token,
        OPEN311_API_KEYS: 'rbac-test-open311-key-0001',
      },
    });
    for (const caller of CALLERS) if (caller !== 'anonymous') sessions.set(caller, await hotline.loginAs(ACCOUNT[caller]));
    const doc = (await (await hotline.request('/api/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
    documented = Object.entries(doc.paths).flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`));
  });
  afterAll(async () => {
    await hotline?.close();
  });

  it('has an entry for every route in the OpenAPI document, and none for a route that is gone', () => {
    expect(documented.filter((route) => !(route in OPENAPI_MATRIX))).toEqual([]);
    expect(Object.keys(OPENAPI_MATRIX).filter((route) => !documented.includes(route))).toEqual([]);
  });

  async function call(route: string, caller: Caller): Promise<Response> {
    const [method, template] = route.split(' ') as [string, string];
    const body = method === 'GET' ? undefined : minimalBody(template);
    const res = await hotline.request(concretePath(template), {
      method,
      headers: body ? { 'content-type': body.type } : {},
      body: body?.text,
      cookie: caller === 'anonymous' ? undefined : sessions.get(caller),
    });
    if (caller !== 'anonymous' && ENDS_SESSION.has(route)) sessions.set(caller, await hotline.loginAs(ACCOUNT[caller]));
    return res;
  }

  /** What the authorization layer must answer this caller, or `'pass'` when it must let the request through to the route. */
  function expected(access: Access, caller: Caller): 401 | 403 | 'pass' {
    if (access === 'public') return 'pass';
    if (access === 'credential') return 403;
    if (caller === 'anonymous') return 401;
    return access.includes(caller) ? 'pass' : 403;
  }

  const cases = Object.entries({ ...OPENAPI_MATRIX, ...OTHER_ROUTES }).flatMap(([route, access]) => CALLERS.map((caller) => [route, caller, access] as const));

  it.each(cases)('%s as %s', async (route, caller, access) => {
    const res = await call(route, caller);
    const want = expected(access, caller);
    if (want === 'pass') {
      expect(res.status, `${route} as ${caller}: ${await res.clone().text()}`).not.toBe(401);
      expect(res.status).not.toBe(403);
      expect(res.status).toBeLessThan(500);
    } else {
      expect(res.status, `${route} as ${caller}: ${await res.clone().text()}`).toBe(want);
    }
  });
  /**
   * The matrix calls with ids of nothing, so it cannot tell "not yours" from "not there": a
   * department handler must not be able to either. Another department's event answers exactly as
   * a missing one, whether read or stepped on.
   */
  it("answers a handler 404 for another department's event, on GET and on every step, as for no event at all", async () => {
    const [appeal] = await insertTriagedAppeals(hotline, [{ channel: 'web', categoryCode: 'utility-services' }]);
    const accepted = await hotline.request(`/api/appeals/${appeal!.id}/accept`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        categoryCode: 'utility-services',
        urgency: 'normal',
        leadDepartmentCode: 'water',
        timeLimitAt: new Date(Date.now() + 72 * 3600_000).toISOString(),
      }),
      cookie: sessions.get('agent'),
    });
    expect(accepted.status, await accepted.clone().text()).toBe(200);
    const [event] = await hotline.database.db.select({ id: events.id }).from(events).where(eq(events.appealId, appeal!.id));
    const asHandler = async (path: string, body?: unknown) => {
      const res = await hotline.request(path, {
        method: body ? 'POST' : 'GET',
        headers: body ? { 'content-type': 'application/json' } : {},
        body: body ? JSON.stringify(body) : undefined,
        cookie: sessions.get('handler'),
      });
      const { error } = await res.json();
      // All but the request id, which is every response's own.
      return { status: res.status, code: error?.code, message: error?.message };
    };
    const steps = [
      { action: 'sign' },
      { action: 'report', note: '已处置' },
      { action: 'request_extension', note: '需要更多时间', timeLimitAt: new Date(Date.now() + 240 * 3600_000).toISOString() },
      { action: 'return', note: '非我局职责' },
      { action: 'urge' },
    ];
    for (const path of ['', `/photos/${randomUUID()}`]) {
      expect(await asHandler(`/api/events/${event!.id}${path}`)).toEqual(await asHandler(`/api/events/${randomUUID()}${path}`));
    }
    for (const step of steps) {
      const theirs = await asHandler(`/api/events/${event!.id}/steps`, step);
      expect(theirs, step.action).toEqual(await asHandler(`/api/events/${randomUUID()}/steps`, step));
      expect(theirs.status).toBe(404);
    }
  });
});
