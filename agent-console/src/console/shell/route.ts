import { useCallback, useEffect, useState } from 'react';

export type ConsoleScreen = 'workbench' | 'wall' | 'hot' | 'events' | 'records' | 'assessment' | 'webhooks';
export interface ConsoleRoute {
  /** null: the console's home, whose screen depends on the role (the wall for supervisors). */
  screen: ConsoleScreen | null;
  appealId: string | null;
  /** The open event on the events screen (/console/events/<id>). */
  eventId?: string | null;
}

const APPEAL_PATH = /^\/console\/appeals\/([0-9a-f-]{36})\/?$/i;
const EVENT_PATH = /^\/console\/events\/([0-9a-f-]{36})\/?$/i;
const SCREEN_PATHS: Record<ConsoleScreen, RegExp> = {
  workbench: /^\/console\/queue\/?$/,
  wall: /^\/console\/wall\/?$/,
  hot: /^\/console\/hot\/?$/,
  events: /^\/console\/events\/?$/,
  records: /^\/console\/records\/?$/,
  assessment: /^\/console\/assessment\/?$/,
  webhooks: /^\/console\/webhooks\/?$/,
};

/**
 * /console/appeals/<id> opens an appeal, /console/queue the workbench, /console/wall the supervisor
 * wall, /console/hot the hot words, /console/events the event board (worklist) and /console/events/<id> one
 * event, /console/records 综合查询 (its search in the query string), /console/assessment the monthly assessment (考核), /console/webhooks the webhook delivery log;
 * anything else is the home screen.
 */
export function parseConsolePath(pathname: string): ConsoleRoute {
  const appealId = APPEAL_PATH.exec(pathname)?.[1]?.toLowerCase() ?? null;
  if (appealId) return { screen: 'workbench', appealId };
  const eventId = EVENT_PATH.exec(pathname)?.[1]?.toLowerCase();
  if (eventId) return { screen: 'events', appealId: null, eventId };
  const screen = (Object.keys(SCREEN_PATHS) as ConsoleScreen[]).find((s) => SCREEN_PATHS[s].test(pathname));
  return { screen: screen ?? null, appealId: null };
}

export function pathFor(route: ConsoleRoute): string {
  if (route.screen === 'workbench' && route.appealId) return `/console/appeals/${route.appealId}`;
  if (route.screen === 'workbench') return '/console/queue';
  if (route.screen === 'events' && route.eventId) return `/console/events/${route.eventId}`;
  if (route.screen) return `/console/${route.screen}`;
  return '/console/';
}

/** Supervisors and admins start on the wall; agents on the queue; department handlers on their worklist. */
export function homeScreen(role: string): ConsoleScreen {
  if (role === 'handler') return 'events';
  return role === 'supervisor' || role === 'admin' ? 'wall' : 'workbench';
}

/**
 * Opens a console path from a component that has no route handle (the appeal view's event link):
 * the route hook follows popstate, so it picks the new path up like a back-button move.
 */
export function goTo(route: ConsoleRoute): void {
  window.history.pushState(null, '', pathFor(route));
  window.dispatchEvent(new PopStateEvent('popstate'));
}

/**
 * The screen and the open appeal live in the URL, so a reload, a bookmark or the back button
 * brings the agent back to them. The server answers every /console/* path with the console.
 */
export function useConsoleRoute() {
  const [route, setRoute] = useState(() => parseConsolePath(window.location.pathname));

  useEffect(() => {
    const onPopState = () => setRoute(parseConsolePath(window.location.pathname));
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
  }, []);

  const navigate = useCallback((next: ConsoleRoute) => {
    const path = pathFor(next);
    if (window.location.pathname !== path) window.history.pushState(null, '', path);
    setRoute(next);
  }, []);

  const openAppeal = useCallback((id: string | null) => navigate({ screen: 'workbench', appealId: id }), [navigate]);
  const openScreen = useCallback((screen: ConsoleScreen) => navigate({ screen, appealId: null }), [navigate]);
  const openEvent = useCallback((id: string | null) => navigate({ screen: 'events', appealId: null, eventId: id }), [navigate]);

  return { ...route, eventId: route.eventId ?? null, openAppeal, openScreen, openEvent };
}
