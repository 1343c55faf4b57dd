import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../shared/format.ts';
import { ChannelLabel } from '../common/badges.tsx';
import type { EventDetail, EventReporter } from '../contract.ts';

/** 反映人: every citizen linked to the event, their channel and 回访 rating; the center records phone callbacks here. */
export function EventReporters({
  event,
  canCallBack,
  busy,
  onCallBack,
}: {
  event: EventDetail;
  canCallBack: boolean;
  busy: boolean;
  onCallBack(r: EventReporter): void;
}) {
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

/** How a rating came in: a phone callback the center recorded, or the citizen's own reply on a channel. */
const RATED_VIA = ['phone', 'sms', 'wechat', 'web', 'voice'] as const;
const isRatedVia = (via: string): via is (typeof RATED_VIA)[number] => (RATED_VIA as readonly string[]).includes(via);
