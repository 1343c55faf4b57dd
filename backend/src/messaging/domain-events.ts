import type { Message } from './schema.ts';

declare module '../platform/domain-events/bus.ts' {
  interface DomainEventMap {
    /** A message was stored in a conversation, either way (the citizen's, or staff's or the system's to the citizen). */
    'message.created': { message: Message };
    /** An outbound message's delivery state changed (handed to the provider, delivered, failed…); listeners read its current row. */
    'message.updated': { message: Pick<Message, 'id'> };
  }
}
