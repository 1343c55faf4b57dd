import { type RefObject, useImperativeHandle } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../shared/api.ts';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { UrgencyBadge } from '../common/badges.tsx';
import type { EventDetail, StaffAction } from '../contract.ts';
import { DueBadge, EventStatusBadge } from './EventBadges.tsx';
import { EventFacts, Extensions } from './EventFacts.tsx';
import { EventReporters } from './EventReporters.tsx';
import { EventTimeline } from './EventTimeline.tsx';
import { STEP_FIELDS } from './event-helpers.ts';
import { keyOf } from './event-shortcuts.ts';
import { StepDialog } from './StepDialog.tsx';
import { useEventSteps } from './useEventSteps.ts';

/** What the screen's keys reach in the open event: one step, by the same path as its button. */
export interface EventViewHandle {
  start(action: StaffAction): void;
}

interface EventViewProps {
  event: EventDetail;
  now: number;
  handle: RefObject<EventViewHandle | null>;
  onDone(detail: EventDetail, action: StaffAction): void;
  onConflict(): void;
  /** Center staff open the appeal behind the event; handlers do not see appeals. */
  onOpenAppeal?(appealId: string): void;
  onBack(): void;
}

/** One event: what it is, its time limits, the buttons this user has, then extensions, reporters and the timeline. */
export function EventView({ event, now, handle, onDone, onConflict, onOpenAppeal, onBack }: EventViewProps) {
  const { t } = useTranslation();
  const steps = useEventSteps(event, onDone, onConflict);
  const { step, request } = steps;
  useImperativeHandle(handle, () => ({ start: steps.start }));

  // A failed one-click step shows under the bar; a dialog's failure shows in the dialog.
  const barFailure = step.failure && !request ? step.failure : null;
  return (
    <article className="event-view" aria-label={t('events.view.label')} data-testid="event-view" data-status={event.status}>
      <header className="event-header">
        <EventTitle event={event} now={now} onBack={onBack} />
        <StepButtons buttons={steps.buttons} busy={step.busy} onStart={steps.start} />
        {steps.done && (
          <p className="event-done" role="status" data-testid="event-done">
            {steps.done}
          </p>
        )}
        {barFailure && <ErrorAlert error={barFailure.error} title={isApiError(barFailure.error, 409) ? t('events.view.conflict') : undefined} />}
      </header>
      <div className="event-body">
        <EventFacts event={event} onOpenAppeal={onOpenAppeal} />
        {event.extensions.length > 0 && <Extensions event={event} />}
        {event.reporters.length > 0 && (
          <EventReporters event={event} canCallBack={steps.callbackOpen} busy={step.busy !== null} onCallBack={(r) => steps.start('callback', r)} />
        )}
        <EventTimeline steps={event.steps} />
      </div>
      <StepDialog
        request={request}
        event={event}
        busy={step.busy !== null}
        error={request ? step.failure?.error : null}
        onCancel={steps.cancel}
        onSubmit={(body) => void step.run(event.id, body)}
      />
    </article>
  );
}

/** ← back, the case number, and the badges: status, time limit, urgency, extension, 督办, 催办. */
function EventTitle({ event, now, onBack }: { event: EventDetail; now: number; onBack(): void }) {
  const { t } = useTranslation();
  return (
    <div className="event-title-row">
      <button type="button" className="button button-small button-quiet event-back" onClick={onBack} aria-keyshortcuts="Backspace">
        ← {t('events.view.back')}
      </button>
      <h2 className="mono">{event.caseNumber}</h2>
      <EventStatusBadge status={event.status} />
      <DueBadge event={event} now={now} />
      <UrgencyBadge urgency={event.urgency} />
      {event.extensionPending && <span className="badge badge-extension">{t('events.row.extensionPending')}</span>}
      {event.supervised && <span className="badge badge-supervised">{t('events.row.supervised')}</span>}
      {event.urgeCount > 0 && <span className="badge badge-urged">{t('events.row.urged', { count: event.urgeCount })}</span>}
    </div>
  );
}

const toneClass = { primary: 'button button-primary', danger: 'button button-danger-outline', plain: 'button' } as const;

/** One button per step the server offers this user, each with its key. */
function StepButtons({ buttons, busy, onStart }: { buttons: StaffAction[]; busy: StaffAction | null; onStart(action: StaffAction): void }) {
  const { t } = useTranslation();
  return (
    <div className="event-actions" role="group" aria-label={t('events.view.actions')} data-testid="event-actions">
      {buttons.length === 0 ? (
        <span className="muted">{t('events.view.noActions')}</span>
      ) : (
        buttons.map((action) => (
          <button
            key={action}
            type="button"
            className={toneClass[STEP_FIELDS[action].tone]}
            disabled={busy !== null}
            aria-keyshortcuts={keyOf(action)}
            data-action={action}
            onClick={() => onStart(action)}
          >
            {busy === action ? t('events.busy') : t(`events.action.${action}`)} <kbd aria-hidden="true">{keyOf(action)}</kbd>
          </button>
        ))
      )}
    </div>
  );
}
