import { type Ref, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppealDetail, AppealSummary, DuplicateView } from '@hotline/backend/api-types';
import { staffApi } from '../api.ts';
import { useAsyncAction } from '../common/useAsyncAction.ts';
import { DuplicateCard } from './DuplicateCard.tsx';
import { MergeDialog } from './MergeDialog.tsx';

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
        otherCategory={target?.evidence.sameCategory === false}
        busy={merge.busy}
        error={merge.error}
        onCancel={() => setTarget(null)}
        onConfirm={() => target && void merge.run(target.appeal.id)}
      />
    </section>
  );
}

/** 合并 this appeal into another; a failure belongs to this appeal and is forgotten when another opens. */
function useMerge(appealId: string, onMerged: (summary: AppealSummary) => void) {
  const action = useAsyncAction();
  const { clearError } = action;
  useEffect(clearError, [appealId, clearError]);
  const run = (intoId: string) => action.run(async () => onMerged(await staffApi.merge(appealId, intoId)));
  return { busy: action.busy, error: action.error, run, clearError };
}
