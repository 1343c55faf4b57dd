import type { Role } from '../auth/schema.ts';

/** Called when a user's first console opens (`online: true`) or their last one closes. */
export type OnlineListener = (change: { userId: string; role: Role; online: boolean }) => void;

/**
 * Who has a console open right now, by role. It is only half of presence: routing also needs the
 * agent's chosen status and capacity (`routing/presence.ts`), and only routes to agents online here.
 * It is per process: with several server instances each routes to the consoles connected to it.
 */
export class OnlinePresence {
  readonly #connections = new Map<string, { userId: string; role: Role }>();
  readonly #listeners = new Set<OnlineListener>();

  connected(socketId: string, user: { userId: string; role: Role }): void {
    const wasOnline = this.isOnline(user.userId);
    this.#connections.set(socketId, user);
    if (!wasOnline) this.#notify({ ...user, online: true });
  }

  disconnected(socketId: string): void {
    const user = this.#connections.get(socketId);
    this.#connections.delete(socketId);
    if (user && !this.isOnline(user.userId)) this.#notify({ ...user, online: false });
  }

  /** Listens to users coming online and going offline; returns the unsubscribe function. */
  onChange(listener: OnlineListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Every user with at least one console open. */
  onlineUserIds(): Set<string> {
    return new Set([...this.#connections.values()].map((c) => c.userId));
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

  /** Whether this user has a console open now (the supervisor wall shows it per agent). */
  isOnline(userId: string): boolean {
    for (const c of this.#connections.values()) if (c.userId === userId) return true;
    return false;
  }
}
