import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppealSummary, MessageView } from '@hotline/backend/api-types';
import type { AppealChange } from '../appeal/AppealView.tsx';
import type { NoteView } from '../contract.ts';
import type { TransferTarget } from '../decision/TransferDialog.tsx';
import { useDecision } from '../decision/useDecision.ts';
import { useClaim } from '../queue/useClaim.ts';
import type { ConsoleWork } from './useConsoleWork.ts';

const CHANGE_TOASTS = { merged: 'console.duplicates.mergedToast', answered: 'console.answer.done', classified: 'console.nlp.savedToast' } as const;

/**
 * What the agent does to appeals (claim, decide, transfer, correct, merge, answer, reply, note),
 * and what each answer changes on screen: the summary everywhere, the load, and an announcement.
 */
export function useWorkActions({ queue, myWork, presence, appeal, applyEverywhere }: ConsoleWork, appealId: string | null, announce: (text: string) => void) {
  const { t } = useTranslation();
  const [transferTarget, setTransferTarget] = useState<TransferTarget | null>(null);
  const { refetch: refetchAppeal } = appeal;
  const { refresh: refreshPresence } = presence;

  const handleDecided = useCallback(
    (decided: AppealSummary) => {
      applyEverywhere(decided);
      refreshPresence();
      // The citizen's notice was delivered before this answer came back, but its socket push
      // predates delivery (still "sending"): refetch to show its final state.
      void refetchAppeal();
      announce(t('console.appeal.decidedToast', { caseNumber: decided.caseNumber, status: t(`status.${decided.status}`) }));
    },
    [applyEverywhere, refreshPresence, refetchAppeal, announce, t],
  );
  const onConflict = useCallback(() => void refetchAppeal(), [refetchAppeal]);
  const decision = useDecision({ appeal: appeal.detail, onDecided: handleDecided, onConflict });

  const claim = useClaim({
    beforeClaim: myWork.expectClaim,
    onClaimed: useCallback(
      (summary: AppealSummary) => {
        applyEverywhere(summary);
        refreshPresence();
        announce(t('console.claim.claimed', { caseNumber: summary.caseNumber }));
      },
      [applyEverywhere, refreshPresence, announce, t],
    ),
    onConflict: useCallback(
      (id: string) => {
        // Whoever has it, the row and the open appeal should say so.
        if (id === appealId) void refetchAppeal();
        void queue.refetch();
      },
      [appealId, refetchAppeal, queue],
    ),
  });

  function onTransferred(summary: AppealSummary) {
    setTransferTarget(null);
    applyEverywhere(summary);
    refreshPresence();
    if (summary.id === appealId) void refetchAppeal();
    announce(t('console.transfer.done', { caseNumber: summary.caseNumber, name: summary.assignee?.displayName ?? '' }));
  }

  /** A correction, merge, direct answer or confidentiality mark came back; the detail's classification, reporters and duplicates come with a refetch. */
  function onChanged(summary: AppealSummary, kind: AppealChange) {
    applyEverywhere(summary);
    void refetchAppeal();
    if (kind === 'answered') refreshPresence();
    const toast =
      kind === 'confidential' ? (summary.confidential ? 'console.confidential.markedToast' : 'console.confidential.clearedToast') : CHANGE_TOASTS[kind];
    announce(t(toast, { caseNumber: summary.caseNumber }));
  }

  return {
    decision,
    claim,
    onConflict,
    onChanged,
    // A first reply also makes the agent the owner (首问负责制); appeal:updated brings that.
    onReplySent: (message: MessageView) => appeal.applyMessage(message),
    onNoted: (note: NoteView) => {
      if (appeal.detail) appeal.applyNote(appeal.detail.id, note);
    },
    transfer: { target: transferTarget, open: setTransferTarget, cancel: () => setTransferTarget(null), onTransferred },
  };
}

export type WorkActions = ReturnType<typeof useWorkActions>;
