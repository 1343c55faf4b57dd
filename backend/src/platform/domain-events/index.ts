export { type DomainEvent, DomainEventBus, type DomainEventMap, type DomainEventName } from './bus.ts';
