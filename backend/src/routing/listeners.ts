import type { AutoRouter } from './auto-assign.ts';
import type { RoutingDeps } from './context.ts';

/** What auto-assign listens to: a pass whenever an appeal or an agent may have become routable. */
export function routingListeners(router: AutoRouter, deps: Pick<RoutingDeps, 'domainEvents' | 'presence'>): (() => void)[] {
  return [
    deps.domainEvents.on('appeal.updated', ({ change }) => change !== 'message' && router.kick()),
    deps.domainEvents.on('presence.changed', ({ status }) => status === 'available' && router.kick()),
    deps.presence.onChange(({ online }) => online && router.kick()),
  ];
}
