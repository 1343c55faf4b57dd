import type { PlatformDeps } from '../context/index.ts';
import type { Job } from '../jobs/index.ts';
import { type OutboxHandler, dispatchOutbox } from './outbox.ts';

/**
 * The sweep for retries and anything a crash left behind. New items do not wait for it: whoever
 * commits them attempts them at once (`dispatchOutbox` with their subjects).
 */
export function outboxJob<D extends PlatformDeps>(handlers: readonly OutboxHandler<D>[]): Job<D> {
  return { name: 'outbox', everyMs: 10_000, run: (deps) => dispatchOutbox(deps, handlers) };
}
