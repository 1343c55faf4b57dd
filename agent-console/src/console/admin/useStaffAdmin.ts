import { useState } from 'react';
import type { AccountView } from '@hotline/backend/api-types';
import { useApiResource } from '../common/useApiResource.ts';
import { useAsyncAction } from '../common/useAsyncAction.ts';
import { type IssuedPassword, type StaffForm, adminApi } from './admin-api.ts';

/** What the staff dialog is open for: a new account, or an existing one. */
export type StaffEditing = { mode: 'create' } | { mode: 'edit'; account: AccountView } | null;

/**
 * 账号管理: the accounts, and every action on them. A password the server issued (a new account, a
 * reset, an import) is kept only until the admin closes its notice: it is never shown again.
 */
export function useStaffAdmin(onAnnounce: (message: string) => void) {
  const accounts = useApiResource('accounts', (signal) => adminApi.accounts(signal).then((r) => r.items));
  const action = useAsyncAction();
  const [editing, setEditing] = useState<StaffEditing>(null);
  const [importing, setImporting] = useState(false);
  const [issued, setIssued] = useState<IssuedPassword[] | null>(null);

  const replaceAccount = (account: AccountView) => accounts.replace((items) => items.map((a) => (a.id === account.id ? account : a)));

  async function save(form: StaffForm & { username: string }) {
    await action.run(async () => {
      if (editing?.mode === 'edit') {
        replaceAccount(await adminApi.updateAccount(editing.account.id, form));
        onAnnounce(form.displayName);
      } else {
        const created = await adminApi.createAccount(form);
        setIssued([created]);
        accounts.refetch();
      }
      setEditing(null);
    });
  }

  async function importCsv(csv: string) {
    await action.run(async () => {
      const { items } = await adminApi.importAccounts(csv);
      setIssued(items);
      setImporting(false);
      accounts.refetch();
    });
  }

  /** Reset, end sessions, disable, enable: each reloads the list (open sessions, state) when done. */
  async function act(account: AccountView, kind: 'reset' | 'endSessions' | 'disable' | 'enable') {
    await action.run(async () => {
      if (kind === 'reset') setIssued([{ username: account.username, password: (await adminApi.resetPassword(account.id)).password }]);
      else if (kind === 'endSessions') await adminApi.endSessions(account.id);
      else await adminApi.setDisabled(account.id, kind === 'disable');
      accounts.refetch();
    });
  }

  function openDialog(next: StaffEditing) {
    action.clearError();
    setEditing(next);
  }

  function openImport(open: boolean) {
    action.clearError();
    setImporting(open);
  }

  return { accounts, action, editing, openDialog, save, importing, openImport, importCsv, act, issued, closeIssued: () => setIssued(null) };
}
