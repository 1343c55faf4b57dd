import { useTranslation } from 'react-i18next';
import type { SessionUser } from '@hotline/backend/api-types';
import { staffApi } from '../api.ts';
import { useApiResource } from '../common/useApiResource.ts';
import type { TransferTarget } from './TransferDialog.tsx';

const canTakeOver = (role: SessionUser['role']) => role === 'supervisor' || role === 'admin';

/** Whom 转派 offers, each with their status and load, so the agent picks someone free. */
export function useTransferTargets(appeal: TransferTarget, user: SessionUser) {
  const { t } = useTranslation();
  const agents = useApiResource('agents', (signal) => staffApi.agents(signal).then((r) => r.agents));
  // Agents and supervisors, not whoever holds it now; oneself only to take over (an admin, not on
  // the roster, takes over all the same).
  const options = (agents.value ?? [])
    .filter((a) => a.id !== appeal.assignee?.id && (a.id !== user.id || canTakeOver(user.role)))
    .map((a) => ({
      id: a.id,
      label:
        a.id === user.id
          ? t('console.transfer.myself', { name: a.displayName })
          : t('console.transfer.option', {
              name: a.displayName,
              role: t(`console.role.${a.role}`),
              status: t(`console.presence.status.${a.status}`),
              chats: a.load.chats,
              chatCap: a.capacity.chats,
            }),
    }));
  if (agents.value && canTakeOver(user.role) && appeal.assignee?.id !== user.id && !options.some((o) => o.id === user.id)) {
    options.unshift({ id: user.id, label: t('console.transfer.myself', { name: user.displayName }) });
  }
  return { loaded: agents.value !== null, options, error: agents.error, retry: agents.refetch };
}

export type TransferTargets = ReturnType<typeof useTransferTargets>;
