import { type Ref, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppealDetail, AppealSummary, DuplicateView } from '@hotline/backend/api-types';
import { isApiError } from '../shared/api.ts';
import { ErrorAlert } from '../shared/components/ErrorAlert.tsx';
import { Modal } from '../shared/components/Modal.tsx';
import { StatusBadge } from '../shared/components/StatusBadge.tsx';
import { formatDateTime, formatDuration } from '../shared/format.ts';
import { staffApi } from './api.ts';
import { ChannelLabel } from './common/badges.tsx';
import { DialogActions } from './common/dialog.tsx';
import { AppealLink } from './common/links.tsx';
import { useAsyncAction } from './common/useAsyncAction.ts';
import { type EvidenceFact, evidenceFacts, formatPercent } from './nlp-format.ts';

interface DuplicatesPanelProps {
  appeal: AppealDetail;
  /** The first suggestion's merge button, for the `m` shortcut. */
  mergeRef: Ref<HTMLButtonElement>;
  onOpenAppeal(id: string): void;
  onMerged(summary: AppealSummary): void;
}

/**
 * 疑似重复: other open appeals that may be the same matter, each beside this one with the evidence,
 * and a merge into it. The same pothole reported twenty times is one event with twenty reporters.
 */
export function DuplicatesPanel({ appeal, mergeRef, onOpenAppeal, onMerged }: DuplicatesPanelProps) {
  const { t } = useTranslation();
  const [target, setTarget] = useState<DuplicateView | null>(null);
  const merge = useMerge(appeal.id, (summary) => {
    setTarget(null);
    onMerged(summary);
  });
  const canMerge = appeal.status === 'pending';

  // Once merged, the suggestions are settled: the merge notice above says where the matter went.
  if (appeal.duplicates.length === 0 || appeal.status === 'merged') return null;
  return (
    <section className="side-section duplicates" aria-labelledby="duplicates-heading" data-testid="duplicates">
      <div className="side-heading">
        <h3 id="duplicates-heading">{t('console.duplicates.heading')}</h3>
        <span className="badge badge-duplicate">{appeal.duplicates.length}</span>
      </div>
      {!canMerge && <p className="side-note muted">{t('console.duplicates.notPending')}</p>}
      <ol className="duplicate-list">
        {appeal.duplicates.map((duplicate, index) => (
          <DuplicateCard
            key={duplicate.appeal.id}
            appeal={appeal}
            duplicate={duplicate}
            mergeRef={index === 0 ? mergeRef : undefined}
            // A merged target is fine (the server follows it to the first report); a rejected one is not.
            canMerge={canMerge && duplicate.appeal.status !== 'rejected' && !merge.busy}
            onOpenAppeal={onOpenAppeal}
            onMerge={() => {
              merge.clearError();
              setTarget(duplicate);
            }}
          />
        ))}
      </ol>
      <MergeDialog
        open={target !== null}
        caseNumber={appeal.caseNumber}
        targetCaseNumber={target?.appeal.caseNumber ?? ''}
        busy={merge.busy}
        error={merge.error}
        onCancel={() => setTarget(null)}
        onConfirm={() => target && void merge.run(target.appeal.id)}
      />
    </section>
  );
}

function useMerge(appealId: string, onMerged: (summary: AppealSummary) => void) {
  const action = useAsyncAction();
  const { clearError } = action;
  useEffect(clearError, [appealId, clearError]);
  const run = (intoId: string) => action.run(async () => onMerged(await staffApi.merge(appealId, intoId)));
  return { busy: action.busy, error: action.error, run, clearError };
}

interface DuplicateCardProps {
  appeal: AppealDetail;
  duplicate: DuplicateView;
  mergeRef: Ref<HTMLButtonElement> | undefined;
  canMerge: boolean;
  onOpenAppeal(id: string): void;
  onMerge(): void;
}

function DuplicateCard({ appeal, duplicate, mergeRef, canMerge, onOpenAppeal, onMerge }: DuplicateCardProps) {
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
      <button type="button" ref={mergeRef} className="button button-small" disabled={!canMerge} aria-keyshortcuts={mergeRef ? 'm' : undefined} onClick={onMerge}>
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
          <li key={fact.kind}>
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
    case 'sameCategory':
      return <>{t('console.duplicates.sameCategory')}</>;
    case 'otherCategory':
      return <>{t('console.duplicates.otherCategory')}</>;
  }
}

interface MergeDialogProps {
  open: boolean;
  caseNumber: string;
  targetCaseNumber: string;
  busy: boolean;
  error: unknown;
  onCancel(): void;
  onConfirm(): void;
}

/** Merging cannot be undone from the console, and the citizen is told: the agent confirms it. */
function MergeDialog({ open, caseNumber, targetCaseNumber, busy, error, onCancel, onConfirm }: MergeDialogProps) {
  const { t } = useTranslation();
  return (
    <Modal open={open} onClose={onCancel} labelledBy="merge-heading" className="merge-dialog">
      <h2 id="merge-heading">{t('console.duplicates.confirmHeading')}</h2>
      <p>{t('console.duplicates.confirmText', { caseNumber, target: targetCaseNumber })}</p>
      <p className="muted">{t('console.duplicates.confirmNote', { target: targetCaseNumber })}</p>
      <ErrorAlert error={error} title={isApiError(error, 409) ? t('console.duplicates.conflict') : undefined} />
      <DialogActions onCancel={onCancel}>
        <button type="button" className="button button-primary" autoFocus disabled={busy} onClick={onConfirm}>
          {busy ? t('console.duplicates.merging') : t('console.duplicates.confirm')}
        </button>
      </DialogActions>
    </Modal>
  );
}

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
      {t('console.duplicates.mergedInto')} <AppealLink id={intoId} caseNumber={caseNumber ?? t('console.duplicates.targetAppeal')} onOpen={() => onOpenAppeal(intoId)} />
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
