import { type RefObject, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { MessageView } from '@hotline/backend/api-types';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { staffApi } from '../api.ts';
import { DraftTextarea, useDraftSubmit } from './DraftTextarea.tsx';

/** 直接答复, shown while the appeal is pending. */
export interface AnswerButton {
  shown: boolean;
  disabled: boolean;
  onOpen(): void;
}

interface ReplyFormProps {
  appealId: string;
  draft: string;
  setDraft(text: string): void;
  inputRef: RefObject<HTMLTextAreaElement | null>;
  onBlurSelection(selection: { start: number; end: number }): void;
  onSent(message: MessageView): void;
  answer: AnswerButton;
}

/** The reply to the citizen, sent on their own channel. */
export function ReplyForm({ appealId, draft, setDraft, inputRef, onBlurSelection, onSent, answer }: ReplyFormProps) {
  const { t } = useTranslation();
  const inputId = useId();
  const hintId = useId();
  const { busy: sending, error, submit: send } = useDraftSubmit(draft, setDraft, async (text) => onSent(await staffApi.reply(appealId, text)));

  return (
    <form className="reply-box" id="composer-panel-reply" role="tabpanel" aria-labelledby="composer-tab-reply" onSubmit={send}>
      <label htmlFor={inputId} className="visually-hidden">
        {t('console.appeal.reply.label')}
      </label>
      <DraftTextarea
        id={inputId}
        hintId={hintId}
        inputRef={inputRef}
        draft={draft}
        setDraft={setDraft}
        placeholder={t('console.appeal.reply.placeholder')}
        onSubmit={() => void send()}
        onBlur={(e) => onBlurSelection({ start: e.currentTarget.selectionStart, end: e.currentTarget.selectionEnd })}
      />
      <div className="reply-actions">
        <span id={hintId} className="field-hint">
          {t('console.appeal.reply.hint')}
        </span>
        <span className="reply-buttons">
          {answer.shown && (
            <button type="button" className="button" disabled={answer.disabled} aria-keyshortcuts="d" onClick={answer.onOpen}>
              {t('console.answer.open')}
              <kbd aria-hidden="true">D</kbd>
            </button>
          )}
          <button type="submit" className="button button-primary" disabled={sending || !draft.trim()}>
            {sending ? t('console.appeal.reply.sending') : t('console.appeal.reply.send')}
          </button>
        </span>
      </div>
      <ErrorAlert error={error} />
    </form>
  );
}
