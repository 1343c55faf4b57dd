import { describe, expect, it } from 'vitest';
import { homeScreen, parseConsolePath, pathFor } from './route.ts';

const ID = '0b3c9a4e-1f2d-4c5b-8a6e-7d8f9a0b1c2d';

describe('console routes', () => {
  it('reads the screen and the open appeal from the path', () => {
    expect(parseConsolePath('/console/')).toEqual({ screen: null, appealId: null });
    expect(parseConsolePath('/console/queue')).toEqual({ screen: 'workbench', appealId: null });
    expect(parseConsolePath(`/console/appeals/${ID}`)).toEqual({ screen: 'workbench', appealId: ID });
    expect(parseConsolePath(`/console/appeals/${ID.toUpperCase()}/`)).toEqual({ screen: 'workbench', appealId: ID });
    expect(parseConsolePath('/console/hot')).toEqual({ screen: 'hot', appealId: null });
    expect(parseConsolePath('/console/wall/')).toEqual({ screen: 'wall', appealId: null });
    expect(parseConsolePath('/console/appeals/not-an-id')).toEqual({ screen: null, appealId: null });
  });

  it('writes the path back', () => {
    expect(pathFor({ screen: 'hot', appealId: ID })).toBe('/console/hot');
    expect(pathFor({ screen: 'wall', appealId: null })).toBe('/console/wall');
    expect(pathFor({ screen: 'workbench', appealId: ID })).toBe(`/console/appeals/${ID}`);
    expect(pathFor({ screen: 'workbench', appealId: null })).toBe('/console/queue');
    expect(pathFor({ screen: null, appealId: null })).toBe('/console/');
  });

  it('reads and writes the events screen and the open event', () => {
    expect(parseConsolePath('/console/events')).toEqual({ screen: 'events', appealId: null });
    expect(parseConsolePath(`/console/events/${ID.toUpperCase()}`)).toEqual({ screen: 'events', appealId: null, eventId: ID });
    expect(pathFor({ screen: 'events', appealId: null, eventId: ID })).toBe(`/console/events/${ID}`);
    expect(pathFor({ screen: 'events', appealId: null, eventId: null })).toBe('/console/events');
  });

  it('starts department handlers on their worklist', () => {
    expect(homeScreen('handler')).toBe('events');
  });

  it('reads and writes the sections of 系统管理, the first one by default', () => {
    expect(parseConsolePath('/console/admin')).toEqual({ screen: 'admin', appealId: null, adminSection: 'staff' });
    expect(parseConsolePath('/console/admin/audit/')).toEqual({ screen: 'admin', appealId: null, adminSection: 'audit' });
    expect(parseConsolePath('/console/admin/nothing')).toEqual({ screen: null, appealId: null });
    expect(pathFor({ screen: 'admin', appealId: null, adminSection: 'audit' })).toBe('/console/admin/audit');
    expect(pathFor({ screen: 'admin', appealId: null })).toBe('/console/admin/staff');
  });

  it('opens the monthly assessment and the webhook delivery log by path', () => {
    expect(parseConsolePath('/console/assessment')).toEqual({ screen: 'assessment', appealId: null });
    expect(parseConsolePath('/console/webhooks/')).toEqual({ screen: 'webhooks', appealId: null });
    expect(pathFor({ screen: 'assessment', appealId: null })).toBe('/console/assessment');
    expect(pathFor({ screen: 'webhooks', appealId: null })).toBe('/console/webhooks');
  });

  it('starts supervisors on the wall and agents on the queue', () => {
    expect(homeScreen('supervisor')).toBe('wall');
    expect(homeScreen('admin')).toBe('wall');
    expect(homeScreen('agent')).toBe('workbench');
  });
});
