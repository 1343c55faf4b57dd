import { useRef } from 'react';
import type { SessionUser } from '@hotline/backend/api-types';
import { type ConsoleScreen, homeScreen, useConsoleRoute } from './route.ts';

const supervises = (role: SessionUser['role']) => role === 'supervisor' || role === 'admin';

/**
 * The wall, 热点分析 and 考核 are a supervisor's tools, the webhook delivery log an admin's: agents
 * work the queue; everyone here supervises events (事件督办).
 */
const screensFor = (role: SessionUser['role']): ConsoleScreen[] =>
  supervises(role)
    ? ['wall', 'workbench', 'events', 'records', 'hot', 'assessment', ...(role === 'admin' ? (['webhooks'] as const) : [])]
    : ['workbench', 'events', 'records'];

/** The screens this user has, the one the URL shows, and the open appeal and event. */
export function useConsoleNav(role: SessionUser['role']) {
  const route = useConsoleRoute();
  const { appealId, openAppeal } = route;
  const screens = screensFor(role);
  // The home path shows the role's home screen; a screen the role lacks falls back to the workbench.
  const wanted = route.screen ?? homeScreen(role);
  const screen = screens.includes(wanted) ? wanted : 'workbench';
  // Back from another screen, the agent finds the appeal they had open.
  const lastAppealId = useRef(appealId);
  if (appealId) lastAppealId.current = appealId;

  function showScreen(next: ConsoleScreen) {
    if (next === 'workbench') openAppeal(lastAppealId.current);
    else route.openScreen(next);
  }

  return { ...route, screen, screens, showScreen };
}
