import { useTranslation } from 'react-i18next';
import { ApiRequestError } from '../api.ts';
import { errorMessage } from '../error-message.ts';

interface ErrorAlertProps {
  error: unknown;
  /** A screen's own wording for the failure, instead of the one for its reason or code. */
  title?: string;
  onRetry?: () => void;
}

/**
 * A failure the user must notice: a headline in the UI's language (the server's reason or code),
 * and the server's own message behind a toggle, for whoever has to report the problem.
 */
export function ErrorAlert({ error, title, onRetry }: ErrorAlertProps) {
  const { t } = useTranslation();
  if (!error) return null;
  const apiError = error instanceof ApiRequestError ? error : undefined;
  const headline = title ?? errorMessage(t, error);
  // An invalid request's message names the field: the one thing the headline cannot say.
  const detail = apiError && apiError.code !== 'network' ? apiError : undefined;
  return (
    <div className="alert alert-error" role="alert">
      <p className="alert-title">{headline}</p>
      {detail?.code === 'invalid_request' && <p className="alert-detail">{t('errors.serverSaid', { message: detail.message })}</p>}
      {detail && detail.code !== 'invalid_request' && (
        <details className="alert-detail">
          <summary>{t('errors.showDetail')}</summary>
          {t('errors.serverSaid', { message: detail.message })}
          {detail.requestId && <span className="mono"> · {detail.requestId}</span>}
        </details>
      )}
      {onRetry && (
        <button type="button" className="button button-small" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}
