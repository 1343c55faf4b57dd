import { expect } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
import type { StepInput } from '../linkage/index.ts';
import { type Appeal, appeals } from '../appeals/index.ts';
import { type Event, type EventAction, eventSteps, events } from '../linkage/index.ts';
import { messages } from '../messaging/index.ts';
import type { TestHotline } from './hotline.ts';
import { postTwilio, smsParams } from './twilio.ts';

/**
 * The closed loop driven as its users drive it — a citizen's SMS, an agent's acceptance, the
 * department's and the center's steps through `POST /api/events/{id}/steps` — for specs of what
 * follows each step (citizen notices, 回访, public tracking).
 */

/** A citizen texts the hotline; returns the TwiML answer. */
export async function text(hotline: TestHotline, phone: string, body: string, extra?: Record<string, string>): Promise<string> {
  const res = await postTwilio(hotline, '/channels/twilio/sms', smsParams(phone, body, extra));
  expect(res.status).toBe(200);
  return res.text();
}

export const caseInTwiml = (twiml: string) => /案件流水号 (\d{14,})/.exec(twiml)?.[1];

export async function appealByCase(hotline: TestHotline, caseNumber: string): Promise<Appeal> {
  const [appeal] = await hotline.database.db.select().from(appeals).where(eq(appeals.caseNumber, caseNumber));
  expect(appeal, `appeal ${caseNumber}`).toBeDefined();
  return appeal!;
}

/** A new appeal filed by SMS from `phone`. */
export async function textedAppeal(hotline: TestHotline, phone: string, body: string): Promise<Appeal> {
  const caseNumber = caseInTwiml(await text(hotline, phone, body));
  expect(caseNumber, 'a case number in the TwiML reply').toBeDefined();
  return appealByCase(hotline, caseNumber!);
}

const HOUR = 3600_000;

/** An agent accepts the appeal as an event led by `lead` (城市管理局 unless told), which dispatches it. */
export async function acceptAsEvent(hotline: TestHotline, appealId: string, lead = 'urban'): Promise<Event> {
  const form = { categoryCode: 'city-appearance', urgency: 'normal', leadDepartmentCode: lead, timeLimitAt: new Date(Date.now() + 72 * HOUR).toISOString() };
  const res = await hotline.request(`/api/appeals/${appealId}/accept`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(form),
    cookie: await hotline.loginAs('agent1'),
  });
  expect(res.status, await res.clone().text()).toBe(200);
  const [event] = await hotline.database.db.select().from(events).where(eq(events.appealId, appealId));
  return event!;
}

/** One staff step through the step API, as `username`; expects it to be taken. */
export async function step(hotline: TestHotline, username: string, eventId: string, body: StepInput): Promise<void> {
  const res = await hotline.request(`/api/events/${eventId}/steps`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    cookie: await hotline.loginAs(username),
  });
  expect(res.status, `${body.action}: ${await res.clone().text()}`).toBe(200);
}

/** 签收 and 处置反馈 by the lead department's handler, then 核查通过 by an agent: the event is closed with `result`. */
export async function closeEvent(hotline: TestHotline, event: Event, result: string): Promise<void> {
  const handler = `dept-${event.leadDepartmentCode}`;
  await step(hotline, handler, event.id, { action: 'sign' });
  await step(hotline, handler, event.id, { action: 'report', note: result });
  await step(hotline, 'agent1', event.id, { action: 'verify_pass' });
}

/** Texts sent to the citizen on this appeal, oldest first. */
export async function outboundOf(hotline: TestHotline, appealId: string) {
  return hotline.database.db
    .select()
    .from(messages)
    .where(and(eq(messages.appealId, appealId), eq(messages.direction, 'out')))
    .orderBy(asc(messages.createdAt));
}

/** Waits until the background notifier has told the citizens of the event's `action` step. */
export async function untilNotified(hotline: TestHotline, eventId: string, action: EventAction, timeoutMs = 5_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [row] = await hotline.database.db
      .select()
      .from(eventSteps)
      .where(and(eq(eventSteps.eventId, eventId), eq(eventSteps.action, action)))
      .orderBy(asc(eventSteps.createdAt));
    if (row?.citizensNotifiedAt) return row;
    if (Date.now() > deadline) throw new Error(`the ${action} step of event ${eventId} was not notified within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
