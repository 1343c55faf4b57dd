import type { Appeal, AppealNote } from './schema.ts';

declare module '../platform/domain-events/bus.ts' {
  interface DomainEventMap {
    'appeal.created': { appeal: Appeal };
    /**
     * `assigned`: the holder changed (routing, a claim, a first reply, a transfer); `responded`: staff
     * answered the citizen for the first time (the service level counts it); `answered`: 直接答复 closed it;
     * `confidential`: 举报人保密 was marked or cleared by hand.
     */
    'appeal.updated': {
      appeal: Appeal;
      change: 'message' | 'assigned' | 'responded' | 'accepted' | 'rejected' | 'merged' | 'classified' | 'answered' | 'confidential';
    };
    /** A private note was added to an appeal: staff only, never the citizen. */
    'note.created': { note: AppealNote; appeal: Appeal };
  }
}
