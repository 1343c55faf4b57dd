export { outboxJob } from './job.ts';
export { backoffMs, type DeliveryOutcome, dispatchOutbox, enqueueOutbox, type NewOutboxItem, type OutboxHandler, requeueFailed } from './outbox.ts';
export { outbox, type OutboxItem, type OutboxStatus, outboxStatuses } from './schema.ts';
