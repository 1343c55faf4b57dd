import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Modal } from '../../shared/components/Modal.tsx';
import type { IssuedPassword } from './admin-api.ts';

/**
 * The passwords the server just issued, shown this once: the admin hands them over, and each user
 * must choose their own at their first login.
 */
export function IssuedPasswords({ issued, onClose }: { issued: IssuedPassword[] | null; onClose(): void }) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <Modal open={issued !== null} onClose={onClose} labelledBy={headingId} className="admin-dialog">
      <h2 id={headingId}>{t('admin.issued.heading')}</h2>
      <p className="alert alert-warning">{t('admin.issued.once')}</p>
      <table className="data-table" data-testid="issued-passwords">
        <thead>
          <tr>
            <th scope="col">{t('admin.staff.username')}</th>
            <th scope="col">{t('admin.issued.password')}</th>
          </tr>
        </thead>
        <tbody>
          {issued?.map((i) => (
            <tr key={i.username}>
              <td className="mono">{i.username}</td>
              <td className="mono" data-testid="issued-password">
                {i.password}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="dialog-actions">
        <button type="button" className="button button-primary" autoFocus onClick={onClose}>
          {t('admin.issued.done')}
        </button>
      </div>
    </Modal>
  );
}
