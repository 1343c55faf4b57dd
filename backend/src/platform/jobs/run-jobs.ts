import type { PlatformDeps } from '../context/index.ts';
import type { Job } from './job.ts';

/** Delay between a waking domain event and the run, so a burst of changes becomes one run. */
const WAKE_DELAY_MS = 50;

/**
 * Runs each job on its interval and after its waking events, never two runs of one job at once on
 * this instance (other instances are kept apart by the jobs' own row claims). `stop` waits for runs in flight.
 */
export function startJobs<D extends PlatformDeps>(deps: D, jobs: readonly Job<D>[]) {
  let stopped = false;
  const runners = jobs.map((job) => {
    let running: Promise<void> | undefined;
    let again = false;
    let wakeTimer: ReturnType<typeof setTimeout> | undefined;
    const run = (): void => {
      if (stopped) return;
      if (running) {
        again = true;
        return;
      }
      running = job
        .run(deps)
        .then(() => undefined)
        .catch((error) => console.error(`job ${job.name} failed:`, error))
        .finally(() => {
          running = undefined;
          if (again && !stopped) {
            again = false;
            run();
          }
        });
    };
    const wake = () => {
      wakeTimer ??= setTimeout(() => {
        wakeTimer = undefined;
        run();
      }, WAKE_DELAY_MS);
    };
    const interval = setInterval(run, typeof job.everyMs === 'number' ? job.everyMs : job.everyMs(deps.config));
    interval.unref();
    const offs = (job.wakeOn ?? []).map((name) => deps.domainEvents.on(name, wake));
    return {
      async stop() {
        clearInterval(interval);
        clearTimeout(wakeTimer);
        for (const off of offs) off();
        await running;
      },
    };
  });
  return {
    async stop() {
      stopped = true;
      await Promise.all(runners.map((r) => r.stop()));
    },
  };
}
