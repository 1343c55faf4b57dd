import { EventEmitter } from 'node:events';
import type { Appeal, AppealNote } from '../../appeals/schema.ts';
import type { PresenceStatus } from '../../routing/schema.ts';
import type { Message } from '../../messaging/schema.ts';
import type { Call } from '../../routing/calls/schema.ts';
import type { Event, EventStep } from '../../linkage/schema.ts';

/**
 * The catalogue of domain events, emitted after their transaction commits.
 * Realtime (and later notifications, webhooks, stats) listen here instead of being called by services.
 */
export interface DomainEventMap {
  'appeal.created': { appeal: Appeal };
  /**
   * `assigned`: the holder changed (routing, a claim, a first reply, a transfer); `responded`: staff
   * answered the citizen for the first time (the service level counts it); `answered`: 直接答复 closed it.
   */
  'appeal.updated': { appeal: Appeal; change: 'message' | 'assigned' | 'responded' | 'accepted' | 'rejected' | 'merged' | 'classified' | 'answered' };
  /** A private note was added to an appeal: staff only, never the citizen. */
  'note.created': { note: AppealNote; appeal: Appeal };
  /** An agent's presence status changed (by them, a supervisor, or on first opening the console). */
  'presence.changed': { userId: string; status: PresenceStatus; previous: PresenceStatus };
  /** NLP graded an appeal an emergency (fire, gas, injury…): supervisors must see it at once. */
  'alert.emergency': { appeal: Appeal; evidence: string[] };
  'message.created': { message: Message; appeal: Appeal };
  /** An outbound message's delivery state changed (handed to the provider, delivered, failed…). */
  'message.updated': { message: Message };
  /** A phone call's state changed (ringing, queued, answered, abandoned, ended…). */
  'call.updated': { call: Call };
  /** An event took a step (dispatch, sign-for, report, warning…): its row after the step, and the step. */
  'event.changed': { event: Event; step: EventStep };
}

export type DomainEventName = keyof DomainEventMap;
export type DomainEvent = { [K in DomainEventName]: { name: K; payload: DomainEventMap[K] } }[DomainEventName];

export class DomainEventBus {
  readonly #emitter = new EventEmitter();

  emit(event: DomainEvent): void {
    this.#emitter.emit(event.name, event.payload);
  }

  on<K extends DomainEventName>(name: K, listener: (payload: DomainEventMap[K]) => void): () => void {
    // A listener that throws must not break the service that published the event.
    const safe = (payload: DomainEventMap[K]) => {
      try {
        listener(payload);
      } catch (error) {
        console.error(`listener of ${name} failed:`, error);
      }
    };
    this.#emitter.on(name, safe);
    return () => this.#emitter.off(name, safe);
  }
}
