import { useTranslation } from 'react-i18next';
import { ChannelLabel } from '../common/badges.tsx';
import type { WallChannel, WallSnapshot } from '../contract.ts';
import { type Tone, abandonTone, formatShare, formatWait, longestWaitNow, serviceLevelTone, waitTone } from './wall-format.ts';

/** One channel: who waits now and the longest wait (ticking), what is in hand, the service level, abandoned calls. */
export function ChannelTile({ channel, snapshot, now }: { channel: WallChannel; snapshot: WallSnapshot; now: number }) {
  const { t } = useTranslation();
  const longest = longestWaitNow(channel, snapshot.generatedAt, now);
  const target = snapshot.serviceLevelTargetSeconds;
  return (
    <article
      className="card wall-tile"
      aria-label={t(`channel.${channel.channel}`)}
      data-testid={`wall-tile-${channel.channel}`}
      data-waiting={channel.waiting}
      data-in-progress={channel.inProgress}
      data-answered={channel.answeredToday}
    >
      <header className="tile-head">
        <ChannelLabel channel={channel.channel} />
      </header>
      <div className="tile-main">
        <div className={`tile-big tone-${quiet(channel.waiting > 0 ? waitTone(longest, target) : 'none')}`}>
          <span className="tile-value" data-testid="tile-waiting">
            {channel.waiting}
          </span>
          <span className="tile-label">{t('console.wall.waiting')}</span>
        </div>
        <div className={`tile-big tone-${quiet(waitTone(longest, target))}`}>
          <span className="tile-value mono" data-testid="tile-longest">
            {channel.waiting > 0 ? formatWait(longest) : '—'}
          </span>
          <span className="tile-label">{t('console.wall.longestWait')}</span>
        </div>
      </div>
      <dl className="tile-facts">
        <div>
          <dt>{t('console.wall.inProgress')}</dt>
          <dd data-testid="tile-in-progress">{channel.inProgress}</dd>
        </div>
        <div>
          <dt>{t('console.wall.answeredToday')}</dt>
          <dd data-testid="tile-answered">{channel.answeredToday}</dd>
        </div>
        <div title={t('console.wall.serviceLevelHint', { seconds: target, within: channel.answeredWithinTarget, answered: channel.answeredToday })}>
          <dt>{t('console.wall.serviceLevel', { seconds: target })}</dt>
          <dd className={`tone-${serviceLevelTone(channel.serviceLevel)}`} data-testid="tile-service-level">
            {formatShare(channel.serviceLevel)}
          </dd>
        </div>
        {channel.channel === 'voice' && (
          <div title={t('console.wall.abandonedHint', { count: channel.abandonedCalls, queued: channel.enqueuedCalls })}>
            <dt>{t('console.wall.abandoned')}</dt>
            <dd className={`tone-${abandonTone(channel.abandonRate)}`} data-testid="tile-abandoned">
              {t('console.wall.abandonedValue', { count: channel.abandonedCalls, rate: formatShare(channel.abandonRate) })}
            </dd>
          </div>
        )}
      </dl>
    </article>
  );
}

/** A wait within target is normal: only amber and red draw the eye. */
const quiet = (tone: Tone): Tone => (tone === 'good' ? 'none' : tone);
