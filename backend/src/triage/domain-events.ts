import type { Appeal } from '../appeals/index.ts';

declare module '../platform/domain-events/bus.ts' {
  interface DomainEventMap {
    /** NLP graded an appeal an emergency (fire, gas, injury…): supervisors must see it at once. */
    'alert.emergency': { appeal: Appeal; evidence: string[] };
  }
}
