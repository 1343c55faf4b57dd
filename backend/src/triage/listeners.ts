import type { DomainEventBus } from '../platform/domain-events/index.ts';
import type { AppealTriage } from './triage.ts';

/**
 * What NLP triage listens to: every new appeal is triaged; one that left the queue stops being a
 * duplicate target; an imported territory is read again (other instances hear it through the cluster).
 */
export function triageListeners(triage: AppealTriage, domainEvents: DomainEventBus): (() => void)[] {
  return [
    domainEvents.on('appeal.created', ({ appeal }) => triage.enqueue(appeal.id)),
    domainEvents.on('appeal.updated', ({ appeal, change }) => {
      if (change === 'rejected' || change === 'merged' || change === 'answered') triage.analyzer.untrack(appeal.id);
    }),
    domainEvents.on('territory.changed', () => void triage.reloadTerritory().catch((error) => console.error('Territory reload failed:', error))),
  ];
}
