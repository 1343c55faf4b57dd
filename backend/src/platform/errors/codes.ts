/**
 * Every error code the API answers with, and the reasons that say more precisely what went wrong.
 * Browser-safe (no imports): the console translates each one (zh-CN and en) instead of showing the
 * server's English message, and its catalogue test walks these lists.
 */
export const ERROR_CODES = [
  'invalid_request',
  'unauthenticated',
  'invalid_credentials',
  'forbidden',
  'not_found',
  'conflict',
  'payload_too_large',
  'unsupported_media_type',
  'rate_limited',
  'unavailable',
  'internal',
] as const;

export type ApiErrorCode = (typeof ERROR_CODES)[number];

/**
 * Why a request a staff member made cannot be done now. `details` carries the values the console's
 * message names (case number, holder, load and capacity, status).
 */
export const ERROR_REASONS = [
  /** The chosen appeal is this one, or one already merged into it. */
  'merge_into_self',
  /** The appeal to merge into was not accepted or was answered and closed. */
  'merge_target_settled',
  /** The appeal was decided already (accepted, rejected, merged, answered). */
  'appeal_settled',
  /** Another agent holds the appeal. */
  'held_by_other',
  /** The agent holds as many appeals of this kind as allowed. */
  'capacity_full',
  /** An agent transfers only what they hold. */
  'transfer_not_holder',
  /** The event's status does not allow this step. */
  'event_step_not_allowed',
  'extension_already_waiting',
  'no_extension_waiting',
  'extension_not_later',
  /** Only a closure a citizen rated 1 or 2 can be reopened. */
  'reopen_not_unsatisfied',
  'retry_not_failed',
  'disable_own_account',
] as const;

export type ErrorReason = (typeof ERROR_REASONS)[number];
