import { type RefObject, useLayoutEffect, useState } from 'react';
import type { AppealSummary, MessageView, SessionUser } from '@hotline/backend/api-types';
import type { ConsoleAppeal, NoteView } from '../contract.ts';
import type { Decision } from '../decision/useDecision.ts';
import type { Claim } from '../queue/useClaim.ts';
import { AnswerDialog } from '../reply/AnswerDialog.tsx';
import { ReplyBox } from '../reply/ReplyBox.tsx';
import { blockedFor } from './access.ts';
import { AppealHeader } from './AppealHeader.tsx';
import { AppealSide } from './AppealSide.tsx';
import { CallPanel } from './CallPanel.tsx';
import { Conversation } from './Conversation.tsx';
import { useAppealWorkspace } from './useAppealWorkspace.ts';

/** What the shortcuts do inside the open appeal: the workbench's keys call them, the view knows how. */
export interface AppealHandle {
  focusReply(): void;
  focusNote(): void;
  focusKnowledge(): void;
  focusCategory(): void;
  focusMerge(): void;
  openAnswer(): void;
}

/** What came back from the side panels and the answer dialog, for the console to show everywhere. */
export type AppealChange = 'classified' | 'merged' | 'answered' | 'confidential';

interface AppealViewProps {
  appeal: ConsoleAppeal;
  user: SessionUser;
  decision: Decision;
  claim: Claim;
  handle: RefObject<AppealHandle | null>;
  onReplySent(message: MessageView): void;
  onNoted(note: NoteView): void;
  /** A correction, a merge, a direct answer or a confidentiality mark came back: the summary to show everywhere. */
  onChanged(summary: AppealSummary, kind: AppealChange): void;
  onConflict(): void;
  onOpenAppeal(id: string): void;
  onTransfer(): void;
}

/**
 * One appeal: who, where and what; the conversation with colleagues' notes and the composer; beside
 * them, in tabs, what NLP made of it, where it is and who else the citizen is, and the knowledge base.
 */
export function AppealView({ appeal, user, decision, claim, handle, onReplySent, onNoted, onChanged, onConflict, onOpenAppeal, onTransfer }: AppealViewProps) {
  const workspace = useAppealWorkspace(appeal.id);
  const [answerOpen, setAnswerOpen] = useState(false);
  const pending = appeal.status === 'pending';
  const blocked = blockedFor(appeal, user);

  useAppealHandle(handle, {
    focusReply: () => workspace.focus('reply'),
    focusNote: () => workspace.focus('note'),
    focusKnowledge: () => workspace.focus('knowledge'),
    focusCategory: () => workspace.focus('category'),
    focusMerge: () => workspace.focus('merge'),
    openAnswer: () => {
      if (pending && !blocked) setAnswerOpen(true);
    },
  });

  return (
    <article className="appeal-view" aria-labelledby="appeal-title" data-testid="appeal-view">
      <AppealHeader
        appeal={appeal}
        user={user}
        decision={decision}
        claim={claim}
        blocked={blocked}
        onTransfer={onTransfer}
        onOpenAppeal={onOpenAppeal}
        onConfidential={(summary) => onChanged(summary, 'confidential')}
      />
      <div className="appeal-body">
        <div className="appeal-thread">
          {appeal.calls.length > 0 && <CallPanel calls={appeal.calls} />}
          <Conversation messages={appeal.messages} notes={appeal.notes ?? []} citizenName={appeal.contact.name} />
          <ReplyBox
            appealId={appeal.id}
            mode={workspace.mode}
            onMode={workspace.setMode}
            draft={workspace.draft}
            setDraft={workspace.setDraft}
            replyRef={workspace.refs.reply}
            noteRef={workspace.refs.note}
            onInsert={workspace.insert}
            onBlurSelection={workspace.rememberSelection}
            onSent={onReplySent}
            onNoted={onNoted}
            answer={{ shown: pending, disabled: blocked, onOpen: () => setAnswerOpen(true) }}
          />
        </div>
        <AppealSide appeal={appeal} workspace={workspace} onOpenAppeal={onOpenAppeal} onChanged={onChanged} />
      </div>
      <AnswerDialog
        open={answerOpen}
        appealId={appeal.id}
        caseNumber={appeal.caseNumber}
        consultation={appeal.appealType === 'consultation'}
        draft={workspace.draft}
        onCancel={() => setAnswerOpen(false)}
        onAnswered={(summary) => {
          setAnswerOpen(false);
          workspace.setDraft('');
          onChanged(summary, 'answered');
        }}
        onConflict={onConflict}
      />
    </article>
  );
}

/** The shortcuts always reach this render's actions, and nothing once the view is gone. */
function useAppealHandle(handle: RefObject<AppealHandle | null>, actions: AppealHandle) {
  useLayoutEffect(() => {
    handle.current = actions;
  });
  useLayoutEffect(
    () => () => {
      handle.current = null;
    },
    [handle],
  );
}
