import { type SQL, and, asc, eq, inArray } from 'drizzle-orm';
import { outbox } from '../platform/outbox/index.ts';
import { deliveryProblemOf } from './delivery-problem.ts';
import { CITIZEN_MESSAGE } from './outbound.ts';
import type { DbOrTx } from '../platform/db/index.ts';
import { notFound } from '../platform/errors/index.ts';
import { users } from '../identity/auth/index.ts';
import { attachments, messages } from './schema.ts';
import type { MessageView } from './views.ts';

const iso = (d: Date) => d.toISOString();

/** A message's row in the outbox, as far as its view tells: whether and when it is tried again, and the provider's last status. */
type OutboxState = { status: string | null; nextAttemptAt: Date | null; lastStatusCode: number | null };

export function messagesOfAppeal(db: DbOrTx, appealId: string): Promise<MessageView[]> {
  return messageViews(db, eq(messages.appealId, appealId));
}

/** Several messages' views in two queries, in the order asked; a missing one is a not-found error in its place. */
export async function loadMessageViews(db: DbOrTx, messageIds: readonly string[]): Promise<(MessageView | Error)[]> {
  const found = new Map((await messageViews(db, inArray(messages.id, [...messageIds]))).map((view) => [view.id, view]));
  return messageIds.map((id) => found.get(id) ?? notFound('Message'));
}

async function messageViews(db: DbOrTx, where: SQL): Promise<MessageView[]> {
  const rows = await db
    .select({
      message: messages,
      authorName: users.displayName,
      delivery: { status: outbox.status, nextAttemptAt: outbox.nextAttemptAt, lastStatusCode: outbox.lastStatusCode },
    })
    .from(messages)
    .leftJoin(users, eq(users.id, messages.authorUserId))
    .leftJoin(outbox, and(eq(outbox.subjectId, messages.id), eq(outbox.kind, CITIZEN_MESSAGE)))
    .where(where)
    .orderBy(asc(messages.createdAt));
  const files = rows.length
    ? await db
        .select({
          id: attachments.id,
          messageId: attachments.messageId,
          contentType: attachments.contentType,
          fileName: attachments.fileName,
          byteSize: attachments.byteSize,
        })
        .from(attachments)
        .where(
          inArray(
            attachments.messageId,
            rows.map((r) => r.message.id),
          ),
        )
    : [];
  return rows.map(({ message, authorName, delivery }) => toMessageView(message, authorName, files, delivery));
}

export function toMessageView(
  message: typeof messages.$inferSelect,
  authorName: string | null,
  files: { id: string; messageId: string; contentType: string; fileName: string | null; byteSize: number | null }[] = [],
  delivery: OutboxState | null = null,
): MessageView {
  const failed = message.deliveryStatus === 'failed' && message.deliveryError !== null;
  return {
    id: message.id,
    appealId: message.appealId,
    channel: message.channel,
    direction: message.direction,
    text: message.text,
    author: message.authorUserId ? { id: message.authorUserId, displayName: authorName ?? '' } : null,
    deliveryStatus: message.deliveryStatus,
    deliveryError: message.deliveryError,
    deliveryProblem: failed ? deliveryProblemOf(message.deliveryError!, delivery?.lastStatusCode ?? null) : null,
    // Still pending in the outbox: it will be tried again then.
    deliveryRetryAt: failed && delivery?.status === 'pending' && delivery.nextAttemptAt ? iso(delivery.nextAttemptAt) : null,
    location:
      message.latitude !== null && message.longitude !== null
        ? { latitude: message.latitude, longitude: message.longitude, label: message.locationLabel }
        : null,
    attachments: files.filter((f) => f.messageId === message.id).map(({ messageId: _m, ...f }) => ({ ...f, href: `/api/attachments/${f.id}` })),
    createdAt: iso(message.createdAt),
  };
}
