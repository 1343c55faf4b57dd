import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** A dialog's heading: what it does, and to which case. */
export function CaseHeading({ id, title, caseNumber }: { id: string; title: string; caseNumber: string }) {
  return (
    <h2 id={id}>
      {title} · <span className="mono">{caseNumber}</span>
    </h2>
  );
}

/** A dialog's buttons: an optional hint, 取消, then the dialog's own confirm button. */
export function DialogActions({ hint, onCancel, children }: { hint?: ReactNode; onCancel(): void; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="dialog-actions">
      {hint}
      <button type="button" className="button" onClick={onCancel}>
        {t('common.cancel')}
      </button>
      {children}
    </div>
  );
}
