declare module '../../platform/domain-events/bus.ts' {
  interface DomainEventMap {
    /**
     * Staff sessions ended before their time: a logout (`session`: those sessions only), a logout
     * everywhere, a disabled account, a password reset or an admin ending them (`user`: every session of the user, and anything still
     * holding one that has lapsed). Live connections opened with them must end now.
     */
    'session.revoked': {
      userId: string;
      tokenHashes: string[];
      scope: 'session' | 'user';
      reason: 'logout' | 'logout_everywhere' | 'disabled' | 'password_reset' | 'ended_by_admin';
    };
  }
}

export {};
