import { type FocusEvent, type FormEvent, type KeyboardEvent, type RefObject, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MessageView } from '@hotline/backend/api-types';
import { ErrorAlert } from '../shared/components/ErrorAlert.tsx';
import { staffApi } from './api.ts';
import type { NoteView } from './contract.ts';
import { arrowTabs } from './common/tabs.ts';
import { useAsyncAction } from './common/useAsyncAction.ts';
import { useCannedReplies } from './common/useReference.ts';
import { isSendKey } from './shell/shortcuts.ts';
import { useDraft } from './useDraft.ts';

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
  /** 直接答复, shown while the appeal is pending. */
  answer: { shown: boolean; disabled: boolean; onOpen(): void };
}

/**
 * Under the thread: reply to the citizen on their own channel, or write a private note for
 * colleagues (yellow, never sent). Ctrl/⌘+Enter sends; plain Enter is a new line.
 */
export function ReplyBox({ appealId, mode, onMode, draft, setDraft, replyRef, noteRef, onInsert, onBlurSelection, onSent, onNoted, answer }: ReplyBoxProps) {
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
        <ReplyForm appealId={appealId} draft={draft} setDraft={setDraft} inputRef={replyRef} onBlurSelection={onBlurSelection} onSent={onSent} answer={answer} />
      ) : (
        <NoteForm appealId={appealId} inputRef={noteRef} onNoted={onNoted} />
      )}
    </section>
  );
}

function ReplyForm({
  appealId,
  draft,
  setDraft,
  inputRef,
  onBlurSelection,
  onSent,
  answer,
}: Pick<ReplyBoxProps, 'appealId' | 'draft' | 'setDraft' | 'onBlurSelection' | 'onSent' | 'answer'> & { inputRef: RefObject<HTMLTextAreaElement | null> }) {
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

/** 内部备注: for colleagues and supervisors, never sent to the citizen. */
function NoteForm({ appealId, inputRef, onNoted }: { appealId: string; inputRef: RefObject<HTMLTextAreaElement | null>; onNoted(note: NoteView): void }) {
  const { t } = useTranslation();
  const inputId = useId();
  const hintId = useId();
  const [draft, setDraft] = useDraft(appealId, 'note');
  const { busy: saving, error, submit: save } = useDraftSubmit(draft, setDraft, async (text) => onNoted(await staffApi.addNote(appealId, text)));

  return (
    <form className="reply-box note-box" id="composer-panel-note" role="tabpanel" aria-labelledby="composer-tab-note" onSubmit={save}>
      <label htmlFor={inputId} className="visually-hidden">
        {t('console.notes.label')}
      </label>
      <DraftTextarea id={inputId} hintId={hintId} inputRef={inputRef} draft={draft} setDraft={setDraft} placeholder={t('console.notes.placeholder')} onSubmit={() => void save()} />
      <div className="reply-actions">
        <span id={hintId} className="field-hint note-hint">
          <strong>{t('console.notes.private')}</strong> · {t('console.notes.hint')}
        </span>
        <button type="submit" className="button button-note" disabled={saving || !draft.trim()}>
          {saving ? t('console.notes.saving') : t('console.notes.add')}
        </button>
      </div>
      <ErrorAlert error={error} />
    </form>
  );
}

/**
 * 常用语: a menu of ready answers. Opening it loads them (once per console); choosing one puts it
 * into the reply at the cursor. Arrow keys move, Escape closes and returns to the button.
 */
function CannedMenu({ onInsert }: { onInsert(text: string): void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const canned = useCannedReplies(open);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const menuId = useId();

  useEffect(() => {
    if (!open) return;
    const first = listRef.current?.querySelector<HTMLButtonElement>('button');
    first?.focus();
    function outside(event: MouseEvent) {
      const target = event.target as Node;
      if (!listRef.current?.parentElement?.contains(target)) setOpen(false);
    }
    document.addEventListener('mousedown', outside);
    return () => document.removeEventListener('mousedown', outside);
  }, [open, canned.data]);

  function close() {
    setOpen(false);
    buttonRef.current?.focus();
  }

  function handleKeys(event: KeyboardEvent<HTMLElement>) {
    const items = [...(listRef.current?.querySelectorAll<HTMLButtonElement>('button[role="menuitem"]') ?? [])];
    const index = items.indexOf(document.activeElement as HTMLButtonElement);
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close();
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      items[(index + step + items.length) % items.length]?.focus();
    }
  }

  return (
    <div className="canned" onKeyDown={open ? handleKeys : undefined}>
      <button ref={buttonRef} type="button" className="button button-small" aria-haspopup="menu" aria-expanded={open} aria-controls={open ? menuId : undefined} onClick={() => setOpen((o) => !o)}>
        {t('console.canned.open')} ▾
      </button>
      {open && (
        <div className="canned-popover">
          {canned.error ? (
            <ErrorAlert error={canned.error} title={t('console.canned.failed')} onRetry={canned.retry} />
          ) : !canned.data ? (
            <p className="muted canned-state">{t('common.loading')}</p>
          ) : canned.data.length === 0 ? (
            <p className="muted canned-state">{t('console.canned.empty')}</p>
          ) : (
            <ul id={menuId} ref={listRef} role="menu" aria-label={t('console.canned.open')} className="canned-list">
              {canned.data.map((reply) => (
                <li key={reply.id} role="none">
                  <button
                    type="button"
                    role="menuitem"
                    data-testid="canned-reply"
                    onClick={() => {
                      onInsert(reply.text);
                      setOpen(false);
                    }}
                  >
                    <span className="canned-title">{reply.title}</span>
                    <span className="canned-text">{reply.text}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}

/** Sends the trimmed draft once at a time; clears it when it went through, keeps it and shows why when not. */
function useDraftSubmit(draft: string, setDraft: (text: string) => void, deliver: (text: string) => Promise<void>) {
  const { busy, error, run } = useAsyncAction();

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    const text = draft.trim();
    if (!text || busy) return;
    await run(async () => {
      await deliver(text);
      setDraft('');
    });
  }

  return { busy, error, submit };
}

interface DraftTextareaProps {
  id: string;
  hintId: string;
  inputRef: RefObject<HTMLTextAreaElement | null>;
  draft: string;
  setDraft(text: string): void;
  placeholder: string;
  onSubmit(): void;
  onBlur?: (event: FocusEvent<HTMLTextAreaElement>) => void;
}

/** A composer's text box: Ctrl/⌘+Enter submits, at most 4,000 characters like the API allows. */
function DraftTextarea({ id, hintId, inputRef, draft, setDraft, placeholder, onSubmit, onBlur }: DraftTextareaProps) {
  return (
    <textarea
      id={id}
      ref={inputRef}
      rows={3}
      maxLength={4000}
      value={draft}
      placeholder={placeholder}
      aria-describedby={hintId}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={onBlur}
      onKeyDown={(event) => {
        if (isSendKey(event)) {
          event.preventDefault();
          onSubmit();
        }
      }}
    />
  );
}
