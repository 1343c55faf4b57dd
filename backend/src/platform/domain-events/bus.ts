import { EventEmitter } from 'node:events';

/**
 * The catalogue of domain events ("appeal.created", "event.changed"…: things that happened, not the
 * 事件 cases of the linkage layer), emitted after their transaction commits. Realtime, routing, NLP
 * triage, jobs and stats listen here instead of being called by the services that publish them.
 *
 * Each layer declares the events it publishes in its own `domain-events.ts`, by declaration merging
 * into this interface (as hono types its context variables), so the catalogue stays one typed map
 * while this module knows no layer above it.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- each layer adds its events by declaration merging
export interface DomainEventMap {}

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
