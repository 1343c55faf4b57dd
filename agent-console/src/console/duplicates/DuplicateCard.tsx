import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppealDetail, AppealSummary, DuplicateView } from '@hotline/backend/api-types';
import { StatusBadge } from '../../shared/components/StatusBadge.tsx';
import { formatDateTime, formatDuration } from '../../shared/format.ts';
import { AppealLink } from '../common/links.tsx';
import { formatPercent } from '../nlp/nlp-format.ts';
import { type EvidenceFact, evidenceFacts, isWarning } from './evidence.ts';

interface DuplicateCardProps {
  appeal: AppealDetail;
  duplicate: DuplicateView;
  mergeRef: Ref<HTMLButtonElement> | undefined;
  canMerge: boolean;
  onOpenAppeal(id: string): void;
  onMerge(): void;
}

/** One suggestion: how alike the two are, the two side by side, the evidence, and 合并. */
export function DuplicateCard({ appeal, duplicate, mergeRef, canMerge, onOpenAppeal, onMerge }: DuplicateCardProps) {
  const { t } = useTranslation();
  const other = duplicate.appeal;
  return (
    <li className={`duplicate-card duplicate-${duplicate.decision}`} data-testid="duplicate" data-case-number={other.caseNumber}>
      <div className="duplicate-score">
        <span className="score-value">{t('console.duplicates.score', { percent: formatPercent(duplicate.score) })}</span>
        <span className="muted">{t(`console.duplicates.decision.${duplicate.decision}`)}</span>
      </div>
      <div className="compare">
        <CompareColumn heading={t('console.duplicates.thisAppeal')} appeal={appeal} />
        <CompareColumn heading={t('console.duplicates.otherAppeal')} appeal={other} onOpen={() => onOpenAppeal(other.id)} />
      </div>
      <Evidence evidence={duplicate.evidence} />
      <button
        type="button"
        ref={mergeRef}
        className="button button-small"
        disabled={!canMerge}
        aria-keyshortcuts={mergeRef ? 'm' : undefined}
        onClick={onMerge}
      >
        {t('console.duplicates.merge')}
        {mergeRef && <kbd aria-hidden="true">M</kbd>}
      </button>
    </li>
  );
}

/** One side of the comparison: case number, status, what was said, where and when. */
function CompareColumn({ heading, appeal, onOpen }: { heading: string; appeal: AppealSummary; onOpen?: () => void }) {
  const { t, i18n } = useTranslation();
  const grid = (i18n.language === 'en' ? appeal.gridNameEn : appeal.gridName) ?? t('console.queue.noGrid');
  return (
    <div className="compare-column">
      <p className="compare-heading muted">{heading}</p>
      <p className="compare-case">
        {onOpen ? <AppealLink id={appeal.id} caseNumber={appeal.caseNumber} onOpen={onOpen} /> : <span className="mono">{appeal.caseNumber}</span>}
      </p>
      <StatusBadge status={appeal.status} />
      <p className="compare-summary" title={appeal.summary}>
        {appeal.summary}
      </p>
      <p className="compare-meta">{grid}</p>
      <p className="compare-meta">{formatDateTime(appeal.createdAt, i18n.language)}</p>
    </div>
  );
}

/** Shared words as chips, then place, time, wording and category in one line each. */
function Evidence({ evidence }: { evidence: DuplicateView['evidence'] }) {
  const { t } = useTranslation();
  return (
    <div className="evidence">
      {evidence.sharedTerms.length > 0 && (
        <p className="evidence-line">
          <span className="muted">{t('console.duplicates.sharedTerms')}</span>
          {evidence.sharedTerms.map((term) => (
            <span key={term} className="word-chip">
              {term}
            </span>
          ))}
        </p>
      )}
      <ul className="evidence-facts">
        {evidenceFacts(evidence).map((fact) => (
          <li key={fact.kind} className={isWarning(fact) ? 'evidence-warning' : undefined} role={isWarning(fact) ? 'alert' : undefined}>
            <EvidenceText fact={fact} />
          </li>
        ))}
      </ul>
    </div>
  );
}

function EvidenceText({ fact }: { fact: EvidenceFact }) {
  const { t } = useTranslation();
  switch (fact.kind) {
    case 'distance':
      if (fact.value === 0) return <>{t('console.duplicates.samePlace')}</>;
      return <>{t(fact.unit === 'm' ? 'console.duplicates.distanceM' : 'console.duplicates.distanceKm', { value: fact.value })}</>;
    case 'noDistance':
      return <>{t('console.duplicates.noDistance')}</>;
    case 'apart':
      return <>{t('console.duplicates.apart', { duration: formatDuration(fact.minutes * 60_000, t) })}</>;
    case 'similarity':
      return <>{t('console.duplicates.similarity', { percent: fact.percent })}</>;
    case 'identicalText':
      return <>{t('console.duplicates.identicalText')}</>;
    case 'sameCategory':
      return <>{t('console.duplicates.sameCategory')}</>;
    case 'bothEmergency':
      return <>{t('console.duplicates.bothEmergency')}</>;
    case 'otherCategory':
      return <>{t('console.duplicates.otherCategory')}</>;
  }
}
