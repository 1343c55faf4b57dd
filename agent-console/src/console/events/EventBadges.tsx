import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../shared/format.ts';
import type { EventStatus, EventSummary } from '../contract.ts';
import { dueOf, dueText } from './event-helpers.ts';

/** 待签收 / 处置中 / 待核查 / 已退回 / 已结案 / 已撤销, each with its own colour. */
export function EventStatusBadge({ status }: { status: EventStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`badge event-status-${status}`} data-testid="event-status" data-status={status}>
      {t(`events.status.${status}`)}
    </span>
  );
}

/**
 * The time limit being raced: a yellow badge when due soon (临期), red when overdue (超期), with the
 * time left or overdue by; a quiet line while there is time. Nothing once the department owes nothing.
 */
export function DueBadge({ event, now }: { event: EventSummary; now: number }) {
  const { t, i18n } = useTranslation();
  const due = dueOf(event, now);
  if (!due) return null;
  return (
    <span
      className={due.state === 'ok' ? 'due-quiet' : `badge due-${due.state}`}
      data-testid="due-badge"
      data-due={due.state}
      title={t(due.deadline === 'sign' ? 'events.view.signDueAt' : 'events.view.timeLimitAt') + ' ' + formatDateTime(due.at, i18n.language)}
    >
      {dueText(due, t)}
    </span>
  );
}
