import { useTranslation } from 'react-i18next';
import type { AppealSummary } from '@hotline/backend/api-types';

type Channel = AppealSummary['channel'];

// Line icons drawn inline: no icon font or CDN is reachable from the hotline's network.
const channelIcons: Record<Channel, string> = {
  voice:
    'M6.6 3.5c1-.4 1.9.2 2.3 1.2l.8 2c.3.8.1 1.6-.5 2.1l-1 .8a11 11 0 0 0 5.2 5.2l.8-1c.5-.6 1.4-.8 2.1-.5l2 .8c1 .4 1.6 1.3 1.2 2.3-.6 1.6-2.2 2.6-3.9 2.3A14.6 14.6 0 0 1 4.2 7.4c-.3-1.7.8-3.3 2.4-3.9z',
  sms: 'M3.5 5.5h17v13h-17z M3.5 6l8.5 7 8.5-7',
  wechat:
    'M9 4.5c-3.6 0-6.5 2.4-6.5 5.3 0 1.6.9 3 2.3 4l-.6 2 2.4-1.2c.8.2 1.6.4 2.4.4 M15.5 9.5c3 0 5.5 2 5.5 4.5 0 1.3-.7 2.5-1.8 3.3l.5 1.7-2-1c-.7.2-1.4.3-2.2.3-3 0-5.5-2-5.5-4.3s2.5-4.5 5.5-4.5z',
  web: 'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18z M3 12h18 M12 3c2.5 2.5 3.6 5.5 3.6 9s-1.1 6.5-3.6 9c-2.5-2.5-3.6-5.5-3.6-9S9.5 5.5 12 3z',
};

/** Where the appeal came from: icon and word (电话 / 短信 / 微信 / 网页). */
export function ChannelLabel({ channel }: { channel: Channel }) {
  const { t } = useTranslation();
  return (
    <span className={`channel channel-${channel}`}>
      <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">
        <path d={channelIcons[channel]} />
      </svg>
      {t(`channel.${channel}`)}
    </span>
  );
}

/** 一般 / 紧急 / 特急; the quiet style for normal keeps the urgent ones standing out. */
export function UrgencyBadge({ urgency }: { urgency: AppealSummary['urgency'] }) {
  const { t } = useTranslation();
  return <span className={`badge urgency-${urgency}`}>{t(`urgency.${urgency}`)}</span>;
}

/** 疑似重复 N: open duplicate suggestions waiting for an agent's look. */
export function DuplicateBadge({ count }: { count: number }) {
  const { t } = useTranslation();
  if (count <= 0) return null;
  return (
    <span className="badge badge-duplicate" data-testid="duplicate-badge">
      {t('console.badges.duplicates', { count })}
    </span>
  );
}

/** N人反映: how many citizens reported this matter (itself plus the appeals merged into it). */
export function ReportersBadge({ count }: { count: number }) {
  const { t } = useTranslation();
  if (count <= 1) return null;
  return (
    <span className="badge badge-reporters" data-testid="reporters-badge">
      {t('console.badges.reporters', { count })}
    </span>
  );
}
