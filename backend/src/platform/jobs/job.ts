import type { Config } from '../config/index.ts';
import type { PlatformDeps } from '../context/index.ts';
import type { DomainEventName } from '../domain-events/index.ts';

/**
 * Background work that must be safe with several backend instances: every job claims its rows
 * with a conditional UPDATE or `FOR UPDATE SKIP LOCKED`, so running it on every instance at once
 * still does each piece of work exactly once. `D` is what the job needs of the server's deps.
 */
export interface Job<D extends PlatformDeps = PlatformDeps> {
  name: string;
  /** Runs this often (or as configured), catching up on anything a crash or another instance left behind. */
  everyMs: number | ((config: Config) => number);
  /** Also runs soon after these domain events, so the usual case does not wait for the interval. */
  wakeOn?: DomainEventName[];
  run(deps: D): Promise<unknown>;
}
