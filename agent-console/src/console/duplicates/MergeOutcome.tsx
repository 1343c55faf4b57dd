import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppealDetail } from '@hotline/backend/api-types';
import { formatDateTime } from '../../shared/format.ts';
import { staffApi } from '../api.ts';
import { ChannelLabel } from '../common/badges.tsx';
import { AppealLink } from '../common/links.tsx';

/* What a merge leaves: on the appeal that carries the matter its reporters, on the merged one where it went. */

/** 共 N 位市民反映: the appeals merged into this one; each reporter hears the outcome. */
export function MergedReporters({ appeal, onOpenAppeal }: { appeal: AppealDetail; onOpenAppeal(id: string): void }) {
  const { t, i18n } = useTranslation();
  if (appeal.mergedReporters.length === 0) return null;
  return (
    <section className="side-section merged-reporters" aria-labelledby="reporters-heading" data-testid="merged-reporters">
      <div className="side-heading">
        <h3 id="reporters-heading">{t('console.duplicates.reporters', { count: Math.max(appeal.reporterCount, appeal.mergedReporters.length + 1) })}</h3>
      </div>
      <ul className="reporter-list">
        {appeal.mergedReporters.map((reporter) => (
          <li key={reporter.id}>
            <AppealLink id={reporter.id} caseNumber={reporter.caseNumber} onOpen={() => onOpenAppeal(reporter.id)} />
            <ChannelLabel channel={reporter.channel} />
            <span className="muted">{formatDateTime(reporter.createdAt, i18n.language)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Shown on a merged appeal: which case now carries it, as a link there. */
export function MergedNotice({ appeal, onOpenAppeal }: { appeal: AppealDetail; onOpenAppeal(id: string): void }) {
  const { t } = useTranslation();
  const intoId = appeal.duplicateOfId;
  const known = appeal.duplicates.find((d) => d.appeal.id === intoId)?.appeal.caseNumber;
  const caseNumber = useCaseNumber(appeal.status === 'merged' && !known ? intoId : null) ?? known;
  if (appeal.status !== 'merged' || !intoId) return null;
  return (
    <p id="decision-explanation" className="merged-notice" data-testid="merged-notice">
      {t('console.duplicates.mergedInto')}{' '}
      <AppealLink id={intoId} caseNumber={caseNumber ?? t('console.duplicates.targetAppeal')} onOpen={() => onOpenAppeal(intoId)} />
    </p>
  );
}

/** The case number of an appeal we only know by id (the merge answer carries the id alone). */
function useCaseNumber(id: string | null): string | undefined {
  const [found, setFound] = useState<{ id: string; caseNumber: string }>();
  useEffect(() => {
    if (!id) return;
    const abort = new AbortController();
    staffApi.getAppeal(id, abort.signal).then(
      (target) => setFound({ id, caseNumber: target.caseNumber }),
      () => {}, // the link still works without its number
    );
    return () => abort.abort();
  }, [id]);
  return found && found.id === id ? found.caseNumber : undefined;
}
