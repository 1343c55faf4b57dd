import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '@hotline/backend/api-types';
import { isApiError } from '../../shared/api.ts';
import { staffApi } from '../api.ts';
import { CategoriesProvider } from '../common/categories.tsx';
import { ConsoleHeader } from '../ConsoleHeader.tsx';
import type { EventSummary } from '../contract.ts';
import { useConsoleRoute } from '../route.ts';
import { ShortcutHelp } from '../ShortcutHelp.tsx';
import { usePresence } from '../usePresence.ts';
import { useStaffSocket } from '../useStaffSocket.ts';
import { EventsScreen, eventShortcutRows } from './EventsScreen.tsx';

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
  const [helpOpen, setHelpOpen] = useState(false);
  const [announcement, setAnnouncement] = useState('');

  const live = useStaffSocket({
    onConnect() {
      setConnections((n) => n + 1);
    },
    onRefused() {
      staffApi.me().catch((error: unknown) => {
        if (isApiError(error, 401)) onSessionLost();
      });
    },
    onEventUpdated(event) {
      setPush(event);
      setAnnouncement(t('events.view.refreshed', { caseNumber: event.caseNumber }));
    },
  });

  return (
    <CategoriesProvider>
      <div className="page console-page">
        <ConsoleHeader
          user={user}
          live={live}
          presence={presence}
          screen="events"
          screens={['events']}
          onScreen={() => route.openEvent(null)}
          onHelp={() => setHelpOpen((o) => !o)}
          onLogout={onLogout}
        />
        <EventsScreen
          user={user}
          eventId={route.eventId}
          onOpenEvent={route.openEvent}
          push={push}
          connections={connections}
          onHelp={() => setHelpOpen((o) => !o)}
          onAnnounce={setAnnouncement}
        />
        <ShortcutHelp open={helpOpen} onClose={() => setHelpOpen(false)} rows={eventShortcutRows(t)} />
        <div className="visually-hidden" role="status" aria-live="polite" data-testid="announcer">
          {announcement}
        </div>
      </div>
    </CategoriesProvider>
  );
}
