import type { AppDeps } from '../http/index.ts';
import type { DomainEventName } from '../../platform/domain-events/index.ts';
import type { RealtimeServer } from './io.ts';
import { WALL_ROLES } from '../routes/index.ts';
import { wallSnapshot } from '../../reporting/stats/index.ts';

/** Sockets of supervisors and admins: `wall:updated` goes only here, as GET /api/stats/wall is theirs only. */
export const WALL_ROOM = 'wall';

export interface WallLiveOptions {
  /** At most one push per this many ms while changes keep coming. */
  minIntervalMs?: number;
  /** A first change waits this long, so a burst (an appeal and its triage) becomes one push. */
  settleMs?: number;
  /** Waits and SLA breaches grow without any event: refresh this often while someone watches. */
  refreshMs?: number;
}

/** The domain events that can move a wall number. */
const WALL_EVENTS: DomainEventName[] = ['appeal.created', 'appeal.updated', 'alert.emergency', 'call.updated', 'presence.changed'];

/**
 * Pushes the supervisor wall as `wall:updated` whenever something on it may have changed: an
 * appeal, call or presence event, a staff console connecting or leaving. Pushes are throttled to one per
 * `minIntervalMs`, and skipped while no supervisor watches, so consoles never need to poll.
 *
 * With several instances a domain event is heard only where it happened, so that instance pushes
 * to the wall room on every instance; the timed refresh runs on every instance, so each refreshes
 * only its own watchers.
 */
export function startWallLive(deps: AppDeps, io: RealtimeServer, options: WallLiveOptions = {}) {
  const { minIntervalMs = 2_000, settleMs = 200, refreshMs = 30_000 } = options;
  const ctx = { ...deps, actor: { type: 'system' as const } };
  const localWatchers = () => io.sockets.adapter.rooms.get(WALL_ROOM)?.size ?? 0;
  // Whether a supervisor on another instance may be watching: the adapter counts live instances.
  const otherInstances = async () => (await io.of('/').adapter.serverCount()) > 1;
  let everywhere = false;

  let inFlight: Promise<void> | undefined;
  const push = throttle(
    () => {
      const broadcast = everywhere;
      everywhere = false;
      inFlight = (async () => {
        if (!localWatchers() && !(broadcast && (await otherInstances()))) return;
        const wall = await wallSnapshot({ ctx });
        (broadcast ? io : io.local).to(WALL_ROOM).emit('wall:updated', wall);
      })()
        .catch((error) => console.error('wall push failed:', error))
        .finally(() => (inFlight = undefined));
    },
    { minIntervalMs, settleMs },
  );
  /** Something changed here that other instances cannot know of. */
  const changed = () => {
    everywhere = true;
    push.request();
  };

  const unsubscribe = WALL_EVENTS.map((name) => deps.domainEvents.on(name, changed));
  // Shared presence tells every instance of consoles opening or closing anywhere (agents online).
  unsubscribe.push(deps.presence.onChange(push.request));
  io.on('connection', (socket) => {
    const user = socket.data.user as { userId: string; role: string } | undefined;
    if (!user) return;
    if ((WALL_ROLES as string[]).includes(user.role)) void socket.join(WALL_ROOM);
    // A supervisor arriving gets the wall at once.
    push.request();
  });
  const refresh = setInterval(push.request, refreshMs);
  refresh.unref();

  return {
    /** Stops pushing and waits for a push still loading, so shutdown never pulls the database from under it. */
    async stop() {
      clearInterval(refresh);
      push.cancel();
      for (const off of unsubscribe) off();
      await inFlight;
    },
  };
}

/**
 * Runs `fn` `settleMs` after the first request, then at most once per `minIntervalMs`: requests
 * in between coalesce into one trailing run, so the last change is always shown.
 */
export function throttle(fn: () => void, { minIntervalMs, settleMs }: { minIntervalMs: number; settleMs: number }) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastRun = Number.NEGATIVE_INFINITY;
  let cancelled = false;
  return {
    request() {
      if (cancelled || timer) return;
      const wait = Math.max(settleMs, lastRun + minIntervalMs - Date.now());
      timer = setTimeout(() => {
        timer = undefined;
        lastRun = Date.now();
        fn();
      }, wait);
    },
    cancel() {
      cancelled = true;
      clearTimeout(timer);
      timer = undefined;
    },
  };
}
