import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../shared/format.ts';
import { useDepartmentName } from '../common/useReference.ts';
import type { EventStepView } from '../contract.ts';

/** 办理过程: every step, oldest first — who, when, what they wrote, the photos they sent. */
export function EventTimeline({ steps }: { steps: EventStepView[] }) {
  const { t, i18n } = useTranslation();
  const deptName = useDepartmentName();
  return (
    <section className="event-section">
      <h3>{t('events.timeline.heading')}</h3>
      <ol className="event-timeline" data-testid="timeline">
        {steps.map((s) => (
          <li key={s.id} className={`timeline-step step-${s.action}`} data-testid="timeline-step" data-action={s.action}>
            <div className="timeline-head">
              <strong>{s.action === 'warn' && isWarning(s.detail) ? t(`events.warn.${s.detail}`) : t(`events.step.${s.action}`)}</strong>
              {s.fromStatus !== s.toStatus && <span className="muted">{t('events.timeline.toStatus', { status: t(`events.status.${s.toStatus}`) })}</span>}
              <span>
                {s.actor?.displayName ?? t('events.timeline.system')}
                {s.departmentCode && t('events.timeline.department', { name: deptName(s.departmentCode) })}
              </span>
              <time className="muted" dateTime={s.createdAt}>
                {formatDateTime(s.createdAt, i18n.language)}
              </time>
            </div>
            {s.note && <p className="timeline-note">{s.note}</p>}
            {s.photos.length > 0 && (
              <div className="timeline-photos" aria-label={t('events.timeline.photos')}>
                {s.photos.map((photo, index) => (
                  <a key={photo.id} href={photo.href} target="_blank" rel="noreferrer">
                    <img src={photo.href} alt={t('events.timeline.photo', { n: index + 1 })} loading="lazy" data-testid="timeline-photo" />
                  </a>
                ))}
              </div>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

const WARNINGS = ['sign_overdue', 'yellow', 'red'] as const;
const isWarning = (detail: string | null): detail is (typeof WARNINGS)[number] => (WARNINGS as readonly (string | null)[]).includes(detail);
