import type { Deps } from '../context.ts';
import type { Config } from '../config/env.ts';
import type { DomainEventName } from '../domain-events/bus.ts';
import { notifyCitizensJob } from '../../followup/notify-citizens.ts';
import { retryDeliveriesJob } from '../../messaging/retry-deliveries.ts';
import { eventWarningsJob } from '../../linkage/warnings.ts';
import { queueWebhooksJob } from '../../interop/linkage-webhooks/queue.ts';
import { deliverWebhooksJob } from '../../interop/linkage-webhooks/deliver.ts';

/**
 * Background work that must be safe with several backend instances: every job claims its rows
 * with a conditional UPDATE or `FOR UPDATE SKIP LOCKED`, so running it on every instance at once
 * still does each piece of work exactly once.
 */
export interface Job {
  name: string;
  /** Runs this often (or as configured), catching up on anything a crash or another instance left behind. */
  everyMs: number | ((config: Config) => number);
  /** Also runs soon after these domain events, so the usual case does not wait for the interval. */
  wakeOn?: DomainEventName[];
  run(deps: Deps): Promise<unknown>;
}

/** Every scheduled job of the server, in one list so a newcomer sees all background work at once. */
export const JOBS: Job[] = [notifyCitizensJob, retryDeliveriesJob, eventWarningsJob, queueWebhooksJob, deliverWebhooksJob];
