import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { ImportDialog } from './ImportDialog.tsx';
import { IssuedPasswords } from './IssuedPasswords.tsx';
import { StaffDialog } from './StaffDialog.tsx';
import { StaffTable } from './StaffTable.tsx';
import { useStaffAdmin } from './useStaffAdmin.ts';

/** 账号管理: create, edit, reset, end sessions, disable and enable staff accounts; import many from CSV. */
export function StaffSection({ me, onAnnounce }: { me: string; onAnnounce(message: string): void }) {
  const { t } = useTranslation();
  const staff = useStaffAdmin(onAnnounce);
  const dialogOpen = staff.editing !== null || staff.importing;
  return (
    <section aria-labelledby="admin-staff-heading" data-testid="admin-staff">
      <div className="hot-toolbar">
        <h3 id="admin-staff-heading">{t('admin.sections.staff')}</h3>
        <button type="button" className="button button-primary button-small" onClick={() => staff.openDialog({ mode: 'create' })}>
          {t('admin.staff.create')}
        </button>
        <button type="button" className="button button-small" onClick={() => staff.openImport(true)}>
          {t('admin.import.open')}
        </button>
      </div>
      {!dialogOpen && <ErrorAlert error={staff.action.error} />}
      {staff.accounts.error ? (
        <ErrorAlert error={staff.accounts.error} onRetry={staff.accounts.refetch} />
      ) : !staff.accounts.value ? (
        <p className="muted">{t('common.loading')}</p>
      ) : (
        <StaffTable
          accounts={staff.accounts.value}
          me={me}
          busy={staff.action.busy}
          onEdit={(account) => staff.openDialog({ mode: 'edit', account })}
          onAct={(account, kind) => void staff.act(account, kind)}
        />
      )}
      <StaffDialog
        editing={staff.editing}
        busy={staff.action.busy}
        error={staff.action.error}
        onSave={(form) => void staff.save(form)}
        onClose={() => staff.openDialog(null)}
      />
      <ImportDialog
        open={staff.importing}
        busy={staff.action.busy}
        error={staff.action.error}
        onImport={(csv) => void staff.importCsv(csv)}
        onClose={() => staff.openImport(false)}
      />
      <IssuedPasswords issued={staff.issued} onClose={staff.closeIssued} />
    </section>
  );
}
