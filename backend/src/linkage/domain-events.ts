import type { Event, EventStep } from './schema.ts';

declare module '../platform/domain-events/bus.ts' {
  interface DomainEventMap {
    /** An event (事件) took a step (dispatch, sign-for, report, warning…): its row after the step, and the step. */
    'event.changed': { event: Event; step: EventStep };
  }
}
