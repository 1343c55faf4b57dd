import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { AppealSummary, CallView, EmergencyAlert, EventSummary, MessageView } from '@hotline/backend/api-types';
import { isApiError } from '../../shared/api.ts';
import { createSocket, isUnauthenticated } from '../../shared/socket.ts';
import { staffApi } from '../api.ts';
import type { NoteEvent, PresenceUpdate, WallSnapshot } from '../contract.ts';

/** The queue's handlers are optional: a department handler's console listens to events only. */
export interface StaffSocketHandlers {
  /** Every connect, the first and each reconnect: refetch, since pushes while offline are gone. */
  onConnect(): void;
  onRefused(): void;
  onAppealNew?(appeal: AppealSummary): void;
  onAppealUpdated?(appeal: AppealSummary): void;
  /** A new message, or a new delivery state of one already shown. */
  onMessage?(message: MessageView): void;
  onCall?(call: CallView): void;
  /** An emergency (fire, gas, someone trapped) arrived; it is already first in the queue. */
  onEmergency?(alert: EmergencyAlert): void;
  /** Someone's presence changed (their own switch, or a supervisor's). */
  onPresence?(presence: PresenceUpdate): void;
  /** A private note was added to an appeal. */
  onNote?(note: NoteEvent): void;
  /** The supervisor wall's new snapshot (supervisors and admins only). */
  onWall?(wall: WallSnapshot): void;
  /** An event (事件) changed: a step, a warning (center staff, and the lead and co-departments' handlers). */
  onEventUpdated?(event: EventSummary): void;
}

export type LiveState = 'connecting' | 'live' | 'reconnecting' | 'refused';

/** The staff room's live feed; one socket for the console's lifetime, handlers always the latest. */
export function useStaffSocket(handlers: StaffSocketHandlers): LiveState {
  const latest = useRef(handlers);
  useLayoutEffect(() => {
    latest.current = handlers;
  });
  const [state, setState] = useState<LiveState>('connecting');

  useEffect(() => {
    const socket = createSocket();
    socket.on('connect', () => {
      setState('live');
      latest.current.onConnect();
    });
    socket.on('disconnect', (reason) => {
      setState('reconnecting');
      // The server closed it on purpose (e.g. a restart): socket.io does not retry that by itself.
      if (reason === 'io server disconnect') socket.connect();
    });
    socket.on('connect_error', (error) => {
      if (isUnauthenticated(error)) {
        setState('refused');
        latest.current.onRefused();
      } else setState('reconnecting');
    });
    socket.on('appeal:new', (appeal) => latest.current.onAppealNew?.(appeal));
    socket.on('appeal:updated', (appeal) => latest.current.onAppealUpdated?.(appeal));
    socket.on('message:new', (message) => latest.current.onMessage?.(message));
    socket.on('message:updated', (message) => latest.current.onMessage?.(message));
    socket.on('call:updated', (call) => latest.current.onCall?.(call));
    socket.on('alert:emergency', (alert) => latest.current.onEmergency?.(alert));
    socket.on('presence:updated', (presence) => latest.current.onPresence?.(presence));
    socket.on('note:new', (note) => latest.current.onNote?.(note));
    socket.on('wall:updated', (wall) => latest.current.onWall?.(wall));
    socket.on('event:updated', (event) => latest.current.onEventUpdated?.(event));
    socket.connect();
    return () => {
      socket.removeAllListeners();
      socket.disconnect();
    };
  }, []);

  return state;
}

/** The socket says "unauthenticated" for an expired session; the API says whether that is so. */
export function confirmSessionLost(onSessionLost: () => void): void {
  staffApi.me().catch((error: unknown) => {
    if (isApiError(error, 401)) onSessionLost();
  });
}
