import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppealSummary, SessionUser } from '@hotline/backend/api-types';
import type { useEmergencyAlerts } from '../alerts/useEmergencyAlerts.ts';
import type { EventSummary, WallSnapshot } from '../contract.ts';
import type { ConsoleWork } from './useConsoleWork.ts';
import { confirmSessionLost, useStaffSocket } from './useStaffSocket.ts';

interface FeedOptions {
  user: SessionUser;
  work: ConsoleWork;
  emergencies: ReturnType<typeof useEmergencyAlerts>;
  announce(text: string): void;
  onSessionLost(): void;
}

/**
 * The staff socket for the workbench: each push applied where it shows (queue, 我的, load, open
 * appeal, alerts), announced when it is news, and handed on to the wall and the events screen.
 */
export function useWorkbenchFeed({ user, work, emergencies, announce, onSessionLost }: FeedOptions) {
  const { t } = useTranslation();
  const { queue, myWork, presence, appeal } = work;
  const [wallPush, setWallPush] = useState<WallSnapshot | null>(null);
  const [eventPush, setEventPush] = useState<EventSummary | null>(null);
  const [connections, setConnections] = useState(0);

  /** Work routed to this agent without asking: highlighted and announced. */
  function applyAndNotice(summary: AppealSummary) {
    if (myWork.apply(summary)) announce(t('console.mine.announce', { caseNumber: summary.caseNumber, summary: summary.summary.slice(0, 60) }));
  }

  const live = useStaffSocket({
    onConnect() {
      setConnections((n) => n + 1);
      void queue.refetch();
      void myWork.refetch();
      void appeal.refetch();
      presence.refresh();
    },
    onRefused() {
      confirmSessionLost(onSessionLost);
    },
    onAppealNew(created) {
      queue.applyNew(created);
      applyAndNotice(created);
      if (created.assignee?.id === user.id) presence.refresh();
      else announce(t('console.queue.announceNew', { caseNumber: created.caseNumber, summary: created.summary.slice(0, 60) }));
    },
    onAppealUpdated(updated) {
      const wasMine = myWork.items?.some((item) => item.id === updated.id) ?? false;
      queue.applyUpdated(updated);
      applyAndNotice(updated);
      if (wasMine || updated.assignee?.id === user.id) presence.refresh();
      const open = appeal.detail;
      // New suggestions or reporters for the open appeal: only a refetch brings their evidence.
      const regrouped = open?.id === updated.id && (open.duplicateSuggestions !== updated.duplicateSuggestions || open.reporterCount !== updated.reporterCount);
      // Accepted elsewhere (another tab, a supervisor): the event comes with the detail.
      const decidedNow = open?.id === updated.id && open.status !== updated.status;
      appeal.applySummary(updated);
      if (regrouped || decidedNow) void appeal.refetch();
    },
    onMessage: appeal.applyMessage,
    onCall: appeal.applyCall,
    onEmergency(alert) {
      emergencies.push(alert);
      // It arrived as a normal appeal (appeal:new) and was graded since: lift it to the top.
      queue.applyEscalated(alert.appeal);
    },
    onPresence({ userId, status }) {
      if (userId === user.id) presence.applyStatus(status);
    },
    onNote(note) {
      appeal.applyNote(note.appealId, note);
    },
    onWall: setWallPush,
    onEventUpdated(event) {
      setEventPush(event);
      // The open appeal's event block shows the event's status: keep it current.
      if (appeal.detail?.event?.id === event.id) void appeal.refetch();
    },
  });

  return { live, wallPush, eventPush, connections };
}
