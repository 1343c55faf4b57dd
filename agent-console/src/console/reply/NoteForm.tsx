import { type RefObject, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { staffApi } from '../api.ts';
import type { NoteView } from '../contract.ts';
import { DraftTextarea, useDraftSubmit } from './DraftTextarea.tsx';
import { useDraft } from './useDraft.ts';

/** 内部备注: for colleagues and supervisors, never sent to the citizen. */
export function NoteForm({
  appealId,
  inputRef,
  onNoted,
}: {
  appealId: string;
  inputRef: RefObject<HTMLTextAreaElement | null>;
  onNoted(note: NoteView): void;
}) {
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
      <DraftTextarea
        id={inputId}
        hintId={hintId}
        inputRef={inputRef}
        draft={draft}
        setDraft={setDraft}
        placeholder={t('console.notes.placeholder')}
        onSubmit={() => void save()}
      />
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
