import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signTwilioRequest } from '@hotline/channels/twilio';
import { acceptAsEvent, textedAppeal, untilNotified } from '../testing/closed-loop.ts';
import { testDatabaseKinds } from '../testing/databases.ts';
import { type TestHotline, intakeRowCounts } from '../testing/hotline.ts';
import { startProviderHotline } from '../testing/provider-hotline.ts';
import { TWILIO, twilioSid } from '../testing/twilio.ts';
import { signedQuery, textXml } from '../testing/wechat.ts';

/**
 * Every input of every route takes the one string type and the one date type: NUL, other control
 * characters, lone surrogates and dates outside 2000–2099 are a 4xx that names the field and
 * writes nothing — never a 5xx. The routes come from the OpenAPI document, so a new route is
 * walked without being listed; the Twilio webhooks, outside the document, are listed below.
 */
const kinds = await testDatabaseKinds();
const OPEN311_KEY = 'hostile-open311-key-0123456789';

/** What a URL can carry: percent-decoding never yields a lone surrogate. */
const HOSTILE_IN_URL = ['a\u0000b', 'x\u001by'];
/** A JSON body can also escape a lone surrogate (`"\ud800"`), which no UTF-8 encodes. */
const HOSTILE_IN_JSON = [...HOSTILE_IN_URL, '\ud800', 'a\udc00'];
const HOSTILE_DATES = ['9999-12-31T23:59:59Z', '0001-01-01T00:00:00Z', '+275760-09-13T00:00:00.000Z'];

interface Schema {
  type?: string;
  format?: string;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  oneOf?: Schema[];
  anyOf?: Schema[];
  $ref?: string;
  minimum?: number;
  minLength?: number;
}
interface Operation {
  parameters?: { name: string; in: 'path' | 'query'; schema?: Schema }[];
  requestBody?: { content: Record<string, { schema: Schema }> };
}
type Document = { paths: Record<string, Record<string, Operation>>; components?: { schemas?: Record<string, Schema> } };

/** A value the schema accepts, so a request differs from a valid one only where the attack is. */
function sample(schema: Schema, resolve: (s: Schema) => Schema, name: string): unknown {
  const s = resolve(schema);
  if (s.enum) return s.enum[0];
  if (s.oneOf ?? s.anyOf) return sample((s.oneOf ?? s.anyOf)![0]!, resolve, name);
  if (s.type === 'object') return Object.fromEntries((s.required ?? []).map((key) => [key, sample(s.properties?.[key] ?? {}, resolve, key)]));
  if (s.type === 'array') return [sample(s.items ?? {}, resolve, name)];
  if (s.type === 'integer' || s.type === 'number') return Math.max(s.minimum ?? 1, 1);
  if (s.type === 'boolean') return true;
  if (s.format === 'uuid') return randomUUID();
  if (s.format === 'date-time') return new Date(Date.now() + 72 * 3600_000).toISOString();
  if (/DepartmentCodes?$/.test(name)) return 'urban';
  return name.endsWith('Code') ? 'city-appearance' : 'text'.padEnd(s.minLength ?? 1, 'x');
}

/** One attack: a route, where the hostile value goes, and the request that carries it. */
interface Attack {
  route: string;
  field: string;
  value: string;
  send: (hotline: TestHotline, cookie: string) => Promise<Response>;
}

/** Every string parameter and every top-level string (or string list) body property of every route, each hostile value in turn. */
function attacksOn(doc: Document, pathFor: (template: string, override?: [string, string]) => string): Attack[] {
  const resolve = (s: Schema): Schema => (s.$ref ? resolve(doc.components!.schemas![s.$ref.split('/').pop()!]!) : s);
  const attacks: Attack[] = [];
  for (const [template, operations] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(operations)) {
      const route = `${method.toUpperCase()} ${template}`;
      for (const param of op.parameters ?? []) {
        const values = resolve(param.schema ?? {}).format === 'date-time' ? [...HOSTILE_IN_URL, ...HOSTILE_DATES] : HOSTILE_IN_URL;
        for (const value of values) {
          const path = param.in === 'path' ? pathFor(template, [param.name, value]) : `${pathFor(template)}?${new URLSearchParams({ [param.name]: value })}`;
          attacks.push({ route, field: param.name, value, send: (hotline, cookie) => hotline.request(path, { method: method.toUpperCase(), cookie }) });
        }
      }
      const json = op.requestBody?.content['application/json']?.schema;
      if (!json) continue;
      const root = resolve(json);
      for (const variant of root.oneOf ?? root.anyOf ?? [root]) {
        const shape = resolve(variant);
        const base = { ...(sample(shape, resolve, '') as Record<string, unknown>), ...(template.startsWith('/open311') ? { api_key: OPEN311_KEY } : {}) };
        for (const [field, property] of Object.entries(shape.properties ?? {})) {
          const p = resolve(property);
          const isDate = p.format === 'date-time';
          if (p.type !== 'string' && resolve(p.items ?? {}).type !== 'string' && !isDate) continue;
          if (p.enum) continue;
          for (const value of isDate ? [...HOSTILE_IN_JSON, ...HOSTILE_DATES] : HOSTILE_IN_JSON) {
            const body = JSON.stringify({ ...base, [field]: p.type === 'array' ? [value] : value });
            const init = { method: method.toUpperCase(), headers: { 'content-type': 'application/json' }, body };
            attacks.push({ route, field, value, send: (hotline, cookie) => hotline.request(pathFor(template), { ...init, cookie }) });
          }
        }
      }
    }
  }
  return attacks;
}

describe.each(kinds)('hostile input on every route on %s', (kind) => {
  let hotline: TestHotline;
  let close: (() => Promise<void>) | undefined;
  let attacks: Attack[];
  let admin: string;

  beforeAll(async () => {
    ({ hotline, close } = await startProviderHotline(kind, { OPEN311_API_KEYS: OPEN311_KEY }));
    admin = await hotline.loginAs('admin');
    // Real ids, so an attack that got past validation would reach the database with its value.
    const pending = await textedAppeal(hotline, '+8613911115001', '小区门口的路灯坏了三天了');
    const dispatched = await textedAppeal(hotline, '+8613911115002', '人行道上的井盖丢了，很危险');
    const event = await acceptAsEvent(hotline, dispatched.id);
    // The citizen's dispatch notice is written in the background: let it land before counting rows.
    await untilNotified(hotline, event.id, 'dispatch');
    const ids = (template: string): Record<string, string> => ({
      id: template.startsWith('/api/appeals') ? pending.id : template.startsWith('/api/events') ? event.id : randomUUID(),
      userId: randomUUID(),
      photoId: randomUUID(),
      caseNumber: pending.caseNumber,
      file: template.includes('/services/') ? 'city-appearance.json' : `${pending.caseNumber}.json`,
    });
    const pathFor = (template: string, override?: [string, string]) =>
      template.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(override?.[0] === name ? override[1] : ids(template)[name]!));
    const doc = (await (await hotline.request('/api/openapi.json')).json()) as Document;
    attacks = attacksOn(doc, pathFor);
  });
  afterAll(() => close?.());

  it('walks a few hundred attacks: each route of the OpenAPI document at least once', () => {
    expect(attacks.length).toBeGreaterThan(200);
    for (const route of [
      'POST /api/auth/login',
      'GET /open311/v2/requests.json',
      'POST /api/public/appeals',
      'POST /api/events/{id}/steps',
      'GET /api/knowledge',
    ])
      expect(attacks.map((a) => a.route)).toContain(route);
  });

  it('answers every attack with a 4xx that names the field, and writes nothing', async () => {
    const failures: string[] = [];
    for (const attack of attacks) {
      const before = await intakeRowCounts(hotline);
      const res = await attack.send(hotline, admin);
      const text = await res.text();
      const label = `${attack.route} ${attack.field}=${JSON.stringify(attack.value)}: ${res.status} ${text.slice(0, 200)}`;
      if (res.status >= 500 || res.status < 400) failures.push(label);
      else if (res.status === 400 && !text.includes(attack.field)) failures.push(`${label} (the field is not named)`);
      else if (JSON.stringify(await intakeRowCounts(hotline)) !== JSON.stringify(before)) failures.push(`${label} (wrote rows)`);
      if (attack.route.endsWith('/logout') || attack.route.endsWith('/logout-everywhere')) admin = await hotline.loginAs('admin');
    }
    expect(failures).toEqual([]);
  });

  const signedTwilio = (path: string, params: Record<string, string>) =>
    hotline.request(path, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-twilio-signature': signTwilioRequest(TWILIO.authToken, `${TWILIO.publicUrl}${path}`, params),
      },
      body: new URLSearchParams(params).toString(),
    });

  it.each([
    ['Body', 'Body', { Body: '路灯\u0000坏了' }],
    ['From', 'From', { From: '+86139\u0000' }],
    ['MediaContentType0', 'contentType', { NumMedia: '1', MediaUrl0: 'https://api.twilio.com/m/ME1', MediaContentType0: 'image/jpeg\u0000' }],
  ])('a signed Twilio SMS with a NUL in %s is a 400 naming %s, and writes nothing', async (_, named, extra) => {
    const before = await intakeRowCounts(hotline);
    const params = { MessageSid: twilioSid('SM'), AccountSid: TWILIO.accountSid, From: '+8613911115003', To: TWILIO.phoneNumber, Body: '路灯坏了', ...extra };
    const res = await signedTwilio('/channels/twilio/sms', params);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain(named);
    expect(await intakeRowCounts(hotline)).toEqual(before);
  });

  it('a signed voice webhook with a control character in SpeechResult is a 400 naming it', async () => {
    const params = {
      CallSid: twilioSid('CA'),
      AccountSid: TWILIO.accountSid,
      From: '+8613911115004',
      To: TWILIO.phoneNumber,
      CallStatus: 'in-progress',
      SpeechResult: '路灯\u0007坏了',
    };
    const res = await signedTwilio('/channels/twilio/voice/report', params);
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/^\{"error".*SpeechResult: must be plain text/);
  });

  it('a signed WeChat push with a NUL in its text is refused with a 4xx and writes nothing', async () => {
    const before = await intakeRowCounts(hotline);
    const query = new URLSearchParams(signedQuery());
    const res = await hotline.request(`/channels/wechat?${query}`, {
      method: 'POST',
      headers: { 'content-type': 'text/xml' },
      body: textXml('oQHhostile01', '路灯\u0000坏了'),
    });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(await intakeRowCounts(hotline)).toEqual(before);
  });
});
