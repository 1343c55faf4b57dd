import { and, eq } from 'drizzle-orm';
import type { SenderIdentity } from '@hotline/channels';
import type { Ctx } from '../auth/index.ts';
import { recordAudit } from '../../platform/audit/index.ts';
import { resolveContact } from './resolve.ts';
import { contactIdentities } from './schema.ts';

/**
 * STOP / START (退订 / 订阅) on one identity. An unknown number that opts out is recorded too,
 * so nothing is ever sent to it.
 */
export async function setOptOut({ ctx, input }: { ctx: Ctx; input: { identity: SenderIdentity; optedOut: boolean } }): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const { contactId, senderIdentityId } = await resolveContact(tx, input.identity, []);
    await tx
      .update(contactIdentities)
      .set({ optedOutAt: input.optedOut ? new Date() : null })
      .where(and(eq(contactIdentities.id, senderIdentityId)));
    await recordAudit(
      tx,
      { type: 'contact', contactId },
      { action: input.optedOut ? 'identity.opted_out' : 'identity.opted_in', entityType: 'contact_identity', entityId: senderIdentityId },
    );
  });
}

export async function isOptedOut(ctx: Ctx, identity: SenderIdentity): Promise<boolean> {
  const [row] = await ctx.db
    .select({ optedOutAt: contactIdentities.optedOutAt })
    .from(contactIdentities)
    .where(and(eq(contactIdentities.kind, identity.kind), eq(contactIdentities.value, identity.value)));
  return Boolean(row?.optedOutAt);
}
