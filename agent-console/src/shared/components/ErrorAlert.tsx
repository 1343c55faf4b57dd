import { useTranslation } from 'react-i18next';
import { ApiRequestError } from '../api.ts';

const KNOWN_CODES = [
  'network',
  'invalid_request',
  'unauthenticated',
  'invalid_credentials',
  'forbidden',
  'password_change_required',
  'not_found',
  'conflict',
  'payload_too_large',
  'unsupported_media_type',
  'rate_limited',
  'unavailable',
] as const;
type KnownCode = (typeof KNOWN_CODES)[number];
const isKnown = (code: string): code is KnownCode => (KNOWN_CODES as readonly string[]).includes(code);

interface ErrorAlertProps {
  error: unknown;
  /** A screen's own wording for the failure, instead of the generic one for its code. */
  title?: string;
  onRetry?: () => void;
}

/**
 * A failure the user must notice: a translated headline plus the server's own message, which is
 * often the only thing that says which field was wrong.
 */
export function ErrorAlert({ error, title, onRetry }: ErrorAlertProps) {
  const { t } = useTranslation();
  if (!error) return null;
  const apiError = error instanceof ApiRequestError ? error : undefined;
  const headline = title ?? (apiError && isKnown(apiError.code) ? t(`errors.${apiError.code}`) : t('errors.unknown'));
  const detail = apiError && apiError.code !== 'network' ? apiError.message : undefined;
  return (
    <div className="alert alert-error" role="alert">
      <p className="alert-title">{headline}</p>
      {detail && <p className="alert-detail">{t('errors.serverSaid', { message: detail })}</p>}
      {onRetry && (
        <button type="button" className="button button-small" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}
