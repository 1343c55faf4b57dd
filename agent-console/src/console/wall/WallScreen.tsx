import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { formatTime } from '../../shared/format.ts';
import { useNow } from '../../shared/hooks.ts';
import { PRESENCE_STATUSES, type WallCharts, type WallSnapshot } from '../contract.ts';
import type { TransferTarget } from '../decision/TransferDialog.tsx';
import type { ConsoleScreen } from '../shell/route.ts';
import { AgentTable } from './AgentTable.tsx';
import { CategoryMix } from './CategoryMix.tsx';
import { ChannelTile } from './ChannelTile.tsx';
import { GridHeatMap } from './GridHeatMap.tsx';
import { HotWords } from './HotWords.tsx';
import { IntakeChart } from './IntakeChart.tsx';
import { useHeldAppeals } from './useHeldAppeals.ts';
import { useWall, useWallCharts } from './useWall.ts';
import { Warnings } from './Warnings.tsx';

interface WallScreenProps {
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
export function WallScreen({ push, connections, onOpenAppeal, onOpenScreen, onTransfer }: WallScreenProps) {
  const { t, i18n } = useTranslation();
  const wall = useWall(push, connections);
  const snapshot = wall.snapshot;
  // New intake or decisions move the counts: then the charts are worth refetching.
  const countsKey = snapshot ? snapshot.channels.map((c) => `${c.waiting}/${c.inProgress}/${c.answeredToday}`).join('|') : null;
  const charts = useWallCharts(connections, countsKey);
  const held = useHeldAppeals(snapshot?.generatedAt ?? null);
  // Waits tick every second between snapshots.
  const now = useNow(1_000);

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
            onChanged={wall.refetch}
            onOpenAppeal={onOpenAppeal}
            onTransfer={onTransfer}
          />
          <Warnings warnings={snapshot.warnings} onOpenAppeal={onOpenAppeal} />
          <ChartCards charts={charts} onOpenHot={() => onOpenScreen('hot')} />
        </div>
      )}
    </main>
  );
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

type ChartsState = ReturnType<typeof useWallCharts>;

/** Today's intake by hour, the category mix with the hot words, and the grid heat map. */
function ChartCards({ charts, onOpenHot }: { charts: ChartsState; onOpenHot(): void }) {
  const { t } = useTranslation();
  return (
    <>
      <ChartCard name="intake" heading={t('console.wall.charts.intake')} charts={charts} chart={(c) => <IntakeChart rows={c.intakeByHour} />} />
      <ChartCard name="categories" heading={t('console.wall.charts.categories')} charts={charts} chart={(c) => <CategoryMix rows={c.categoryMix} />}>
        <HotWords onOpen={onOpenHot} />
      </ChartCard>
      <ChartCard name="heat" heading={t('console.wall.charts.heat')} charts={charts} chart={(c) => <GridHeatMap rows={c.gridHeat} />} />
    </>
  );
}

const CHART_HEADING_IDS = { intake: 'intake-heading', categories: 'category-heading', heat: 'heat-heading' } as const;

interface ChartCardProps {
  name: keyof typeof CHART_HEADING_IDS;
  heading: string;
  charts: ChartsState;
  chart(charts: WallCharts): ReactNode;
  children?: ReactNode;
}

/** One chart's card: the chart once the charts load, or loading, or why they did not. */
function ChartCard({ name, heading, charts, chart, children }: ChartCardProps) {
  const { t } = useTranslation();
  const headingId = CHART_HEADING_IDS[name];
  return (
    <section className={`card wall-card wall-${name}`} aria-labelledby={headingId}>
      <h3 id={headingId}>{heading}</h3>
      {charts.charts ? (
        chart(charts.charts)
      ) : charts.error ? (
        <ErrorAlert error={charts.error} title={t('console.wall.charts.failed')} onRetry={charts.refetch} />
      ) : (
        <p className="muted">{t('common.loading')}</p>
      )}
      {children}
    </section>
  );
}
