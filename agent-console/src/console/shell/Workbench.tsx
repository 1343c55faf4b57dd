import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppealSummary, MessageView, SessionUser } from '@hotline/backend/api-types';
import { isApiError } from '../../shared/api.ts';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { AcceptDialog } from '../decision/AcceptDialog.tsx';
import { blockedFor, mayTransfer } from '../appeal/access.ts';
import { type AppealHandle, AppealView } from '../appeal/AppealView.tsx';
import { ConsoleFrame, useHelpOverlay } from './ConsoleFrame.tsx';
import type { EventSummary, NoteView, WallSnapshot } from '../contract.ts';
import { EmergencyAlerts } from '../alerts/EmergencyAlerts.tsx';
import { eventShortcutRows } from '../events/event-shortcuts.ts';
import { EventsScreen } from '../events/EventsScreen.tsx';
import { AssessmentScreen } from '../assessment/AssessmentScreen.tsx';
import { HotScreen } from '../hot/HotScreen.tsx';
import { QueuePanel } from '../queue/QueuePanel.tsx';
import { useQueueView } from '../queue/useQueueView.ts';
import { RejectDialog } from '../decision/RejectDialog.tsx';
import { type ConsoleScreen, homeScreen, useConsoleRoute } from './route.ts';
import { type ShortcutAction, useShortcuts } from './shortcuts.ts';
import { type TransferTarget, TransferDialog } from '../decision/TransferDialog.tsx';
import { useAppeal } from '../appeal/useAppeal.ts';
import { useClaim } from '../queue/useClaim.ts';
import { useDecision } from '../decision/useDecision.ts';
import { useEmergencyAlerts } from '../alerts/useEmergencyAlerts.ts';
import { useMyWork } from '../queue/useMyWork.ts';
import { usePresence } from '../presence/usePresence.ts';
import { useQueue } from '../queue/useQueue.ts';
import { confirmSessionLost, useStaffSocket } from './useStaffSocket.ts';
import { WallScreen } from '../wall/WallScreen.tsx';
import { WebhookLogScreen } from '../webhooks/WebhookLogScreen.tsx';

interface WorkbenchProps {
  user: SessionUser;
  onLogout(): void;
  onSessionLost(): void;
}

const supervises = (role: SessionUser['role']) => role === 'supervisor' || role === 'admin';

/**
 * The wall, 热点分析 and 考核 are a supervisor's tools, the webhook delivery log an admin's: agents
 * work the queue; everyone here supervises events (事件督办).
 */
const screensFor = (role: SessionUser['role']): ConsoleScreen[] =>
  supervises(role) ? ['wall', 'workbench', 'events', 'hot', 'assessment', ...(role === 'admin' ? (['webhooks'] as const) : [])] : ['workbench', 'events'];

/**
 * The logged-in console: queue on the left, the open appeal on the right, kept live by the staff
 * socket; emergency alerts above both; the supervisor wall and hot words for supervisors. Every
 * action is one function here, called by its button and by its shortcut key.
 */
export function Workbench({ user, onLogout, onSessionLost }: WorkbenchProps) {
  const { t } = useTranslation();
  const route = useConsoleRoute();
  const { appealId, openAppeal } = route;
  const screens = screensFor(user.role);
  // The home path shows the role's home screen; a screen the role lacks falls back to the workbench.
  const wanted = route.screen ?? homeScreen(user.role);
  const screen = screens.includes(wanted) ? wanted : 'workbench';
  const queue = useQueue();
  const myWork = useMyWork(user.id);
  // Agents and supervisors are on the roster (routed work, transfer targets); an admin is not.
  const presence = usePresence(user.role === 'agent' || user.role === 'supervisor');
  const appeal = useAppeal(appealId);
  const emergencies = useEmergencyAlerts();
  const help = useHelpOverlay();
  const [transferTarget, setTransferTarget] = useState<TransferTarget | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [wallPush, setWallPush] = useState<WallSnapshot | null>(null);
  const [eventPush, setEventPush] = useState<EventSummary | null>(null);
  const [connections, setConnections] = useState(0);
  const replyRef = useRef<HTMLTextAreaElement>(null);
  const appealHandle = useRef<AppealHandle | null>(null);
  // Back from another screen, the agent finds the appeal they had open.
  const lastAppealId = useRef(appealId);
  if (appealId) lastAppealId.current = appealId;

  const { applySummary, refetch: refetchAppeal } = appeal;
  const { applyUpdated } = queue;
  const { apply: applyMine, seen, expectClaim } = myWork;
  const { refresh: refreshPresence } = presence;

  // Opened, or already open when it was handed over: the agent has seen it.
  const assignedOpen = appealId !== null && myWork.assigned.has(appealId);
  useEffect(() => {
    if (appealId) seen(appealId);
  }, [appealId, assignedOpen, seen]);

  // The load in the header follows the agent's own work, however it changed (routing, a claim, a
  // transfer, a decision, a refetch after reconnecting).
  const heldCount = myWork.items?.length;
  useEffect(() => {
    if (heldCount !== undefined) refreshPresence();
  }, [heldCount, refreshPresence]);

  /** Any summary the console learns (a push or an action's answer), applied everywhere it shows. */
  const applyEverywhere = useCallback(
    (summary: AppealSummary) => {
      applySummary(summary);
      applyUpdated(summary);
      return applyMine(summary);
    },
    [applySummary, applyUpdated, applyMine],
  );

  const handleDecided = useCallback(
    (decided: AppealSummary) => {
      applyEverywhere(decided);
      refreshPresence();
      // The citizen's notice was delivered before this answer came back, but its socket push
      // predates delivery (still "sending"): refetch to show its final state.
      void refetchAppeal();
      setAnnouncement(t('console.appeal.decidedToast', { caseNumber: decided.caseNumber, status: t(`status.${decided.status}`) }));
    },
    [applyEverywhere, refreshPresence, refetchAppeal, t],
  );
  const handleConflict = useCallback(() => void refetchAppeal(), [refetchAppeal]);
  const decision = useDecision({ appeal: appeal.detail, onDecided: handleDecided, onConflict: handleConflict });

  const claim = useClaim({
    beforeClaim: expectClaim,
    onClaimed: useCallback(
      (summary: AppealSummary) => {
        applyEverywhere(summary);
        refreshPresence();
        setAnnouncement(t('console.claim.claimed', { caseNumber: summary.caseNumber }));
      },
      [applyEverywhere, refreshPresence, t],
    ),
    onConflict: useCallback(
      (id: string) => {
        // Whoever has it, the row and the open appeal should say so.
        if (id === appealId) void refetchAppeal();
        void queue.refetch();
      },
      [appealId, refetchAppeal, queue],
    ),
  });

  // A first reply also makes the agent the owner (首问负责制); appeal:updated brings that.
  function handleReplySent(message: MessageView) {
    appeal.applyMessage(message);
  }

  function handleNoted(note: NoteView) {
    if (appeal.detail) appeal.applyNote(appeal.detail.id, note);
  }

  /** A correction, merge or direct answer came back; the detail's classification, reporters and duplicates come with a refetch. */
  function handleChanged(summary: AppealSummary, kind: 'classified' | 'merged' | 'answered') {
    applyEverywhere(summary);
    void refetchAppeal();
    if (kind === 'answered') refreshPresence();
    setAnnouncement(
      kind === 'merged'
        ? t('console.duplicates.mergedToast', { caseNumber: summary.caseNumber })
        : kind === 'answered'
          ? t('console.answer.done', { caseNumber: summary.caseNumber })
          : t('console.nlp.savedToast', { caseNumber: summary.caseNumber }),
    );
  }

  function handleTransferred(summary: AppealSummary) {
    setTransferTarget(null);
    applyEverywhere(summary);
    refreshPresence();
    if (summary.id === appealId) void refetchAppeal();
    setAnnouncement(t('console.transfer.done', { caseNumber: summary.caseNumber, name: summary.assignee?.displayName ?? '' }));
  }

  /** Work routed to this agent without asking: highlighted and announced. */
  function noticeAssignment(summary: AppealSummary, fresh: boolean) {
    if (fresh) setAnnouncement(t('console.mine.announce', { caseNumber: summary.caseNumber, summary: summary.summary.slice(0, 60) }));
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
      noticeAssignment(created, applyMine(created));
      if (created.assignee?.id === user.id) presence.refresh();
      else setAnnouncement(t('console.queue.announceNew', { caseNumber: created.caseNumber, summary: created.summary.slice(0, 60) }));
    },
    onAppealUpdated(updated) {
      const wasMine = myWork.items?.some((item) => item.id === updated.id) ?? false;
      queue.applyUpdated(updated);
      noticeAssignment(updated, applyMine(updated));
      if (wasMine || updated.assignee?.id === user.id) presence.refresh();
      const open = appeal.detail;
      // New suggestions or reporters for the open appeal: only a refetch brings their evidence.
      const regrouped = open?.id === updated.id && (open.duplicateSuggestions !== updated.duplicateSuggestions || open.reporterCount !== updated.reporterCount);
      // Accepted elsewhere (another tab, a supervisor): the event comes with the detail.
      const decidedNow = open?.id === updated.id && open.status !== updated.status;
      appeal.applySummary(updated);
      if (regrouped || decidedNow) void appeal.refetch();
    },
    onMessage(message) {
      appeal.applyMessage(message);
    },
    onCall(call) {
      appeal.applyCall(call);
    },
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
    onWall(wall) {
      setWallPush(wall);
    },
    onEventUpdated(event) {
      setEventPush(event);
      // The open appeal's event block shows the event's status: keep it current.
      if (appeal.detail?.event?.id === event.id) void appeal.refetch();
    },
  });

  const { tab, items, cursor, changeTab } = useQueueView(queue, myWork);
  const { activeIndex } = cursor;

  const open = appeal.detail && appeal.detail.id === appealId ? appeal.detail : null;

  function claimShortcut() {
    if (open && open.status === 'pending' && !open.assignee) return void claim.claim(open);
    const row = items[activeIndex];
    if (!open && row && row.status === 'pending' && !row.assignee) void claim.claim(row);
  }

  const onWorkbench = screen === 'workbench';
  // On the other screens the queue is not there: only the help key does anything.
  const workbenchOnly = (action: () => void) => () => {
    if (onWorkbench) action();
  };
  const actions: Record<ShortcutAction, () => void> = {
    next: workbenchOnly(() => cursor.move(1)),
    previous: workbenchOnly(() => cursor.move(-1)),
    open: workbenchOnly(() => {
      const item = items[activeIndex];
      if (item) openAppeal(item.id);
    }),
    claim: workbenchOnly(claimShortcut),
    reply: workbenchOnly(() => appealHandle.current?.focusReply()),
    note: workbenchOnly(() => appealHandle.current?.focusNote()),
    knowledge: workbenchOnly(() => appealHandle.current?.focusKnowledge()),
    answer: workbenchOnly(() => appealHandle.current?.openAnswer()),
    accept: workbenchOnly(() => {
      if (open && !blockedFor(open, user)) decision.openAccept();
    }),
    reject: workbenchOnly(() => {
      if (open && !blockedFor(open, user)) decision.openReject();
    }),
    transfer: workbenchOnly(() => {
      if (open && mayTransfer(open, user)) setTransferTarget(open);
    }),
    category: workbenchOnly(() => appealHandle.current?.focusCategory()),
    merge: workbenchOnly(() => appealHandle.current?.focusMerge()),
    help: help.toggle,
  };
  // The events screen has keys of its own (events/event-shortcuts.ts).
  useShortcuts(actions, screen !== 'events');

  function showScreen(next: ConsoleScreen) {
    if (next === 'workbench') openAppeal(lastAppealId.current);
    else route.openScreen(next);
  }

  return (
    <ConsoleFrame
      user={user}
      live={live}
      presence={presence}
      screen={screen}
      screens={screens}
      onScreen={showScreen}
      onLogout={onLogout}
      help={help}
      helpRows={screen === 'events' ? eventShortcutRows(t) : undefined}
      announcement={announcement}
    >
        <EmergencyAlerts
          alerts={emergencies.alerts}
          onDismiss={emergencies.dismiss}
          onOpen={(id) => {
            emergencies.dismiss(id);
            openAppeal(id);
          }}
        />
        {onWorkbench ? (
          <main className="workbench">
            <QueuePanel
              queue={queue}
              myWork={myWork}
              user={user}
              claim={claim}
              tab={tab}
              onTab={changeTab}
              openId={appealId}
              activeIndex={activeIndex}
              onOpen={(item, index) => {
                cursor.setActiveIndex(index);
                openAppeal(item.id);
              }}
              rowRef={cursor.rowRef}
            />
            <div className="appeal-pane">
              {!appealId ? (
                <p className="appeal-placeholder muted">{t('console.appeal.placeholder')}</p>
              ) : open ? (
                <AppealView
                  key={open.id}
                  appeal={open}
                  user={user}
                  decision={decision}
                  claim={claim}
                  handle={appealHandle}
                  replyRef={replyRef}
                  onReplySent={handleReplySent}
                  onNoted={handleNoted}
                  onChanged={handleChanged}
                  onConflict={handleConflict}
                  onOpenAppeal={openAppeal}
                  onTransfer={() => setTransferTarget(open)}
                />
              ) : appeal.error ? (
                <ErrorAlert
                  error={appeal.error}
                  title={isApiError(appeal.error, 404) || isApiError(appeal.error, 400) ? t('console.appeal.notFound') : undefined}
                  onRetry={() => void appeal.refetch()}
                />
              ) : (
                <p className="appeal-placeholder muted">{t('common.loading')}</p>
              )}
            </div>
          </main>
        ) : screen === 'events' ? (
          <EventsScreen
            user={user}
            eventId={route.eventId}
            onOpenEvent={route.openEvent}
            push={eventPush}
            connections={connections}
            onHelp={actions.help}
            onOpenAppeal={openAppeal}
            onAnnounce={setAnnouncement}
          />
        ) : screen === 'assessment' ? (
          <AssessmentScreen />
        ) : screen === 'webhooks' ? (
          <WebhookLogScreen onAnnounce={setAnnouncement} />
        ) : screen === 'wall' ? (
          <WallScreen push={wallPush} connections={connections} onOpenAppeal={openAppeal} onOpenScreen={showScreen} onTransfer={setTransferTarget} />
        ) : (
          <HotScreen />
        )}
        <RejectDialog
          open={decision.rejectOpen}
          caseNumber={appeal.detail?.caseNumber ?? ''}
          busy={decision.busy === 'reject'}
          error={decision.error}
          onCancel={decision.closeReject}
          onConfirm={decision.confirmReject}
        />
        {open && (
          <AcceptDialog
            open={decision.acceptOpen}
            appealId={open.id}
            caseNumber={open.caseNumber}
            onCancel={decision.closeAccept}
            onAccepted={decision.accepted}
            onConflict={handleConflict}
          />
        )}
        <TransferDialog appeal={transferTarget} user={user} onCancel={() => setTransferTarget(null)} onTransferred={handleTransferred} />
    </ConsoleFrame>
  );
}
