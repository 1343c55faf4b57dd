import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '@hotline/backend/api-types';
import type { EventSummary } from '../contract.ts';
import { eventShortcutRows } from '../events/event-shortcuts.ts';
import { EventsScreen } from '../events/EventsScreen.tsx';
import { usePresence } from '../presence/usePresence.ts';
import { ConsoleFrame, useHelpOverlay } from './ConsoleFrame.tsx';
import { useConsoleRoute } from './route.ts';
import { confirmSessionLost, useStaffSocket } from './useStaffSocket.ts';

interface DepartmentConsoleProps {
  user: SessionUser;
  onLogout(): void;
  onSessionLost(): void;
}

/**
 * A department handler's console (职能部门 / 镇街联动分中心): only their department's events — no
 * queue, no presence, no appeals. Kept live by `event:updated` for the events their department
 * leads or co-handles.
 */
export function DepartmentConsole({ user, onLogout, onSessionLost }: DepartmentConsoleProps) {
  const { t } = useTranslation();
  const route = useConsoleRoute();
  // Handlers are not on the agents' roster: the header shows no presence switch.
  const presence = usePresence(false);
  const [push, setPush] = useState<EventSummary | null>(null);
  const [connections, setConnections] = useState(0);
  const help = useHelpOverlay();
  const [announcement, setAnnouncement] = useState('');

  const live = useStaffSocket({
    onConnect() {
      setConnections((n) => n + 1);
    },
    onRefused() {
      confirmSessionLost(onSessionLost);
    },
    onEventUpdated(event) {
      setPush(event);
      setAnnouncement(t('events.view.refreshed', { caseNumber: event.caseNumber }));
    },
  });

  return (
    <ConsoleFrame
      user={user}
      live={live}
      presence={presence}
      screen="events"
      screens={['events']}
      onScreen={() => route.openEvent(null)}
      onLogout={onLogout}
      help={help}
      helpRows={eventShortcutRows(t)}
      announcement={announcement}
    >
      <EventsScreen
        user={user}
        eventId={route.eventId}
        onOpenEvent={route.openEvent}
        push={push}
        connections={connections}
        onHelp={help.toggle}
        onAnnounce={setAnnouncement}
      />
    </ConsoleFrame>
  );
}
