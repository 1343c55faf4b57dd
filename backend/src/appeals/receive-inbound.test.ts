import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import { type InboundMessageInput, MAX_INBOUND_TEXT_LENGTH } from '@hotline/channels';
import { testDatabaseKinds } from '../testing/databases.ts';
import { type TestHotline, intakeRowCounts, startTestHotline } from '../testing/hotline.ts';
import { appeals } from './schema.ts';
import { contactIdentities } from '../identity/contacts/index.ts';
import { messages } from '../messaging/index.ts';
import { auditLog } from '../platform/audit/index.ts';
import { receiveInbound } from './receive-inbound.ts';

const kinds = await testDatabaseKinds();
let seq = 0;
const uniqueId = (prefix: string) => `${prefix}-${Date.now()}-${++seq}`;

function sms(phone: string, text: string, providerMessageId = uniqueId('SM')): InboundMessageInput {
  return { channel: 'sms', sender: { kind: 'phone', value: phone }, text, providerMessageId, receivedAt: new Date() };
}

describe.each(kinds)('intake on %s', (kind) => {
  let hotline: TestHotline;
  const receive = (input: InboundMessageInput) => receiveInbound({ ctx: { ...hotline.deps, actor: { type: 'system' } }, input });

  beforeAll(async () => {
    hotline = await startTestHotline(kind);
  });
  afterAll(() => hotline?.close());

  it('files a new appeal with a case number for a first message', async () => {
    const result = await receive(sms('+8613800000001', '小区门口的路灯不亮了'));
    expect(result.replayed).toBe(false);
    expect(result.appeal).toMatchObject({ status: 'pending', channel: 'sms', summary: '小区门口的路灯不亮了', messageCount: 1 });
    expect(result.appeal.caseNumber).toMatch(/^\d{8}\d{6}$/);
    expect(result.message.appealId).toBe(result.appeal.id);
  });

  it('stores one message when the provider delivers the same message id twice', async () => {
    const message = sms('+8613800000002', '垃圾三天没人清运', uniqueId('SM-retry'));
    const first = await receive(message);
    const before = await intakeRowCounts(hotline);
    const second = await receive({ ...message, receivedAt: new Date() });
    expect(second.replayed).toBe(true);
    expect(second.message.id).toBe(first.message.id);
    expect(second.appeal.caseNumber).toBe(first.appeal.caseNumber);
    expect(await intakeRowCounts(hotline)).toEqual(before);
  });

  it('stores one message when retries of the same message id arrive at the same time', async () => {
    const message = sms('+8613800000003', '井盖丢失，很危险', uniqueId('SM-race'));
    const results = await Promise.all(Array.from({ length: 8 }, () => receive(message)));
    expect(new Set(results.map((r) => r.message.id)).size).toBe(1);
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    const stored = await hotline.database.db.select().from(messages).where(eq(messages.providerMessageId, message.providerMessageId));
    expect(stored).toHaveLength(1);
  });

  it('adds a follow-up in an open conversation to the same appeal', async () => {
    const first = await receive(sms('+8613800000004', '楼下餐馆油烟太大'));
    const followUp = await receive(sms('+8613800000004', '地址是松林社区3号楼'));
    expect(followUp.appeal.id).toBe(first.appeal.id);
    expect(followUp.appeal.messageCount).toBe(2);
    expect(followUp.message.conversationId).toBe(first.message.conversationId);
  });

  it('opens a new appeal for a web form even while a conversation is open', async () => {
    const web = { channel: 'web' as const, sender: { kind: 'web_session' as const, value: uniqueId('session') }, receivedAt: new Date() };
    const first = await receive({ ...web, text: '第一件事', providerMessageId: uniqueId('form'), startsNewAppeal: true });
    const second = await receive({ ...web, text: '第二件事', providerMessageId: uniqueId('form'), startsNewAppeal: true });
    expect(second.appeal.id).not.toBe(first.appeal.id);
    expect(second.appeal.contactId).toBe(first.appeal.contactId);
    const chat = await receive({ ...web, text: '补充第二件事', providerMessageId: uniqueId('chat') });
    expect(chat.appeal.id).toBe(second.appeal.id);
  });

  it('knows a phone that texts and calls as one contact', async () => {
    const text = await receive(sms('+8613800000005', '噪音扰民'));
    const call = await receive({
      channel: 'voice',
      sender: { kind: 'phone', value: '+8613800000005' },
      text: '我想问一下噪音的事',
      providerMessageId: uniqueId('CA'),
      receivedAt: new Date(),
    });
    expect(call.appeal.contactId).toBe(text.appeal.contactId);
    expect(call.appeal.id).not.toBe(text.appeal.id);
  });

  it('places a point in its grid, and keeps a point outside the territory unplaced', async () => {
    const inside = await receive({ ...sms('+8613800000006', '这里积水'), location: { latitude: 30.205, longitude: 120.105 } });
    expect(inside.appeal.gridCode).toBe('QH-01-01-01');
    const outside = await receive({ ...sms('+8613800000007', '那里积水'), location: { latitude: 31.5, longitude: 121.5 } });
    expect(outside.appeal).toMatchObject({ latitude: 31.5, longitude: 121.5, gridCode: null });
  });

  it('never pulls a web visitor into the contact of a phone number they typed', async () => {
    const owner = await receive(sms('+8613800000008', '我家的事'));
    const stranger = await receive({
      channel: 'web',
      sender: { kind: 'web_session', value: uniqueId('session') },
      otherIdentities: [{ kind: 'phone', value: '+8613800000008' }],
      text: '冒用别人的手机号',
      providerMessageId: uniqueId('form'),
      receivedAt: new Date(),
      startsNewAppeal: true,
    });
    expect(stranger.appeal.contactId).not.toBe(owner.appeal.contactId);
    const phoneOwners = await hotline.database.db.select().from(contactIdentities).where(eq(contactIdentities.value, '+8613800000008'));
    expect(phoneOwners.map((i) => i.contactId)).toEqual([owner.appeal.contactId]);
  });

  it('refuses an inbound message that breaks the normalized shape, writing nothing', async () => {
    const before = await intakeRowCounts(hotline);
    await expect(receive(sms('+8613800000009', '   '))).rejects.toThrow();
    await expect(receive({ ...sms('+8613800000009', 'x'.repeat(MAX_INBOUND_TEXT_LENGTH + 1)) })).rejects.toThrow();
    expect(await intakeRowCounts(hotline)).toEqual(before);
  });

  it('records the creation of every appeal in the audit log', async () => {
    const { appeal } = await receive(sms('+8613800000010', '公交站牌倒了'));
    const [stored] = await hotline.database.db.select().from(appeals).where(eq(appeals.id, appeal.id));
    expect(stored!.caseNumber).toBe(appeal.caseNumber);
    const audit = await hotline.request(`/api/appeals/${appeal.id}`, { cookie: await hotline.loginAs('agent1') });
    expect(audit.status).toBe(200);
  });

  describe('a burst written together (group commit)', () => {
    // Two messages first occupy both writers, so what follows them is written as one batch.
    const occupyWriters = () => [receive(sms('+8613910088801', '占位一')), receive(sms('+8613910088802', '占位二'))];

    it('files each sender of a burst its own appeal, with consecutive case numbers and one audit entry each', async () => {
      const phones = Array.from({ length: 40 }, (_, i) => `+86139100${String(i).padStart(5, '0')}`);
      const results = await Promise.all(phones.map((phone, i) => receive(sms(phone, `第${i}号楼前路面塌陷`))));
      expect(new Set(results.map((r) => r.appeal.id)).size).toBe(40);
      results.forEach((r, i) => expect(r.appeal).toMatchObject({ summary: `第${i}号楼前路面塌陷`, messageCount: 1, status: 'pending' }));
      const sequences = results.map((r) => Number(r.appeal.caseNumber.slice(8))).sort((a, b) => a - b);
      expect(sequences.at(-1)! - sequences[0]!).toBe(39);
      const audited = await hotline.database.db
        .select()
        .from(auditLog)
        .where(
          and(
            eq(auditLog.action, 'appeal.created'),
            inArray(
              auditLog.entityId,
              results.map((r) => r.appeal.id),
            ),
          ),
        );
      expect(audited).toHaveLength(40);
      expect(new Set(audited.map((a) => a.actorId))).toEqual(new Set(results.map((r) => r.appeal.contactId)));
    });

    it("files a sender's second message of the same burst as a follow-up of the first", async () => {
      const phone = '+8613910099999';
      const [, , first, second] = await Promise.all([
        ...occupyWriters(),
        receive(sms(phone, '小区电梯坏了')),
        receive(sms(phone, '已经三天了')),
        receive(sms('+8613910099998', '别的事')),
      ]);
      expect(second!.appeal.id).toBe(first!.appeal.id);
      const [appeal] = await hotline.database.db.select().from(appeals).where(eq(appeals.id, first!.appeal.id));
      expect(appeal!.messageCount).toBe(2);
    });

    it("files a contact's two phones texting in the same burst into one appeal, the second as a follow-up", async () => {
      const [first, second] = ['+8613910077701', '+8613910077702'];
      await receive({
        channel: 'web',
        sender: { kind: 'web_session', value: uniqueId('web') },
        otherIdentities: [
          { kind: 'phone', value: first },
          { kind: 'phone', value: second },
        ],
        text: '我有两个手机号',
        providerMessageId: uniqueId('web'),
        receivedAt: new Date(),
        startsNewAppeal: true,
      });
      const [, , a, b] = await Promise.all([...occupyWriters(), receive(sms(first, '楼道灯坏了')), receive(sms(second, '补充：三楼'))]);
      expect(b!.appeal.contactId).toBe(a!.appeal.contactId);
      expect(b!.appeal.id).toBe(a!.appeal.id);
      const [appeal] = await hotline.database.db.select().from(appeals).where(eq(appeals.id, a!.appeal.id));
      expect(appeal!.messageCount).toBe(2);
    });

    it('stores a retry that arrives in the same burst once, and answers both with the same message', async () => {
      const message = sms('+8613910099997', '路灯不亮', uniqueId('SM-burst'));
      const others = Array.from({ length: 5 }, (_, i) => sms(`+86139100988${i}`, '噪音扰民'));
      const [, , first, , retry] = await Promise.all([
        ...occupyWriters(),
        receive(message),
        ...others.slice(0, 1).map(receive),
        receive(message),
        ...others.slice(1).map(receive),
      ]);
      expect(retry!.message.id).toBe(first!.message.id);
      expect([first!.replayed, retry!.replayed].sort()).toEqual([false, true]);
    });
  });
});
