import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../shared/api.ts';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';

interface DetailPaneProps {
  /** Whether the URL names an item to show. */
  wanted: boolean;
  placeholder: string;
  /** The open item, once it has loaded. */
  children: ReactNode | null;
  error: unknown;
  notFound: string;
  onRetry(): void;
}

/** The right half of a list screen: a hint before anything is open, the open item, or why it is not there. */
export function DetailPane({ wanted, placeholder, children, error, notFound, onRetry }: DetailPaneProps) {
  const { t } = useTranslation();
  return (
    <div className="appeal-pane">
      {!wanted ? (
        <p className="appeal-placeholder muted">{placeholder}</p>
      ) : children ? (
        children
      ) : error ? (
        // A malformed id (400) is as missing as an unknown one (404).
        <ErrorAlert error={error} title={isApiError(error, 404) || isApiError(error, 400) ? notFound : undefined} onRetry={onRetry} />
      ) : (
        <p className="appeal-placeholder muted">{t('common.loading')}</p>
      )}
    </div>
  );
}
