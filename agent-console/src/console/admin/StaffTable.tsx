import { useTranslation } from 'react-i18next';
import type { AccountView } from '@hotline/backend/api-types';
import { useDepartmentName } from '../common/useReference.ts';

interface StaffTableProps {
  accounts: AccountView[];
  me: string;
  busy: boolean;
  onEdit(account: AccountView): void;
  onAct(account: AccountView, kind: 'reset' | 'endSessions' | 'disable' | 'enable'): void;
}

/** One row per account: who, role and department, capacities, sessions, state, and what an admin can do. */
export function StaffTable({ accounts, me, busy, onEdit, onAct }: StaffTableProps) {
  const { t } = useTranslation();
  const departmentName = useDepartmentName();
  return (
    <div className="table-scroll">
      <table className="data-table admin-table" data-testid="staff-table">
        <thead>
          <tr>
            <th scope="col">{t('admin.staff.username')}</th>
            <th scope="col">{t('admin.staff.displayName')}</th>
            <th scope="col">{t('admin.staff.role')}</th>
            <th scope="col">{t('admin.staff.department')}</th>
            <th scope="col" className="num">
              {t('admin.staff.capacity')}
            </th>
            <th scope="col" className="num">
              {t('admin.staff.sessions')}
            </th>
            <th scope="col">{t('admin.staff.state')}</th>
            <th scope="col">{t('admin.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {accounts.map((account) => (
            <tr key={account.id} data-testid="staff-row" data-username={account.username}>
              <td className="mono">{account.username}</td>
              <td>{account.displayName}</td>
              <td>{t(`console.role.${account.role}`)}</td>
              <td>{account.departmentCode ? departmentName(account.departmentCode) : '—'}</td>
              <td className="num">
                {t('admin.staff.capacityValue', {
                  chats: account.chatCapacity ?? t('admin.staff.default'),
                  calls: account.callCapacity ?? t('admin.staff.default'),
                })}
              </td>
              <td className="num">{account.openSessions}</td>
              <td>
                <AccountState account={account} />
              </td>
              <td className="admin-actions">
                <button type="button" className="button button-small button-quiet" disabled={busy} onClick={() => onEdit(account)}>
                  {t('admin.staff.edit')}
                </button>
                <button type="button" className="button button-small button-quiet" disabled={busy} onClick={() => onAct(account, 'reset')}>
                  {t('admin.staff.resetPassword')}
                </button>
                <button
                  type="button"
                  className="button button-small button-quiet"
                  disabled={busy || account.openSessions === 0}
                  onClick={() => onAct(account, 'endSessions')}
                >
                  {t('admin.staff.endSessions')}
                </button>
                {account.disabledAt ? (
                  <button type="button" className="button button-small" disabled={busy} onClick={() => onAct(account, 'enable')}>
                    {t('admin.staff.enable')}
                  </button>
                ) : (
                  <button type="button" className="button button-small" disabled={busy || account.id === me} onClick={() => onAct(account, 'disable')}>
                    {t('admin.staff.disable')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function AccountState({ account }: { account: AccountView }) {
  const { t } = useTranslation();
  if (account.disabledAt) return <span className="badge admin-state-off">{t('admin.staff.disabled')}</span>;
  if (account.mustChangePassword) return <span className="badge admin-state-pending">{t('admin.staff.mustChange')}</span>;
  return <span className="badge admin-state-on">{t('admin.staff.active')}</span>;
}
