declare module '../../platform/domain-events/bus.ts' {
  interface DomainEventMap {
    /**
     * Staff sessions ended before their time: a logout (`session`: those sessions only), a logout
     * everywhere or a disabled account (`user`: every session of the user, and anything still
     * holding one that has lapsed). Live connections opened with them must end now.
     */
    'session.revoked': { userId: string; tokenHashes: string[]; scope: 'session' | 'user'; reason: 'logout' | 'logout_everywhere' | 'disabled' };
  }
}

export {};
