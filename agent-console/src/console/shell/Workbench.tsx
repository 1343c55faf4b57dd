import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '@hotline/backend/api-types';
import { EmergencyAlerts } from '../alerts/EmergencyAlerts.tsx';
import { useEmergencyAlerts } from '../alerts/useEmergencyAlerts.ts';
import type { AppealHandle } from '../appeal/AppealView.tsx';
import { AssessmentScreen } from '../assessment/AssessmentScreen.tsx';
import { RecordsScreen } from '../records/RecordsScreen.tsx';
import { DecisionDialogs } from '../decision/DecisionDialogs.tsx';
import { eventShortcutRows } from '../events/event-shortcuts.ts';
import { EventsScreen } from '../events/EventsScreen.tsx';
import { HotScreen } from '../hot/HotScreen.tsx';
import { useQueueView } from '../queue/useQueueView.ts';
import { WallScreen } from '../wall/WallScreen.tsx';
import { WebhookLogScreen } from '../webhooks/WebhookLogScreen.tsx';
import { ConsoleFrame, useHelpOverlay } from './ConsoleFrame.tsx';
import { useConsoleNav } from './useConsoleNav.ts';
import { useConsoleWork } from './useConsoleWork.ts';
import { useWorkActions } from './useWorkActions.ts';
import { useWorkbenchFeed } from './useWorkbenchFeed.ts';
import { useWorkbenchShortcuts } from './useWorkbenchShortcuts.ts';
import { WorkbenchScreen } from './WorkbenchScreen.tsx';

interface WorkbenchProps {
  user: SessionUser;
  onLogout(): void;
  onSessionLost(): void;
}

/**
 * The logged-in console of agents, supervisors and admins: the queue and the open appeal, kept live
 * by the staff socket, with emergency alerts above every screen; the wall, events, hot words,
 * assessment and webhook log by role. Each action is one function, called by its button and its key.
 */
export function Workbench({ user, onLogout, onSessionLost }: WorkbenchProps) {
  const { t } = useTranslation();
  const nav = useConsoleNav(user.role);
  const { screen, appealId, openAppeal } = nav;
  const [announcement, announce] = useState('');
  const work = useConsoleWork(user, appealId);
  const actions = useWorkActions(work, appealId, announce);
  const emergencies = useEmergencyAlerts();
  const feed = useWorkbenchFeed({ user, work, emergencies, announce, onSessionLost });
  const view = useQueueView(work.queue, work.myWork);
  const help = useHelpOverlay();
  const appealHandle = useRef<AppealHandle | null>(null);
  useWorkbenchShortcuts({ screen, user, work, actions, view, appealHandle, openAppeal, toggleHelp: help.toggle });

  return (
    <ConsoleFrame
      user={user}
      live={feed.live}
      presence={work.presence}
      screen={screen}
      screens={nav.screens}
      onScreen={nav.showScreen}
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
      {screen === 'workbench' ? (
        <WorkbenchScreen user={user} work={work} actions={actions} view={view} appealId={appealId} appealHandle={appealHandle} onOpenAppeal={openAppeal} />
      ) : screen === 'events' ? (
        <EventsScreen
          user={user}
          eventId={nav.eventId}
          onOpenEvent={nav.openEvent}
          push={feed.eventPush}
          connections={feed.connections}
          onHelp={help.toggle}
          onOpenAppeal={openAppeal}
          onAnnounce={announce}
        />
      ) : screen === 'records' ? (
        <RecordsScreen onOpenAppeal={openAppeal} />
      ) : screen === 'assessment' ? (
        <AssessmentScreen />
      ) : screen === 'webhooks' ? (
        <WebhookLogScreen onAnnounce={announce} />
      ) : screen === 'wall' ? (
        <WallScreen
          push={feed.wallPush}
          connections={feed.connections}
          onOpenAppeal={openAppeal}
          onOpenScreen={nav.showScreen}
          onTransfer={actions.transfer.open}
        />
      ) : (
        <HotScreen />
      )}
      <DecisionDialogs
        user={user}
        open={work.open}
        caseNumber={work.appeal.detail?.caseNumber ?? ''}
        decision={actions.decision}
        onConflict={actions.onConflict}
        transfer={actions.transfer}
      />
    </ConsoleFrame>
  );
}
