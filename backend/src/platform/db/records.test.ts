import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestDatabase, openTestDatabase, testDatabaseKinds } from '../../testing/databases.ts';
import { auditLog } from '../audit/index.ts';
import { contactIdentities, contacts } from '../../identity/contacts/index.ts';
import { conversations } from '../../messaging/index.ts';
import { records } from './records.ts';

const kinds = await testDatabaseKinds();

describe.each(kinds)('records() on %s', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(() => database?.close());

  it('inserts many rows as values() would: given columns as given, the rest by their defaults', async () => {
    const [contact] = await database.db
      .insert(contacts)
      .select(records(contacts, [{ name: '张三' }]))
      .returning();
    expect(contact).toMatchObject({ name: '张三' });
    expect(contact!.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(contact!.createdAt).toBeInstanceOf(Date);

    // An enum default ('open'), a serial id, JSON kept as JSON (not a string), a null given as null.
    const [identity] = await database.db
      .insert(contactIdentities)
      .select(records(contactIdentities, [{ contactId: contact!.id, kind: 'phone', value: '+8613800138000' }]))
      .returning();
    expect(identity).toMatchObject({ kind: 'phone', optedOutAt: null });
    const [conversation] = await database.db
      .insert(conversations)
      .select(records(conversations, [{ contactId: contact!.id, channel: 'sms', identityId: identity!.id }]))
      .returning();
    expect(conversation).toMatchObject({ status: 'open', channel: 'sms', currentAppealId: null });
    const entries = await database.db
      .insert(auditLog)
      .select(
        records(auditLog, [
          { actorType: 'system', actorId: null, action: 'a', entityType: 'contact', entityId: contact!.id, before: null, after: { name: '张三', n: 1 } },
          { actorType: 'contact', actorId: contact!.id, action: 'b', entityType: 'contact', entityId: contact!.id, before: [1, 2], after: null },
        ]),
      )
      .returning();
    expect(entries.map((e) => [e.action, e.after, e.before])).toEqual([
      ['a', { name: '张三', n: 1 }, null],
      ['b', null, [1, 2]],
    ]);
    expect(entries[1]!.id).toBeGreaterThan(entries[0]!.id);
  });

  it('refuses rows that give a defaulted column only sometimes, rather than null it silently', () => {
    expect(() =>
      records(conversations, [
        { contactId: 'c1', channel: 'sms', identityId: 'i1', status: 'closed' },
        { contactId: 'c2', channel: 'sms', identityId: 'i2' },
      ]),
    ).toThrow(/status/);
  });
});
