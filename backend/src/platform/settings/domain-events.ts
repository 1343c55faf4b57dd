declare module '../domain-events/bus.ts' {
  interface DomainEventMap {
    /** An admin changed runtime settings: every instance reloads them (the realtime cluster carries it to the others). */
    'settings.changed': { keys: string[] };
  }
}

export {};
