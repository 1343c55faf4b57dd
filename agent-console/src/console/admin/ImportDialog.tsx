import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { Modal } from '../../shared/components/Modal.tsx';
import { DialogActions } from '../common/dialog.tsx';

/** The header row the import reads; lists inside a cell are separated by `;`. */
export const STAFF_CSV_TEMPLATE = `username,displayName,role,departmentCode,chatCapacity,callCapacity,channels,languages,platforms
wang.fang,王芳,agent,,4,1,sms;web;wechat,zh,
li.ming,李明,handler,urban,,,,,
`;

interface ImportDialogProps {
  open: boolean;
  busy: boolean;
  error: unknown;
  onImport(csv: string): void;
  onClose(): void;
}

/** 批量导入: a CSV file (or pasted text); every row is created or, on any bad row, none. */
export function ImportDialog({ open, busy, error, onImport, onClose }: ImportDialogProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const fileId = useId();
  const textId = useId();
  const [csv, setCsv] = useState('');

  async function readFile(file: File | undefined) {
    if (file) setCsv(await file.text());
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    onImport(csv);
  }

  return (
    <Modal open={open} onClose={onClose} labelledBy={headingId} className="admin-dialog">
      <form onSubmit={submit} className="admin-form">
        <h2 id={headingId}>{t('admin.import.heading')}</h2>
        <p className="muted">{t('admin.import.intro')}</p>
        <pre className="admin-template">{STAFF_CSV_TEMPLATE}</pre>
        <div className="field">
          <label htmlFor={fileId}>{t('admin.import.file')}</label>
          <input id={fileId} type="file" accept=".csv,text/csv" onChange={(e) => void readFile(e.target.files?.[0])} />
        </div>
        <div className="field">
          <label htmlFor={textId}>{t('admin.import.text')}</label>
          <textarea id={textId} rows={8} value={csv} required className="mono" onChange={(e) => setCsv(e.target.value)} />
        </div>
        <ErrorAlert error={error} title={t('admin.import.failed')} />
        <DialogActions onCancel={onClose}>
          <button type="submit" className="button button-primary" disabled={busy || !csv.trim()}>
            {busy ? t('admin.saving') : t('admin.import.submit')}
          </button>
        </DialogActions>
      </form>
    </Modal>
  );
}
