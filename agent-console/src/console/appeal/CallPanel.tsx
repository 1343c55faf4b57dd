import { useTranslation } from 'react-i18next';
import type { CallView } from '@hotline/backend/api-types';
import { formatDateTime } from '../../shared/format.ts';

/** What a call is doing now, in the words an agent uses: waiting in the queue, talking, abandoned, over. */
export function callState(call: CallView): 'waiting' | 'answered' | 'abandoned' | 'voicemail' | 'live' | 'ended' {
  if (call.queueResult === 'hangup') return 'abandoned';
  if (call.queueResult === 'bridged') return call.endedAt ? 'ended' : 'answered';
  if (call.endedAt) return 'ended';
  if (call.enqueuedAt && !call.queueResult) return 'waiting';
  return call.queueResult ? 'voicemail' : 'live';
}

/** The phone calls behind a voice appeal, updated live as Twilio reports them. */
export function CallPanel({ calls }: { calls: CallView[] }) {
  const { t, i18n } = useTranslation();
  return (
    <section className="call-panel" aria-label={t('console.call.heading')} aria-live="polite" data-testid="call-panel">
      <h3>{t('console.call.heading')}</h3>
      <ul>
        {calls.map((call) => {
          const state = callState(call);
          return (
            <li key={call.callSid} className={`call call-${state}`}>
              <span className="call-state">{t(`console.call.state.${state}`)}</span>
              <span>{formatDateTime(call.startedAt, i18n.language)}</span>
              {call.durationSeconds !== null && <span>{t('console.call.duration', { seconds: call.durationSeconds })}</span>}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
