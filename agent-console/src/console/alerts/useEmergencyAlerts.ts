import { useCallback, useState } from 'react';
import type { EmergencyAlert } from '@hotline/backend/api-types';

/** How many alerts are kept; older ones drop off (their appeals stay first in the queue anyway). */
export const MAX_ALERTS = 5;

/** Newest first; an alert for an appeal already shown replaces it and moves to the top. */
export function withAlert(stack: readonly EmergencyAlert[], alert: EmergencyAlert): EmergencyAlert[] {
  return [alert, ...stack.filter((a) => a.appeal.id !== alert.appeal.id)].slice(0, MAX_ALERTS);
}

export function withoutAlert(stack: readonly EmergencyAlert[], appealId: string): EmergencyAlert[] {
  return stack.filter((a) => a.appeal.id !== appealId);
}

/** The alert bar's stack: alert:emergency pushes, the agent dismisses or opens each one. */
export function useEmergencyAlerts() {
  const [alerts, setAlerts] = useState<EmergencyAlert[]>([]);
  const push = useCallback((alert: EmergencyAlert) => setAlerts((stack) => withAlert(stack, alert)), []);
  const dismiss = useCallback((appealId: string) => setAlerts((stack) => withoutAlert(stack, appealId)), []);
  return { alerts, push, dismiss };
}
