import type { AppealSummary, SessionUser } from '@hotline/backend/api-types';
import type { ConsoleAppeal } from '../contract.ts';
import { AcceptDialog } from './AcceptDialog.tsx';
import { RejectDialog } from './RejectDialog.tsx';
import { type TransferTarget, TransferDialog } from './TransferDialog.tsx';
import type { Decision } from './useDecision.ts';

interface DecisionDialogsProps {
  user: SessionUser;
  /** The appeal the workbench shows, once its detail is loaded. */
  open: ConsoleAppeal | null;
  /** The loaded appeal's case number, for the reject dialog. */
  caseNumber: string;
  decision: Decision;
  onConflict(): void;
  transfer: { target: TransferTarget | null; cancel(): void; onTransferred(summary: AppealSummary): void };
}

/** 受理, 不予受理 and 转派: opened by the appeal's buttons, their keys, or (转派) the wall's 改派 / 接管. */
export function DecisionDialogs({ user, open, caseNumber, decision, onConflict, transfer }: DecisionDialogsProps) {
  return (
    <>
      <RejectDialog
        open={decision.rejectOpen}
        caseNumber={caseNumber}
        busy={decision.busy === 'reject'}
        error={decision.error}
        onCancel={decision.closeReject}
        onConfirm={decision.confirmReject}
      />
      {open && (
        <AcceptDialog
          open={decision.acceptOpen}
          appealId={open.id}
          caseNumber={open.caseNumber}
          onCancel={decision.closeAccept}
          onAccepted={decision.accepted}
          onConflict={onConflict}
        />
      )}
      <TransferDialog appeal={transfer.target} user={user} onCancel={transfer.cancel} onTransferred={transfer.onTransferred} />
    </>
  );
}
