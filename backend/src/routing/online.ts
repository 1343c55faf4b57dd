import { randomUUID } from 'node:crypto';
import type { Role } from '../identity/auth/index.ts';

/** Called when a user's first console opens (`online: true`) or their last one closes, on any instance. */
export type OnlineListener = (change: { userId: string; role: Role; online: boolean }) => void;

interface OnlineUser {
  userId: string;
  role: Role;
}

/**
 * What instances tell each other: every user with a console open on the sender. `seq` grows with
 * each snapshot of one instance, so one overtaken in transit is ignored.
 */
export interface PresenceSnapshot {
  instanceId: string;
  seq: number;
  users: OnlineUser[];
}

/**
 * How presence reaches the other instances (socket.io's server-side emit through the PostgreSQL
 * adapter). `publish` sends this instance's snapshot; `onSnapshot` delivers other instances'.
 */
export interface PresenceLink {
  publish(snapshot: PresenceSnapshot): void;
  onSnapshot(receive: (snapshot: PresenceSnapshot) => void): () => void;
  /** Asks every other instance for its snapshot now (an instance that just started knows nobody). */
  askAll(): void;
}

export interface LinkOptions {
  /** Each instance repeats its snapshot this often, so a lost notification heals. */
  heartbeatMs?: number;
  /** An instance not heard of for this long is gone (crashed): its consoles are offline. */
  expireMs?: number;
  /** Changes within this window go out as one snapshot (a shift logging in is one message, not hundreds). */
  coalesceMs?: number;
}

interface RemoteInstance {
  seq: number;
  heardAt: number;
  users: Map<string, OnlineUser>;
}

/**
 * Who has a console open right now, by role. It is only half of presence: routing also needs the
 * agent's chosen status and capacity (`routing/presence.ts`), and only routes to agents online.
 *
 * Alone it knows this process's sockets. Linked (`link`), it also holds every other instance's
 * latest snapshot: each instance publishes its own soon after its set of users changes and on a
 * heartbeat, and forgets an instance not heard of within `expireMs`. Reads stay synchronous and
 * local, so routing never waits on the network; a console opened on another instance is seen one
 * notification later.
 */
export class OnlinePresence {
  readonly instanceId = randomUUID();
  readonly #sockets = new Map<string, OnlineUser>();
  /** Open consoles per user on this instance. */
  readonly #local = new Map<string, { user: OnlineUser; sockets: number }>();
  readonly #remote = new Map<string, RemoteInstance>();
  readonly #listeners = new Set<OnlineListener>();
  #link: { link: PresenceLink; coalesceMs: number; seq: number; pending?: ReturnType<typeof setTimeout> } | undefined;

  connected(socketId: string, user: OnlineUser): void {
    if (this.#sockets.has(socketId)) return;
    const wasOnline = this.isOnline(user.userId);
    this.#sockets.set(socketId, user);
    const entry = this.#local.get(user.userId);
    if (entry) entry.sockets += 1;
    else {
      this.#local.set(user.userId, { user, sockets: 1 });
      this.#schedulePublish();
    }
    if (!wasOnline) this.#notify({ ...user, online: true });
  }

  disconnected(socketId: string): void {
    const user = this.#sockets.get(socketId);
    if (!user) return;
    this.#sockets.delete(socketId);
    const entry = this.#local.get(user.userId)!;
    entry.sockets -= 1;
    if (entry.sockets > 0) return;
    this.#local.delete(user.userId);
    this.#schedulePublish();
    if (!this.isOnline(user.userId)) this.#notify({ ...user, online: false });
  }

  /** Listens to users coming online and going offline; returns the unsubscribe function. */
  onChange(listener: OnlineListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Every user with at least one console open, on any instance. */
  onlineUserIds(): Set<string> {
    const ids = new Set(this.#local.keys());
    for (const instance of this.#remote.values()) for (const id of instance.users.keys()) ids.add(id);
    return ids;
  }

  /** Whether this user has a console open now, on any instance (the supervisor wall shows it per agent). */
  isOnline(userId: string): boolean {
    if (this.#local.has(userId)) return true;
    for (const instance of this.#remote.values()) if (instance.users.has(userId)) return true;
    return false;
  }

  /**
   * Shares presence with the other instances until the returned function is called (which also
   * forgets them). Without a link this instance is the only one, as on PGlite.
   */
  link(link: PresenceLink, { heartbeatMs = 5_000, expireMs = 15_000, coalesceMs = 20 }: LinkOptions = {}): () => void {
    this.#link = { link, coalesceMs, seq: 0 };
    const off = link.onSnapshot((snapshot) => this.#received(snapshot));
    const heartbeat = setInterval(() => {
      this.publishSnapshot();
      this.#forgetSilentSince(Date.now() - expireMs);
    }, heartbeatMs);
    heartbeat.unref();
    this.publishSnapshot();
    link.askAll();
    return () => {
      clearInterval(heartbeat);
      clearTimeout(this.#link?.pending);
      off();
      this.#link = undefined;
      for (const id of [...this.#remote.keys()]) this.#replaceRemote(id, undefined);
    };
  }

  /** Sends this instance's snapshot now (heartbeat, or another instance asked). */
  publishSnapshot(): void {
    const linked = this.#link;
    if (!linked) return;
    clearTimeout(linked.pending);
    linked.pending = undefined;
    linked.seq += 1;
    linked.link.publish({ instanceId: this.instanceId, seq: linked.seq, users: [...this.#local.values()].map((e) => e.user) });
  }

  #schedulePublish(): void {
    const linked = this.#link;
    if (!linked || linked.pending) return;
    linked.pending = setTimeout(() => this.publishSnapshot(), linked.coalesceMs);
    linked.pending.unref();
  }

  #received(snapshot: PresenceSnapshot): void {
    if (snapshot.instanceId === this.instanceId) return;
    const known = this.#remote.get(snapshot.instanceId);
    if (known && known.seq >= snapshot.seq) return;
    this.#replaceRemote(snapshot.instanceId, {
      seq: snapshot.seq,
      heardAt: Date.now(),
      users: new Map(snapshot.users.map((u) => [u.userId, u])),
    });
  }

  #forgetSilentSince(before: number): void {
    for (const [id, instance] of [...this.#remote]) if (instance.heardAt < before) this.#replaceRemote(id, undefined);
  }

  /** Swaps one instance's users and tells listeners of everyone that came online or went offline overall. */
  #replaceRemote(instanceId: string, next: RemoteInstance | undefined): void {
    const previous = this.#remote.get(instanceId)?.users ?? new Map<string, OnlineUser>();
    const arrived = [...(next?.users.values() ?? [])].filter((u) => !previous.has(u.userId) && !this.isOnline(u.userId));
    if (next) this.#remote.set(instanceId, next);
    else this.#remote.delete(instanceId);
    const left = [...previous.values()].filter((u) => !next?.users.has(u.userId) && !this.isOnline(u.userId));
    for (const user of arrived) this.#notify({ ...user, online: true });
    for (const user of left) this.#notify({ ...user, online: false });
  }

  #notify(change: { userId: string; role: Role; online: boolean }): void {
    for (const listener of this.#listeners) {
      try {
        listener(change);
      } catch (error) {
        console.error('online presence listener failed:', error);
      }
    }
  }
}
