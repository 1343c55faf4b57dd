import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EmergencyAlert } from '@hotline/backend/api-types';
import { formatTime } from '../../shared/format.ts';

/** More than this many at once would push the workbench off a 768-pixel screen: the rest fold away. */
const SHOWN = 2;

interface EmergencyAlertsProps {
  alerts: EmergencyAlert[];
  onOpen(appealId: string): void;
  onDismiss(appealId: string): void;
}

/**
 * 特急警报: a fire, a gas leak, someone trapped. Shown above everything until the agent opens or
 * dismisses it; role="alert" makes screen readers announce it the moment it arrives.
 */
export function EmergencyAlerts({ alerts, onOpen, onDismiss }: EmergencyAlertsProps) {
  const { t } = useTranslation();
  const [expanded, setExpanded] = useState(false);
  if (alerts.length === 0) return null;
  const shown = expanded ? alerts : alerts.slice(0, SHOWN);
  const hidden = alerts.length - shown.length;
  return (
    <div className="emergency-stack" aria-label={t('console.alerts.label')} role="region">
      {shown.map((alert) => (
        <AlertBar key={alert.appeal.id} alert={alert} onOpen={() => onOpen(alert.appeal.id)} onDismiss={() => onDismiss(alert.appeal.id)} />
      ))}
      {hidden > 0 && (
        <button type="button" className="button button-small button-quiet emergency-more" aria-expanded={false} onClick={() => setExpanded(true)}>
          {t('console.alerts.more', { count: hidden })}
        </button>
      )}
      {expanded && alerts.length > SHOWN && (
        <button type="button" className="button button-small button-quiet emergency-more" aria-expanded={true} onClick={() => setExpanded(false)}>
          {t('console.alerts.less')}
        </button>
      )}
    </div>
  );
}

function AlertBar({ alert, onOpen, onDismiss }: { alert: EmergencyAlert; onOpen(): void; onDismiss(): void }) {
  const { t, i18n } = useTranslation();
  const { appeal } = alert;
  return (
    <div className="emergency-bar" role="alert" data-testid="emergency-alert" data-case-number={appeal.caseNumber}>
      <span className="emergency-label">{t('console.alerts.title')}</span>
      <span className="mono emergency-case">{appeal.caseNumber}</span>
      <time className="emergency-time" dateTime={appeal.createdAt}>
        {formatTime(appeal.createdAt, i18n.language)}
      </time>
      <span className="emergency-summary" title={appeal.summary}>
        {appeal.summary}
      </span>
      {alert.evidence.length > 0 && (
        <span className="emergency-evidence" aria-label={t('console.alerts.evidence')}>
          {alert.evidence.map((word) => (
            <span key={word} className="word-chip word-chip-inverse">
              {word}
            </span>
          ))}
        </span>
      )}
      <button type="button" className="button button-small emergency-open" onClick={onOpen}>
        {t('console.alerts.open')}
      </button>
      <button
        type="button"
        className="button button-small button-quiet emergency-dismiss"
        aria-label={t('console.alerts.dismiss', { caseNumber: appeal.caseNumber })}
        onClick={onDismiss}
      >
        ×
      </button>
    </div>
  );
}
