import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { testDatabaseKinds } from '../../testing/databases.ts';
import { type TestHotline, startTestHotline } from '../../testing/hotline.ts';
import { insertTriagedAppeals } from '../../testing/staff.ts';
import { auditLog } from '../../platform/audit/index.ts';
import { appeals } from '../../appeals/index.ts';
import { contactIdentities } from '../../identity/contacts/index.ts';
import type { CitizenHistory } from '../../reporting/records/index.ts';

const kinds = await testDatabaseKinds();

describe.each(kinds)('市民档案 /api/citizens on %s', (kind) => {
  let hotline: TestHotline;
  let agent: string;

  beforeAll(async () => {
    hotline = await startTestHotline(kind);
    agent = await hotline.loginAs('agent1');
  });
  afterAll(async () => {
    await hotline?.close();
  });

  const history = async (contactId: string, init: RequestInit = {}) => {
    const res = await hotline.request(`/api/citizens/${contactId}`, { ...init, cookie: agent });
    expect(res.status, await res.clone().text()).toBe(200);
    return (await res.json()) as CitizenHistory;
  };
  const audits = (action: string) => hotline.database.db.$count(auditLog, eq(auditLog.action, action));

  it('reads a person across their contacts once an agent links them, with ratings and opt-outs, and unlinks them', async () => {
    const [byPhone, bySms, byWechat] = await insertTriagedAppeals(hotline, [
      { channel: 'voice', summary: '第一次来电：路灯坏了' },
      { channel: 'sms', summary: '第二次：路灯还没修' },
      { channel: 'wechat', summary: '微信上又说一次路灯' },
    ]);
    // The second call came from the same phone: one contact, two appeals.
    await hotline.database.db.update(appeals).set({ contactId: byPhone!.contactId, satisfaction: 2, ratedAt: new Date() }).where(eq(appeals.id, bySms!.id));
    await hotline.database.db
      .update(appeals)
      .set({ satisfaction: 5, ratedAt: new Date(Date.now() - 86400_000) })
      .where(eq(appeals.id, byPhone!.id));
    await hotline.database.db.update(contactIdentities).set({ optedOutAt: new Date() }).where(eq(contactIdentities.contactId, byPhone!.contactId));

    const alone = await history(byPhone!.contactId);
    expect(alone.appeals.map((a) => a.caseNumber)).toEqual([bySms!.caseNumber, byPhone!.caseNumber]);
    expect(alone.glance).toEqual({ appeals: 2, rated: 2, lastRating: 'unsatisfied' });
    expect(alone.contacts[0]!.identities[0]!.optedOutAt).not.toBeNull();
    expect(await audits('records.citizen_viewed')).toBe(1);

    const linked = await hotline.request(`/api/citizens/${byPhone!.contactId}/links`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ contactId: byWechat!.contactId }),
      cookie: agent,
    });
    expect(linked.status).toBe(200);
    const person = (await linked.json()) as CitizenHistory;
    expect(person.contacts.map((c) => c.id)).toEqual([byPhone!.contactId, byWechat!.contactId]);
    expect(new Set(person.appeals.map((a) => a.channel))).toEqual(new Set(['voice', 'sms', 'wechat']));
    // Read from the other side, the same person.
    expect((await history(byWechat!.contactId)).appeals).toHaveLength(3);
    expect(await audits('contact.linked')).toBe(1);

    const unlinked = await hotline.request(`/api/citizens/${byWechat!.contactId}/links/${byPhone!.contactId}`, { method: 'DELETE', cookie: agent });
    expect(((await unlinked.json()) as CitizenHistory).appeals.map((a) => a.caseNumber)).toEqual([byWechat!.caseNumber]);
    expect(await audits('contact.unlinked')).toBe(1);
    expect((await hotline.request(`/api/citizens/${byWechat!.contactId}/links/${byPhone!.contactId}`, { method: 'DELETE', cookie: agent })).status).toBe(404);
  });

  it('is the center’s alone, and names what is wrong', async () => {
    const [appeal] = await insertTriagedAppeals(hotline, [{ channel: 'sms' }]);
    const handler = await hotline.loginAs('dept-urban');
    expect((await hotline.request(`/api/citizens/${appeal!.contactId}`, { cookie: handler })).status).toBe(403);
    expect((await hotline.request(`/api/citizens/00000000-0000-4000-8000-000000000000`, { cookie: agent })).status).toBe(404);
    const self = await hotline.request(`/api/citizens/${appeal!.contactId}/links`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ contactId: appeal!.contactId }),
      cookie: agent,
    });
    expect(self.status).toBe(400);
    expect((await self.json()).error.message).toContain('contactId');
  });
});
