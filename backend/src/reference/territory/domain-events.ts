import type { TerritoryCounts } from './import.ts';

declare module '../../platform/domain-events/bus.ts' {
  interface DomainEventMap {
    /** A territory file was imported: every instance re-reads it and rebuilds what it derived from it (locator, gazetteer, maps). */
    'territory.changed': { counts: TerritoryCounts };
  }
}
