import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppealSummary } from '@hotline/backend/api-types';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { staffApi } from '../api.ts';
import { followLink } from '../common/links.tsx';
import type { PresenceStatus, WallAgent } from '../contract.ts';
import type { TransferTarget } from '../decision/TransferDialog.tsx';
import { PresenceOptions } from '../presence/PresenceSwitch.tsx';
import { pathFor } from '../shell/route.ts';
import { formatWait } from './wall-format.ts';

const HELD_SHOWN = 3;

interface AgentTableProps {
  agents: WallAgent[];
  held: ReadonlyMap<string, AppealSummary[]> | null;
  heldError: unknown;
  onChanged(): void;
  onOpenAppeal(id: string): void;
  onTransfer(target: TransferTarget): void;
}

/** 坐席状态: presence (changeable), load, today's output, and the appeals each holds with 改派 / 接管. */
export function AgentTable({ agents, held, ...row }: AgentTableProps) {
  const { t } = useTranslation();
  return (
    <section className="card wall-card wall-agents" aria-labelledby="agents-heading">
      <h3 id="agents-heading">{t('console.wall.agents')}</h3>
      {agents.length === 0 ? (
        <p className="empty-state">{t('console.wall.noAgents')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table agent-table" data-testid="agent-table">
            <thead>
              <tr>
                <th scope="col">{t('console.wall.agent')}</th>
                <th scope="col">{t('console.wall.status')}</th>
                <th scope="col">{t('console.wall.load')}</th>
                <th scope="col" className="num">
                  {t('console.wall.handledToday')}
                </th>
                <th scope="col" className="num">
                  {t('console.wall.aht')}
                </th>
                <th scope="col">{t('console.wall.holding')}</th>
              </tr>
            </thead>
            <tbody>
              {agents.map((agent) => (
                <AgentRow key={agent.id} agent={agent} held={held ? (held.get(agent.id) ?? []) : null} {...row} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

type AgentRowProps = Omit<AgentTableProps, 'agents' | 'held'> & { agent: WallAgent; held: AppealSummary[] | null };

function AgentRow({ agent, held, heldError, onChanged, onOpenAppeal, onTransfer }: AgentRowProps) {
  const { t } = useTranslation();
  const online = agent.online ? t('console.wall.online') : t('console.wall.notOnline');
  return (
    <tr data-testid="agent-row" data-agent={agent.displayName} data-status={agent.status}>
      <th scope="row">
        <span className={agent.online ? 'online-dot is-online' : 'online-dot'} title={online} />
        <span className="visually-hidden">{online}</span>
        {agent.displayName}
      </th>
      <td>
        <AgentPresence agent={agent} onChanged={onChanged} />
      </td>
      <td className="nowrap">{t('console.wall.loadValue', { chats: agent.load.chats, calls: agent.load.calls })}</td>
      <td className="num">{agent.handledToday}</td>
      <td className="num mono">{agent.averageHandlingSeconds === null ? '—' : formatWait(agent.averageHandlingSeconds)}</td>
      <td>
        <HeldAppeals held={held} heldError={heldError} onOpenAppeal={onOpenAppeal} onTransfer={onTransfer} />
      </td>
    </tr>
  );
}

/** A supervisor sets an agent's presence (say, 离开 for someone who walked off); the wall refetches to show it. */
function AgentPresence({ agent, onChanged }: { agent: WallAgent; onChanged(): void }) {
  const { t } = useTranslation();
  const [saving, setSaving] = useState<PresenceStatus | null>(null);
  const [error, setError] = useState<unknown>(null);
  const status = saving ?? agent.status;

  async function change(next: PresenceStatus) {
    setSaving(next);
    setError(null);
    try {
      await staffApi.setAgentPresence(agent.id, next);
      onChanged();
    } catch (e) {
      setError(e);
    } finally {
      setSaving(null);
    }
  }

  return (
    <>
      <span className={`presence presence-${status}`}>
        <span className="presence-dot" aria-hidden="true" />
        <select
          aria-label={t('console.wall.statusOf', { name: agent.displayName })}
          value={status}
          disabled={saving !== null}
          onChange={(e) => void change(e.target.value as PresenceStatus)}
        >
          <PresenceOptions />
        </select>
      </span>
      {error ? <ErrorAlert error={error} /> : null}
    </>
  );
}

type HeldAppealsProps = Pick<AgentTableProps, 'heldError' | 'onOpenAppeal' | 'onTransfer'> & { held: AppealSummary[] | null };

/** The first few appeals the agent holds, each with 改派; the count of the rest. */
function HeldAppeals({ held, heldError, onOpenAppeal, onTransfer }: HeldAppealsProps) {
  const { t } = useTranslation();
  if (held === null) return heldError ? <span className="muted">{t('console.wall.heldFailed')}</span> : <span className="muted">…</span>;
  if (held.length === 0) return <span className="muted">{t('common.notAvailable')}</span>;
  const shown = held.slice(0, HELD_SHOWN);
  const more = held.length - shown.length;
  return (
    <ul className="held-list">
      {shown.map((appeal) => (
        <li key={appeal.id}>
          <a
            className="mono case-link"
            href={pathFor({ screen: 'workbench', appealId: appeal.id })}
            onClick={(e) => followLink(e, () => onOpenAppeal(appeal.id))}
          >
            {appeal.caseNumber}
          </a>
          <button
            type="button"
            className="button button-small"
            data-testid="reassign"
            aria-label={t('console.wall.reassignCase', { caseNumber: appeal.caseNumber })}
            onClick={() => onTransfer({ id: appeal.id, caseNumber: appeal.caseNumber, assignee: appeal.assignee })}
          >
            {t('console.wall.reassign')}
          </button>
        </li>
      ))}
      {more > 0 && <li className="muted">{t('console.wall.moreHeld', { count: more })}</li>}
    </ul>
  );
}
