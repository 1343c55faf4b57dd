import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { MessageView } from '@hotline/backend/api-types';
import { arrowTabs } from '../common/tabs.ts';
import type { NoteView } from '../contract.ts';
import { CannedMenu } from './CannedMenu.tsx';
import { NoteForm } from './NoteForm.tsx';
import { type AnswerButton, ReplyForm } from './ReplyForm.tsx';

export type ComposerMode = 'reply' | 'note';
const COMPOSER_MODES: ComposerMode[] = ['reply', 'note'];

interface ReplyBoxProps {
  appealId: string;
  mode: ComposerMode;
  onMode(mode: ComposerMode): void;
  /** The reply draft lives with the appeal view: canned replies and articles are inserted into it. */
  draft: string;
  setDraft(text: string): void;
  replyRef: RefObject<HTMLTextAreaElement | null>;
  noteRef: RefObject<HTMLTextAreaElement | null>;
  onInsert(text: string): void;
  /** Where the cursor was when the reply box lost focus: inserts go there. */
  onBlurSelection(selection: { start: number; end: number }): void;
  onSent(message: MessageView): void;
  onNoted(note: NoteView): void;
  answer: AnswerButton;
}

/**
 * Under the thread: reply to the citizen on their own channel, or write a private note for
 * colleagues (yellow, never sent). Ctrl/⌘+Enter sends; plain Enter is a new line.
 */
export function ReplyBox({ appealId, mode, onMode, replyRef, noteRef, onInsert, onNoted, ...reply }: ReplyBoxProps) {
  const { t } = useTranslation();
  return (
    <section className={`composer composer-${mode}`} aria-label={t('console.composer.label')}>
      <div className="composer-bar">
        <div className="composer-tabs" role="tablist" aria-label={t('console.composer.label')}>
          {COMPOSER_MODES.map((tab) => (
            <button
              key={tab}
              type="button"
              role="tab"
              id={`composer-tab-${tab}`}
              aria-selected={tab === mode}
              aria-controls={`composer-panel-${tab}`}
              aria-keyshortcuts={tab === 'reply' ? 'r' : 'n'}
              tabIndex={tab === mode ? 0 : -1}
              onClick={() => onMode(tab)}
              onKeyDown={arrowTabs(COMPOSER_MODES, tab, onMode, 'composer-tab-')}
            >
              {t(`console.composer.tab.${tab}`)}
              <kbd aria-hidden="true">{tab === 'reply' ? 'R' : 'N'}</kbd>
            </button>
          ))}
        </div>
        {mode === 'reply' && <CannedMenu onInsert={onInsert} />}
      </div>
      {mode === 'reply' ? (
        <ReplyForm appealId={appealId} inputRef={replyRef} {...reply} />
      ) : (
        <NoteForm appealId={appealId} inputRef={noteRef} onNoted={onNoted} />
      )}
    </section>
  );
}
