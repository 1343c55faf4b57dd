import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppealSummary, SessionUser } from '@hotline/backend/api-types';
import { ErrorAlert } from '../shared/components/ErrorAlert.tsx';
import { formatTime } from '../shared/format.ts';
import { useNow } from '../shared/hooks.ts';
import { staffApi } from './api.ts';
import { ChannelLabel } from './common/badges.tsx';
import { followLink } from './common/links.tsx';
import { PresenceOptions } from './presence/PresenceSwitch.tsx';
import { PRESENCE_STATUSES, type PresenceStatus, type WallAgent, type WallChannel, type WallSnapshot, type WallWarning } from './contract.ts';
import { pathFor, type ConsoleScreen } from './shell/route.ts';
import type { TransferTarget } from './decision/TransferDialog.tsx';
import { useHotReport } from './useHotReport.ts';
import { useHeldAppeals, useWall, useWallCharts } from './useWall.ts';
import { CategoryMix, GridHeatMap, IntakeChart } from './WallCharts.tsx';
import { type Tone, abandonTone, formatShare, formatWait, longestWaitNow, serviceLevelTone, waitTone } from './wall-format.ts';

interface WallScreenProps {
  user: SessionUser;
  push: WallSnapshot | null;
  /** Bumped on every socket (re)connect: pushes missed while offline are made up by a refetch. */
  connections: number;
  onOpenAppeal(id: string): void;
  onOpenScreen(screen: ConsoleScreen): void;
  onTransfer(target: TransferTarget): void;
}

/**
 * 值班大屏: what the supervisor watches — per channel who waits and how long, what is in hand and
 * answered in time, abandoned calls; the agents and their load; warnings that link to their
 * appeals; today's intake, categories, hot words and grid heat.
 */
export function WallScreen({ user, push, connections, onOpenAppeal, onOpenScreen, onTransfer }: WallScreenProps) {
  const { t, i18n } = useTranslation();
  const wall = useWall(push, connections);
  // New intake or decisions move the counts: then the charts are worth refetching.
  const countsKey = wall.snapshot ? wall.snapshot.channels.map((c) => `${c.waiting}/${c.inProgress}/${c.answeredToday}`).join('|') : null;
  const charts = useWallCharts(connections, countsKey);
  const held = useHeldAppeals(wall.snapshot?.generatedAt ?? null);
  // Waits tick every second between snapshots.
  const now = useNow(1_000);
  const snapshot = wall.snapshot;

  return (
    <main className="wall-screen" aria-labelledby="wall-heading" aria-busy={!snapshot} data-testid="wall-screen">
      <div className="wall-toolbar">
        <h2 id="wall-heading">{t('console.wall.heading')}</h2>
        {snapshot && (
          <span className="muted" data-testid="wall-updated">
            {t('console.wall.updatedAt', { time: formatTime(snapshot.generatedAt, i18n.language) })}
          </span>
        )}
        {snapshot && <AgentCounts counts={snapshot.agents} />}
        <button type="button" className="button button-small wall-refresh" onClick={wall.refetch}>
          {t('console.hot.refresh')}
        </button>
      </div>
      {wall.error && !snapshot ? (
        <div className="wall-state">
          <ErrorAlert error={wall.error} title={t('console.wall.failed')} onRetry={wall.refetch} />
        </div>
      ) : !snapshot ? (
        <p className="wall-state muted">{t('common.loading')}</p>
      ) : (
        <div className="wall-grid">
          {wall.error ? (
            <div className="wall-stale">
              <ErrorAlert error={wall.error} title={t('console.wall.stale')} onRetry={wall.refetch} />
            </div>
          ) : null}
          <section className="wall-tiles" aria-label={t('console.wall.channels')}>
            {snapshot.channels.map((channel) => (
              <ChannelTile key={channel.channel} channel={channel} snapshot={snapshot} now={now} />
            ))}
          </section>
          <AgentTable
            agents={snapshot.perAgent}
            held={held.byAgent}
            heldError={held.error}
            user={user}
            onChanged={wall.refetch}
            onOpenAppeal={onOpenAppeal}
            onTransfer={onTransfer}
          />
          <Warnings warnings={snapshot.warnings} onOpenAppeal={onOpenAppeal} />
          <section className="card wall-card wall-intake" aria-labelledby="intake-heading">
            <h3 id="intake-heading">{t('console.wall.charts.intake')}</h3>
            <ChartBody error={charts.error} loaded={charts.charts !== null} onRetry={charts.refetch}>
              {charts.charts && <IntakeChart rows={charts.charts.intakeByHour} />}
            </ChartBody>
          </section>
          <section className="card wall-card wall-categories" aria-labelledby="category-heading">
            <h3 id="category-heading">{t('console.wall.charts.categories')}</h3>
            <ChartBody error={charts.error} loaded={charts.charts !== null} onRetry={charts.refetch}>
              {charts.charts && <CategoryMix rows={charts.charts.categoryMix} />}
            </ChartBody>
            <HotWords onOpen={() => onOpenScreen('hot')} />
          </section>
          <section className="card wall-card wall-heat" aria-labelledby="heat-heading">
            <h3 id="heat-heading">{t('console.wall.charts.heat')}</h3>
            <ChartBody error={charts.error} loaded={charts.charts !== null} onRetry={charts.refetch}>
              {charts.charts && <GridHeatMap rows={charts.charts.gridHeat} />}
            </ChartBody>
          </section>
        </div>
      )}
    </main>
  );
}

function ChartBody({ error, loaded, onRetry, children }: { error: unknown; loaded: boolean; onRetry(): void; children: ReactNode }) {
  const { t } = useTranslation();
  if (error && !loaded) return <ErrorAlert error={error} title={t('console.wall.charts.failed')} onRetry={onRetry} />;
  if (!loaded) return <p className="muted">{t('common.loading')}</p>;
  return <>{children}</>;
}

/** 在线 3 · 忙碌 1 · 离开 0 · 离线 2 */
function AgentCounts({ counts }: { counts: WallSnapshot['agents'] }) {
  const { t } = useTranslation();
  return (
    <ul className="agent-counts" aria-label={t('console.wall.agentsLabel')} data-testid="agent-counts">
      {PRESENCE_STATUSES.map((status) => (
        <li key={status} className={`presence-${status}`} data-status={status} data-count={counts[status]}>
          <span className="presence-dot" aria-hidden="true" />
          {t(`console.presence.status.${status}`)} <strong>{counts[status]}</strong>
        </li>
      ))}
    </ul>
  );
}

/** One channel: who waits now and the longest wait (ticking), what is in hand, the service level, abandoned calls. */
function ChannelTile({ channel, snapshot, now }: { channel: WallChannel; snapshot: WallSnapshot; now: number }) {
  const { t } = useTranslation();
  const longest = longestWaitNow(channel, snapshot.generatedAt, now);
  const target = snapshot.serviceLevelTargetSeconds;
  return (
    <article
      className="card wall-tile"
      aria-label={t(`channel.${channel.channel}`)}
      data-testid={`wall-tile-${channel.channel}`}
      data-waiting={channel.waiting}
      data-in-progress={channel.inProgress}
      data-answered={channel.answeredToday}
    >
      <header className="tile-head">
        <ChannelLabel channel={channel.channel} />
      </header>
      <div className="tile-main">
        <div className={`tile-big tone-${quiet(channel.waiting > 0 ? waitTone(longest, target) : 'none')}`}>
          <span className="tile-value" data-testid="tile-waiting">
            {channel.waiting}
          </span>
          <span className="tile-label">{t('console.wall.waiting')}</span>
        </div>
        <div className={`tile-big tone-${quiet(waitTone(longest, target))}`}>
          <span className="tile-value mono" data-testid="tile-longest">
            {channel.waiting > 0 ? formatWait(longest) : '—'}
          </span>
          <span className="tile-label">{t('console.wall.longestWait')}</span>
        </div>
      </div>
      <dl className="tile-facts">
        <div>
          <dt>{t('console.wall.inProgress')}</dt>
          <dd data-testid="tile-in-progress">{channel.inProgress}</dd>
        </div>
        <div>
          <dt>{t('console.wall.answeredToday')}</dt>
          <dd data-testid="tile-answered">{channel.answeredToday}</dd>
        </div>
        <div title={t('console.wall.serviceLevelHint', { seconds: target, within: channel.answeredWithinTarget, answered: channel.answeredToday })}>
          <dt>{t('console.wall.serviceLevel', { seconds: target })}</dt>
          <dd className={`tone-${serviceLevelTone(channel.serviceLevel)}`} data-testid="tile-service-level">
            {formatShare(channel.serviceLevel)}
          </dd>
        </div>
        {channel.channel === 'voice' && (
          <div title={t('console.wall.abandonedHint', { count: channel.abandonedCalls, queued: channel.enqueuedCalls })}>
            <dt>{t('console.wall.abandoned')}</dt>
            <dd className={`tone-${abandonTone(channel.abandonRate)}`} data-testid="tile-abandoned">
              {t('console.wall.abandonedValue', { count: channel.abandonedCalls, rate: formatShare(channel.abandonRate) })}
            </dd>
          </div>
        )}
      </dl>
    </article>
  );
}

/** A wait within target is normal: only amber and red draw the eye. */
const quiet = (tone: Tone): Tone => (tone === 'good' ? 'none' : tone);

const HELD_SHOWN = 3;

interface AgentTableProps {
  agents: WallAgent[];
  held: ReadonlyMap<string, AppealSummary[]> | null;
  heldError: unknown;
  user: SessionUser;
  onChanged(): void;
  onOpenAppeal(id: string): void;
  onTransfer(target: TransferTarget): void;
}

/** 坐席状态: presence (changeable), load, today's output, and the appeals each holds with 改派 / 接管. */
function AgentTable({ agents, held, heldError, user, onChanged, onOpenAppeal, onTransfer }: AgentTableProps) {
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
                <AgentRow key={agent.id} agent={agent} held={held ? (held.get(agent.id) ?? []) : null} heldError={heldError} user={user} onChanged={onChanged} onOpenAppeal={onOpenAppeal} onTransfer={onTransfer} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function AgentRow({ agent, held, heldError, onChanged, onOpenAppeal, onTransfer }: Omit<AgentTableProps, 'agents' | 'held'> & { agent: WallAgent; held: AppealSummary[] | null }) {
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

  const shown = (held ?? []).slice(0, HELD_SHOWN);
  const more = (held?.length ?? 0) - shown.length;
  return (
    <tr data-testid="agent-row" data-agent={agent.displayName} data-status={agent.status}>
      <th scope="row">
        <span className={agent.online ? 'online-dot is-online' : 'online-dot'} title={agent.online ? t('console.wall.online') : t('console.wall.notOnline')} />
        <span className="visually-hidden">{agent.online ? t('console.wall.online') : t('console.wall.notOnline')}</span>
        {agent.displayName}
      </th>
      <td>
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
      </td>
      <td className="nowrap">{t('console.wall.loadValue', { chats: agent.load.chats, calls: agent.load.calls })}</td>
      <td className="num">{agent.handledToday}</td>
      <td className="num mono">{agent.averageHandlingSeconds === null ? '—' : formatWait(agent.averageHandlingSeconds)}</td>
      <td>
        {held === null ? (
          heldError ? <span className="muted">{t('console.wall.heldFailed')}</span> : <span className="muted">…</span>
        ) : held.length === 0 ? (
          <span className="muted">{t('common.notAvailable')}</span>
        ) : (
          <ul className="held-list">
            {shown.map((appeal) => (
              <li key={appeal.id}>
                <a className="mono case-link" href={pathFor({ screen: 'workbench', appealId: appeal.id })} onClick={(e) => followLink(e, () => onOpenAppeal(appeal.id))}>
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
        )}
      </td>
    </tr>
  );
}

/** 预警: 待受理预警, emergencies, SLA breaches; each linked to its appeal when it has one. */
function Warnings({ warnings, onOpenAppeal }: { warnings: WallWarning[]; onOpenAppeal(id: string): void }) {
  const { t } = useTranslation();
  return (
    <section className="card wall-card wall-warnings" aria-labelledby="warnings-heading">
      <h3 id="warnings-heading">
        {t('console.wall.warnings')}
        {warnings.length > 0 && <span className="badge badge-warning-count">{warnings.length}</span>}
      </h3>
      {warnings.length === 0 ? (
        <p className="empty-state all-clear">{t('console.wall.noWarnings')}</p>
      ) : (
        <ul className="warning-list" data-testid="warnings">
          {warnings.map((warning, index) => (
            <li key={`${warning.kind}:${warning.appealId ?? index}`} className={`warning warning-${warning.severity}`} data-testid="warning" data-kind={warning.kind}>
              <span className="warning-kind">{t(`console.wall.warningKind.${warning.kind}`)}</span>
              <span className="warning-message">{warning.message}</span>
              {warning.appealId && (
                <a
                  className="mono case-link"
                  href={pathFor({ screen: 'workbench', appealId: warning.appealId })}
                  onClick={(e) => followLink(e, () => onOpenAppeal(warning.appealId!))}
                >
                  {warning.caseNumber ?? t('console.wall.openAppeal')}
                </a>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

const HOT_WORDS = 6;

/** Today's top hot words, and the way to 热点分析 for the rest. */
function HotWords({ onOpen }: { onOpen(): void }) {
  const { t } = useTranslation();
  const { report } = useHotReport('day', null);
  const words = report?.terms.slice(0, HOT_WORDS) ?? [];
  return (
    <div className="wall-hot">
      <p className="wall-hot-words">
        <span className="muted">{t('console.wall.hotWords')}</span>
        {words.length === 0 ? <span className="muted">{report ? t('console.hot.empty') : '…'}</span> : words.map((w) => <span key={w.term} className="word-chip">{w.term}</span>)}
      </p>
      <a href={pathFor({ screen: 'hot', appealId: null })} onClick={(e) => followLink(e, onOpen)}>
        {t('console.wall.hotLink')} →
      </a>
    </div>
  );
}
