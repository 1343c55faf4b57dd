import type { TFunction } from 'i18next';
import { ERROR_CODES, ERROR_REASONS, type ApiErrorCode, type ErrorReason } from '@hotline/backend/error-codes';
import type { AppealSummary, EventSummary } from '@hotline/backend/api-types';
import { ApiRequestError } from './api.ts';

type AppealStatus = AppealSummary['status'];
type EventStatus = EventSummary['status'];

const isCode = (code: string): code is ApiErrorCode | 'network' => code === 'network' || (ERROR_CODES as readonly string[]).includes(code);
const isReason = (reason: string | undefined): reason is ErrorReason => !!reason && (ERROR_REASONS as readonly string[]).includes(reason);

interface ReasonDetails {
  caseNumber?: string;
  status?: string;
  assignee?: { displayName?: string };
  kind?: 'chats' | 'calls';
  load?: Record<string, number>;
  capacity?: Record<string, number>;
}

/** The values a reason's sentence names, from the error's details, in the UI's language. */
function reasonValues(t: TFunction, reason: ErrorReason, details: ReasonDetails) {
  const kind = details.kind ?? 'chats';
  // An appeal's status and an event's status share words like "closed": the reason says which.
  const status = !details.status
    ? ''
    : reason === 'event_step_not_allowed'
      ? t(`events.status.${details.status as EventStatus}`)
      : t(`status.${details.status as AppealStatus}`);
  return {
    caseNumber: details.caseNumber ?? '',
    name: details.assignee?.displayName ?? '',
    status,
    kind: t(`errors.kinds.${kind}`),
    load: details.load?.[kind] ?? '',
    capacity: details.capacity?.[kind] ?? '',
  };
}

/**
 * What went wrong, in the UI's language: the reason's own sentence when the server names one, else
 * the code's. The server's message (English for most codes) is only ever a detail behind a toggle.
 */
export function errorMessage(t: TFunction, error: unknown): string {
  if (!(error instanceof ApiRequestError)) return t('errors.unknown');
  if (isReason(error.reason)) return t(`errors.reasons.${error.reason}`, reasonValues(t, error.reason, (error.details ?? {}) as ReasonDetails));
  return isCode(error.code) ? t(`errors.${error.code}`) : t('errors.unknown');
}
