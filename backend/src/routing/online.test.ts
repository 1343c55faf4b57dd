import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OnlinePresence, type PresenceLink, type PresenceSnapshot } from './online.ts';

/** Instances joined as the PostgreSQL adapter joins them: every snapshot reaches every other instance. */
function cluster() {
  const receivers = new Set<(s: PresenceSnapshot) => void>();
  const answerers = new Set<() => void>();
  let paused: PresenceSnapshot[] | undefined;
  const deliver = (snapshot: PresenceSnapshot) => {
    for (const receive of receivers) receive(snapshot);
  };
  return {
    join(presence: OnlinePresence): () => void {
      const answer = () => presence.publishSnapshot();
      answerers.add(answer);
      const link: PresenceLink = {
        publish: (snapshot) => (paused ? paused.push(snapshot) : deliver(snapshot)),
        onSnapshot(receive) {
          receivers.add(receive);
          return () => receivers.delete(receive);
        },
        askAll: () => answerers.forEach((a) => a !== answer && a()),
      };
      const unlink = presence.link(link, { heartbeatMs: 1_000, expireMs: 3_000, coalesceMs: 10 });
      return () => {
        answerers.delete(answer);
        unlink();
      };
    },
    /** Holds notifications back (a slow network); `release` delivers them in the given order. */
    hold: () => (paused = []),
    release(order: (held: PresenceSnapshot[]) => PresenceSnapshot[]) {
      const held = paused!;
      paused = undefined;
      order(held).forEach(deliver);
    },
  };
}

const agent = (userId: string) => ({ userId, role: 'agent' as const });

describe('online presence shared between instances', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('shows a console opened on one instance as online on the other, and tells its listeners once', async () => {
    const net = cluster();
    const [a, b] = [new OnlinePresence(), new OnlinePresence()];
    net.join(a);
    net.join(b);
    const heardOnA: [string, boolean][] = [];
    a.onChange(({ userId, online }) => heardOnA.push([userId, online]));

    b.connected('socket-1', agent('u1'));
    b.connected('socket-2', agent('u1'));
    await vi.advanceTimersByTimeAsync(10);
    expect(a.isOnline('u1')).toBe(true);
    expect([...a.onlineUserIds()]).toEqual(['u1']);

    b.disconnected('socket-1');
    await vi.advanceTimersByTimeAsync(10);
    expect(a.isOnline('u1')).toBe(true); // a second console is still open
    b.disconnected('socket-2');
    await vi.advanceTimersByTimeAsync(10);
    expect(a.isOnline('u1')).toBe(false);
    expect(heardOnA).toEqual([
      ['u1', true],
      ['u1', false],
    ]);
  });

  it('keeps a user online while a console is open on any instance', async () => {
    const net = cluster();
    const [a, b] = [new OnlinePresence(), new OnlinePresence()];
    net.join(a);
    net.join(b);
    const heardOnA: boolean[] = [];
    a.onChange(({ online }) => heardOnA.push(online));

    a.connected('on-a', agent('u1'));
    b.connected('on-b', agent('u1'));
    await vi.advanceTimersByTimeAsync(10);
    a.disconnected('on-a');
    expect(a.isOnline('u1')).toBe(true);
    expect(heardOnA).toEqual([true]);
  });

  it('learns who is online elsewhere as soon as it joins', async () => {
    const net = cluster();
    const a = new OnlinePresence();
    net.join(a);
    a.connected('socket-1', agent('u1'));
    await vi.advanceTimersByTimeAsync(10);

    const late = new OnlinePresence();
    net.join(late);
    expect(late.isOnline('u1')).toBe(true);
  });

  it('forgets the consoles of an instance that stopped answering (crashed)', async () => {
    const net = cluster();
    const [a, b] = [new OnlinePresence(), new OnlinePresence()];
    net.join(a);
    const leaveB = net.join(b);
    b.connected('socket-1', agent('u1'));
    await vi.advanceTimersByTimeAsync(10);
    expect(a.isOnline('u1')).toBe(true);

    leaveB(); // B's heartbeats stop, as when its process is killed
    await vi.advanceTimersByTimeAsync(2_000);
    expect(a.isOnline('u1')).toBe(true); // not yet: a heartbeat may just be late
    await vi.advanceTimersByTimeAsync(3_000);
    expect(a.isOnline('u1')).toBe(false);
  });

  it('ignores a snapshot overtaken by a newer one from the same instance', async () => {
    const net = cluster();
    const [a, b] = [new OnlinePresence(), new OnlinePresence()];
    net.join(a);
    net.join(b);
    net.hold();
    b.connected('socket-1', agent('u1'));
    await vi.advanceTimersByTimeAsync(10);
    b.disconnected('socket-1');
    await vi.advanceTimersByTimeAsync(10);
    net.release((held) => [...held].reverse());
    expect(a.isOnline('u1')).toBe(false);
  });
});
