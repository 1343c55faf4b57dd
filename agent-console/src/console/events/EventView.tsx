import { type RefObject, useCallback, useImperativeHandle, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { isApiError } from '../../shared/api.ts';
import { formatDateTime } from '../../shared/format.ts';
import { ChannelLabel, UrgencyBadge } from '../common/badges.tsx';
import { useCategoryName } from '../common/categories.tsx';
import type { EventDetail, EventReporter, EventStepView, StaffAction } from '../contract.ts';
import { pathFor } from '../shell/route.ts';
import { followLink } from '../common/links.tsx';
import { useDepartmentName } from '../common/useReference.ts';
import { DueBadge, EventStatusBadge } from './EventBadges.tsx';
import { STEP_FIELDS, actionButtons, mayCallBack, stepInput } from './event-helpers.ts';
import { keyOf } from './event-shortcuts.ts';
import { type StepRequest, StepDialog } from './StepDialog.tsx';
import { useEventStep } from './useEventStep.ts';

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
  const [request, setRequest] = useState<StepRequest | null>(null);
  // The last step's confirmation, for the event as that step left it: news from elsewhere replaces it.
  const [done, setDone] = useState<{ text: string; updatedAt: string } | null>(null);
  const step = useEventStep({
    onDone: useCallback(
      (detail: EventDetail, action: StaffAction) => {
        setRequest(null);
        setDone({ text: t('events.view.done', { caseNumber: detail.caseNumber, step: t(`events.step.${action}`) }), updatedAt: detail.updatedAt });
        onDone(detail, action);
      },
      [onDone, t],
    ),
    onConflict,
  });
  const buttons = actionButtons(event);
  const callbackOpen = mayCallBack(event);

  function start(action: StaffAction, reporter?: EventReporter) {
    if (step.busy) return;
    setDone(null);
    if (action === 'callback') {
      const target = reporter ?? event.reporters.find((r) => r.satisfaction === null) ?? event.reporters[0];
      if (callbackOpen && target) setRequest({ action, reporter: target });
      return;
    }
    if (!buttons.includes(action)) return;
    if (STEP_FIELDS[action].immediate) void step.run(event.id, stepInput(action, { note: '' }));
    else {
      step.dismiss();
      setRequest({ action });
    }
  }
  useImperativeHandle(handle, () => ({ start }));

  // A failed one-click step shows under the bar; a dialog's failure shows in the dialog.
  const barFailure = step.failure && !request ? step.failure : null;
  return (
    <article className="event-view" aria-label={t('events.view.label')} data-testid="event-view" data-status={event.status}>
      <header className="event-header">
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
        <div className="event-actions" role="group" aria-label={t('events.view.actions')} data-testid="event-actions">
          {buttons.length === 0 ? (
            <span className="muted">{t('events.view.noActions')}</span>
          ) : (
            buttons.map((action) => (
              <button
                key={action}
                type="button"
                className={STEP_FIELDS[action].tone === 'primary' ? 'button button-primary' : STEP_FIELDS[action].tone === 'danger' ? 'button button-danger-outline' : 'button'}
                disabled={step.busy !== null}
                aria-keyshortcuts={keyOf(action)}
                data-action={action}
                onClick={() => start(action)}
              >
                {step.busy === action ? t('events.busy') : t(`events.action.${action}`)} <kbd aria-hidden="true">{keyOf(action)}</kbd>
              </button>
            ))
          )}
        </div>
        {done?.updatedAt === event.updatedAt && (
          <p className="event-done" role="status" data-testid="event-done">
            {done.text}
          </p>
        )}
        {barFailure && <ErrorAlert error={barFailure.error} title={isApiError(barFailure.error, 409) ? t('events.view.conflict') : undefined} />}
      </header>
      <div className="event-body">
        <EventFacts event={event} onOpenAppeal={onOpenAppeal} />
        {event.extensions.length > 0 && <Extensions event={event} />}
        {event.reporters.length > 0 && <Reporters event={event} canCallBack={callbackOpen} busy={step.busy !== null} onCallBack={(r) => start('callback', r)} />}
        <Timeline steps={event.steps} />
      </div>
      <StepDialog
        request={request}
        event={event}
        busy={step.busy !== null}
        error={request ? step.failure?.error : null}
        onCancel={() => {
          setRequest(null);
          step.dismiss();
        }}
        onSubmit={(body) => void step.run(event.id, body)}
      />
    </article>
  );
}

function EventFacts({ event, onOpenAppeal }: { event: EventDetail; onOpenAppeal?(appealId: string): void }) {
  const { t, i18n } = useTranslation();
  const categoryName = useCategoryName();
  const deptName = useDepartmentName();
  const time = (iso: string | null) => (iso ? formatDateTime(iso, i18n.language) : t('events.view.none'));
  const facts: [string, string][] = [
    [t('events.view.category'), categoryName(event.categoryCode)],
    [t('events.view.address'), event.address ?? t('events.view.none')],
    [t('events.view.grid'), event.gridCode ?? t('events.view.none')],
    [t('events.view.lead'), deptName(event.leadDepartmentCode)],
    [t('events.view.co'), event.coDepartmentCodes.length ? event.coDepartmentCodes.map(deptName).join('、') : t('events.view.none')],
    [t('events.view.dispatchedAt'), time(event.dispatchedAt)],
    [t('events.view.signDueAt'), time(event.signDueAt)],
    [t('events.view.timeLimitAt'), time(event.timeLimitAt)],
    [t('events.view.signedAt'), time(event.signedAt)],
    [t('events.view.reportedAt'), time(event.reportedAt)],
    [t('events.view.closedAt'), time(event.closedAt)],
  ];

  return (
    <section className="event-section">
      <p className="event-summary">{event.summary}</p>
      <dl className="event-facts" data-testid="event-facts">
        {facts.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {event.result && (
        <div className="event-result">
          <h3>{t('events.view.result')}</h3>
          <p data-testid="event-result">{event.result}</p>
        </div>
      )}
      {onOpenAppeal && (
        <a href={pathFor({ screen: 'workbench', appealId: event.appealId })} onClick={(e) => followLink(e, () => onOpenAppeal(event.appealId))}>
          {t('events.view.openAppeal')}
        </a>
      )}
    </section>
  );
}

function Extensions({ event }: { event: EventDetail }) {
  const { t, i18n } = useTranslation();
  const deptName = useDepartmentName();
  return (
    <section className="event-section">
      <h3>{t('events.extensions.heading')}</h3>
      <ul className="event-extensions">
        {event.extensions.map((x) => (
          <li key={x.id} data-testid="extension" data-status={x.status}>
            <span className={`badge extension-${x.status}`}>{t(`events.extensions.${x.status}`)}</span>
            <span>{t('events.extensions.line', { time: formatDateTime(x.requestedTimeLimitAt, i18n.language) })}</span>
            <span className="muted">
              {deptName(x.departmentCode)} · {formatDateTime(x.createdAt, i18n.language)}
            </span>
            <p>{x.reason}</p>
            {x.decisionNote && <p className="muted">{t('events.extensions.decision', { note: x.decisionNote })}</p>}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** 反映人: every citizen linked to the event, their channel and 回访 rating; the center records phone callbacks here. */
function Reporters({ event, canCallBack, busy, onCallBack }: { event: EventDetail; canCallBack: boolean; busy: boolean; onCallBack(r: EventReporter): void }) {
  const { t, i18n } = useTranslation();
  return (
    <section className="event-section">
      <h3>{t('events.reporters.heading', { count: event.reporters.length })}</h3>
      <ul className="event-reporters">
        {event.reporters.map((r) => (
          <li key={r.appealId} data-testid="reporter" data-case-number={r.caseNumber}>
            <span className="mono">{r.caseNumber}</span>
            <ChannelLabel channel={r.channel} />
            <span data-testid="reporter-rating" data-rating={r.satisfaction ?? ''}>
              {r.satisfaction === null ? t('events.reporters.notRated') : t('events.reporters.rating', { rating: r.satisfaction })}
              {r.ratedVia && t('events.reporters.via', { via: isRatedVia(r.ratedVia) ? t(`events.reporters.ratedVia.${r.ratedVia}`) : r.ratedVia })}
            </span>
            {r.surveyAskedAt && <span className="muted">{t('events.reporters.surveyAsked', { time: formatDateTime(r.surveyAskedAt, i18n.language) })}</span>}
            {canCallBack && (
              <button
                type="button"
                className="button button-small"
                disabled={busy}
                aria-label={t('events.reporters.callbackFor', { caseNumber: r.caseNumber })}
                onClick={() => onCallBack(r)}
              >
                {t('events.reporters.callback')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** 办理过程: every step, oldest first — who, when, what they wrote, the photos they sent. */
function Timeline({ steps }: { steps: EventStepView[] }) {
  const { t, i18n } = useTranslation();
  const deptName = useDepartmentName();
  return (
    <section className="event-section">
      <h3>{t('events.timeline.heading')}</h3>
      <ol className="event-timeline" data-testid="timeline">
        {steps.map((s) => (
          <li key={s.id} className={`timeline-step step-${s.action}`} data-testid="timeline-step" data-action={s.action}>
            <div className="timeline-head">
              <strong>{s.action === 'warn' && isWarning(s.detail) ? t(`events.warn.${s.detail}`) : t(`events.step.${s.action}`)}</strong>
              {s.fromStatus !== s.toStatus && <span className="muted">{t('events.timeline.toStatus', { status: t(`events.status.${s.toStatus}`) })}</span>}
              <span>
                {s.actor?.displayName ?? t('events.timeline.system')}
                {s.departmentCode && t('events.timeline.department', { name: deptName(s.departmentCode) })}
              </span>
              <time className="muted" dateTime={s.createdAt}>
                {formatDateTime(s.createdAt, i18n.language)}
              </time>
            </div>
            {s.note && <p className="timeline-note">{s.note}</p>}
            {s.photos.length > 0 && (
              <div className="timeline-photos" aria-label={t('events.timeline.photos')}>
                {s.photos.map((photo, index) => (
                  <a key={photo.id} href={photo.href} target="_blank" rel="noreferrer">
                    <img src={photo.href} alt={t('events.timeline.photo', { n: index + 1 })} loading="lazy" data-testid="timeline-photo" />
                  </a>
                ))}
              </div>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

const WARNINGS = ['sign_overdue', 'yellow', 'red'] as const;
const isWarning = (detail: string | null): detail is (typeof WARNINGS)[number] => (WARNINGS as readonly (string | null)[]).includes(detail);

/** How a rating came in: a phone callback the center recorded, or the citizen's own reply on a channel. */
const RATED_VIA = ['phone', 'sms', 'wechat', 'web', 'voice'] as const;
const isRatedVia = (via: string): via is (typeof RATED_VIA)[number] => (RATED_VIA as readonly string[]).includes(via);
