import DataLoader from 'dataloader';
import type { AppDeps } from '../http/index.ts';
import { duplicatePartnerIds, loadAppealSummaries } from '../../appeals/index.ts';
import { loadMessageViews } from '../../messaging/index.ts';
import { toCallView } from '../../routing/index.ts';
import { loadNoteView } from '../../appeals/index.ts';
import { presenceOf } from '../../routing/index.ts';
import { eventOfAppeal, loadEventSummary } from '../../linkage/index.ts';
import { STAFF_ROOM, departmentRoom } from './protocol.ts';
import type { RealtimeServer } from './io.ts';
import { disconnectRevoked } from './sessions.ts';

const SETTLING_CHANGES = new Set(['merged', 'rejected', 'answered']);

/**
 * Domain events fan out to the right rooms: staff see appeals, messages, calls, notes and presence;
 * a department's handlers see their events only; citizens' rooms never get staff traffic; a staff
 * socket whose session is revoked is disconnected.
 * `drain` waits for pushes still loading their payload, so shutdown never pulls the database from under them.
 */
export function realtimeListeners(io: RealtimeServer, deps: AppDeps) {
  const ctx = { ...deps, actor: { type: 'system' as const } };
  const inFlight = new Set<Promise<void>>();
  const fanOut = (work: () => Promise<void>) => {
    const push = work()
      .catch((error) => console.error('realtime fan-out failed:', error))
      .finally(() => inFlight.delete(push));
    inFlight.add(push);
  };
  // Payloads are read after commit; the pushes of one moment share one query (a burst of N new
  // appeals reads N summaries at once, not N times). No cache: every push reads the current row.
  const coalesced = { cache: false, batchScheduleFn: (load: () => void) => setImmediate(load) };
  const appealSummary = new DataLoader((ids: readonly string[]) => loadAppealSummaries(ctx, ids), coalesced);
  const messageView = new DataLoader((ids: readonly string[]) => loadMessageViews(deps.db, ids), coalesced);
  const on = deps.domainEvents.on.bind(deps.domainEvents);
  /** The event's summary to the center and to its departments' handlers (`also`: departments that just lost it). */
  const pushEvent = async (event: { id: string; leadDepartmentCode: string; coDepartmentCodes: string[] }, also: string[] = []) => {
    const departments = [...new Set([event.leadDepartmentCode, ...event.coDepartmentCodes, ...also])];
    io.to([STAFF_ROOM, ...departments.map(departmentRoom)]).emit('event:updated', await loadEventSummary(deps.db, event.id));
  };
  const pushEventOfAppeal = async (appealId: string) => {
    const event = await eventOfAppeal(deps.db, appealId);
    if (event) await pushEvent(event);
  };
  const pushPartners = async (appealId: string) => {
    const partners = await duplicatePartnerIds(deps.db, appealId);
    const summaries = await Promise.all(partners.map((id) => appealSummary.load(id)));
    for (const summary of summaries) io.to(STAFF_ROOM).emit('appeal:updated', summary);
  };
  const unsubscribe = [
    on('appeal.created', ({ appeal }) => fanOut(async () => void io.to(STAFF_ROOM).emit('appeal:new', await appealSummary.load(appeal.id)))),
    on('appeal.updated', ({ appeal, change }) => {
      fanOut(async () => void io.to(STAFF_ROOM).emit('appeal:updated', await appealSummary.load(appeal.id)));
      // Settled (merged, rejected, answered): its partners' 疑似重复 counts drop, so their cards and open views follow.
      if (SETTLING_CHANGES.has(change)) fanOut(() => pushPartners(appeal.id));
      // 举报人保密 set by hand or by a reclassification after acceptance: the departments' screens take the masked text at once.
      if ((change === 'confidential' || change === 'classified') && appeal.status === 'accepted') fanOut(() => pushEventOfAppeal(appeal.id));
    }),
    on('message.created', ({ message }) => fanOut(async () => void io.to(STAFF_ROOM).emit('message:new', await messageView.load(message.id)))),
    on('alert.emergency', ({ appeal, evidence }) =>
      fanOut(async () => void io.to(STAFF_ROOM).emit('alert:emergency', { appeal: await appealSummary.load(appeal.id), evidence })),
    ),
    on('call.updated', ({ call }) => void io.to(STAFF_ROOM).emit('call:updated', toCallView(call))),
    on('message.updated', ({ message }) => fanOut(async () => void io.to(STAFF_ROOM).emit('message:updated', await messageView.load(message.id)))),
    // Notes go to the staff room only: citizens' rooms never receive them.
    on('note.created', ({ note }) =>
      fanOut(async () => void io.to(STAFF_ROOM).emit('note:new', { ...(await loadNoteView(deps.db, note)), appealId: note.appealId })),
    ),
    on('presence.changed', ({ userId, status }) => void io.to(STAFF_ROOM).emit('presence:updated', { userId, status, online: deps.presence.isOnline(userId) })),
    on('event.changed', ({ event, step }) =>
      fanOut(async () => {
        // A re-dispatch also tells the department it was taken from (the step's detail), so it leaves their worklist.
        const previousLead = step.action === 'redispatch' && step.detail ? [step.detail] : [];
        await pushEvent(event, previousLead);
      }),
    ),
    // A revoked session's sockets close on every instance, before the revoking request is answered here.
    on('session.revoked', (revoked) => disconnectRevoked(io, revoked)),
    // Every instance hears of every console opening or closing (shared presence), so each tells only its own sockets.
    deps.presence.onChange(({ userId, online }) =>
      fanOut(async () => void io.local.to(STAFF_ROOM).emit('presence:updated', { userId, status: await presenceOf(deps.db, userId), online })),
    ),
  ];
  return { unsubscribe, drain: async () => void (await Promise.all(inFlight)) };
}
