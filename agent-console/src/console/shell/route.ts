import { useCallback, useEffect, useState } from 'react';

export type ConsoleScreen = 'workbench' | 'wall' | 'hot' | 'events' | 'records' | 'assessment' | 'webhooks' | 'territory' | 'admin';
/** The sections of 系统管理, each at /console/admin/<section>. */
export const ADMIN_SECTIONS = ['staff', 'departments', 'settings', 'audit'] as const;
export type AdminSection = (typeof ADMIN_SECTIONS)[number];
export interface ConsoleRoute {
  /** null: the console's home, whose screen depends on the role (the wall for supervisors). */
  screen: ConsoleScreen | null;
  appealId: string | null;
  /** The open event on the events screen (/console/events/<id>). */
  eventId?: string | null;
  /** The citizen whose history (市民档案) the records screen shows (/console/citizens/<contact id>). */
  citizenId?: string | null;
  /** The section of 系统管理 (/console/admin/<section>); the first one when absent. */
  adminSection?: AdminSection;
}

const APPEAL_PATH = /^\/console\/appeals\/([0-9a-f-]{36})\/?$/i;
const EVENT_PATH = /^\/console\/events\/([0-9a-f-]{36})\/?$/i;
const CITIZEN_PATH = /^\/console\/citizens\/([0-9a-f-]{36})\/?$/i;
const ADMIN_PATH = /^\/console\/admin(?:\/([a-z]+))?\/?$/;
/** The screens at one fixed path; 系统管理 has a path per section (ADMIN_PATH). */
const SCREEN_PATHS: Record<Exclude<ConsoleScreen, 'admin'>, RegExp> = {
  workbench: /^\/console\/queue\/?$/,
  wall: /^\/console\/wall\/?$/,
  hot: /^\/console\/hot\/?$/,
  events: /^\/console\/events\/?$/,
  records: /^\/console\/records\/?$/,
  assessment: /^\/console\/assessment\/?$/,
  webhooks: /^\/console\/webhooks\/?$/,
  territory: /^\/console\/territory\/?$/,
};

/**
 * /console/appeals/<id> opens an appeal, /console/queue the workbench, /console/wall the supervisor
 * wall, /console/hot the hot words, /console/events the event board (worklist) and /console/events/<id> one
 * event, /console/records 综合查询 (its search in the query string) and /console/citizens/<contact id> a 市民档案, /console/assessment the monthly assessment (考核), /console/webhooks the webhook delivery log,
 * /console/territory the territory import, /console/admin/<section> a section of 系统管理; anything else is the home screen.
 */
export function parseConsolePath(pathname: string): ConsoleRoute {
  const appealId = APPEAL_PATH.exec(pathname)?.[1]?.toLowerCase() ?? null;
  if (appealId) return { screen: 'workbench', appealId };
  const eventId = EVENT_PATH.exec(pathname)?.[1]?.toLowerCase();
  if (eventId) return { screen: 'events', appealId: null, eventId };
  const citizenId = CITIZEN_PATH.exec(pathname)?.[1]?.toLowerCase();
  if (citizenId) return { screen: 'records', appealId: null, citizenId };
  const admin = ADMIN_PATH.exec(pathname);
  if (admin) {
    const section = ADMIN_SECTIONS.find((s) => s === (admin[1] ?? 'staff'));
    if (section) return { screen: 'admin', appealId: null, adminSection: section };
  }
  const screen = (Object.keys(SCREEN_PATHS) as (keyof typeof SCREEN_PATHS)[]).find((s) => SCREEN_PATHS[s].test(pathname));
  return { screen: screen ?? null, appealId: null };
}

export function pathFor(route: ConsoleRoute): string {
  if (route.screen === 'workbench' && route.appealId) return `/console/appeals/${route.appealId}`;
  if (route.screen === 'workbench') return '/console/queue';
  if (route.screen === 'events' && route.eventId) return `/console/events/${route.eventId}`;
  if (route.screen === 'records' && route.citizenId) return `/console/citizens/${route.citizenId}`;
  if (route.screen === 'admin') return `/console/admin/${route.adminSection ?? ADMIN_SECTIONS[0]}`;
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
  const openAdmin = useCallback((section: AdminSection) => navigate({ screen: 'admin', appealId: null, adminSection: section }), [navigate]);

  return {
    ...route,
    eventId: route.eventId ?? null,
    citizenId: route.citizenId ?? null,
    adminSection: route.adminSection ?? ADMIN_SECTIONS[0],
    openAppeal,
    openScreen,
    openEvent,
    openAdmin,
  };
}
