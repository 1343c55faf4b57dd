import { useTranslation } from 'react-i18next';

export type RatingWord = 'satisfied' | 'neutral' | 'unsatisfied';

/** 4–5 satisfied, 3 neutral, 1–2 unsatisfied: the hotline's reading of a 1–5 rating. */
export const ratingWord = (satisfaction: number): RatingWord => (satisfaction >= 4 ? 'satisfied' : satisfaction <= 2 ? 'unsatisfied' : 'neutral');

/** "3 次诉求，上次不满意": a citizen's history in a few words. */
export function CitizenGlance({ count, lastRating }: { count: number; lastRating: RatingWord | null }) {
  const { t } = useTranslation();
  return (
    <span className="muted" data-testid="citizen-glance">
      {t('citizenArchive.glance', { count })}
      {lastRating && `，${t(`citizenArchive.last.${lastRating}`)}`}
    </span>
  );
}
