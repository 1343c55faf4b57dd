import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { TerritorySvg } from '../../citizen/TerritorySvg.tsx';
import { type TerritoryCollection, centreOf, gridsOf, pathOf, projectionFor } from '../../citizen/territory.ts';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { StatusBadge } from '../../shared/components/StatusBadge.tsx';
import { formatDateTime } from '../../shared/format.ts';
import { ChannelLabel } from '../common/badges.tsx';
import type { ConsoleAppeal } from '../contract.ts';
import { AppealLink } from '../common/links.tsx';
import { useConsoleTerritory } from '../common/useReference.ts';
import { CitizenGlance, ratingWord } from '../records/CitizenGlance.tsx';
import { goTo } from '../shell/route.ts';

/** 区 › 街道 › 社区 › 网格, in the reader's language. */
export const gridPathText = (appeal: Pick<ConsoleAppeal, 'gridPath'>, language: string) =>
  appeal.gridPath.map((unit) => (language === 'en' ? unit.nameEn : unit.name)).join(' › ');

/**
 * Where the matter is: the district's grid map with the appeal's grid filled and a marker on its
 * point (or the grid's centre when only an address placed it). Read-only: NLP and the agent's
 * accept dialog decide the grid.
 */
export function AppealMap({ appeal }: { appeal: ConsoleAppeal }) {
  const { t, i18n } = useTranslation();
  const { territory, error, retry } = useConsoleTerritory();
  const projection = useMemo(() => (territory ? projectionFor(territory) : null), [territory]);
  const grid = territory && appeal.gridCode ? gridsOf(territory).find((g) => g.properties.code === appeal.gridCode) : undefined;
  const point =
    appeal.latitude !== null && appeal.longitude !== null ? { latitude: appeal.latitude, longitude: appeal.longitude } : grid ? centreOf(grid) : null;
  const place = gridPathText(appeal, i18n.language);

  return (
    <section className="side-section appeal-map" aria-labelledby="appeal-map-heading" data-testid="appeal-map" data-grid-code={appeal.gridCode ?? ''}>
      <div className="side-heading">
        <h3 id="appeal-map-heading">{t('console.place.heading')}</h3>
      </div>
      <p className="side-note">{place || <span className="muted">{unitOnly(appeal, territory, i18n.language, t) ?? t('console.place.noGrid')}</span>}</p>
      {appeal.address && <p className="side-note muted">{t('console.place.address', { address: appeal.address })}</p>}
      {error ? (
        <ErrorAlert error={error} title={t('console.place.mapFailed')} onRetry={retry} />
      ) : !territory || !projection ? (
        <p className="muted side-note">{t('common.loading')}</p>
      ) : (
        <div className="mini-map">
          <TerritorySvg
            territory={territory}
            projection={projection}
            gridClass={(g) => (g.properties.code === appeal.gridCode ? 'map-grid is-picked' : 'map-grid')}
            marker={point}
            communityLabels={false}
            ariaLabel={appeal.gridCode ? t('console.place.mapLabel', { place }) : t('console.place.mapLabelNone')}
          />
        </div>
      )}
      {point && (
        <p className="side-note muted coordinates">
          {appeal.latitude !== null
            ? t('console.place.point', { longitude: point.longitude.toFixed(5), latitude: point.latitude.toFixed(5) })
            : t('console.place.gridCentre')}
        </p>
      )}
    </section>
  );
}

/** The community or street the text named when NLP placed no point: the agent knows where to look on the map. */
function unitOnly(
  appeal: ConsoleAppeal,
  territory: TerritoryCollection | null | undefined,
  language: string,
  t: (key: 'console.place.unitOnly', options: { place: string }) => string,
): string | null {
  const code = appeal.classification?.location.unitCode;
  const unit = code && territory?.features.find((f) => f.properties.code === code);
  if (!unit || !territory) return null;
  const names = (unit.properties.level === 'district' ? [unit] : pathOf(territory, unit)).map((u) =>
    language === 'en' ? u.properties.nameEn || u.properties.name : u.properties.name,
  );
  return t('console.place.unitOnly', { place: names.join(' › ') });
}

/** The citizen's latest rating among their other appeals (newest first), as a word. */
const lastRating = (others: ConsoleAppeal['contactHistory']) => {
  const rated = (others ?? []).find((item) => item.satisfaction !== null);
  return rated ? ratingWord(rated.satisfaction!) : null;
};

/** 来电/来信记录: the same person's other appeals, on any channel (one phone that texts and calls is one contact). */
export function ContactHistory({ appeal, onOpenAppeal }: { appeal: ConsoleAppeal; onOpenAppeal(id: string): void }) {
  const { t, i18n } = useTranslation();
  const history = appeal.contactHistory;
  const others = (history ?? []).filter((item) => item.id !== appeal.id);
  return (
    <section className="side-section contact-history" aria-labelledby="history-heading" data-testid="contact-history">
      <div className="side-heading">
        <h3 id="history-heading">{t('console.history.heading')}</h3>
        {history && others.length > 0 && <span className="muted">{t('console.history.count', { count: others.length })}</span>}
      </div>
      {history && (
        <p className="side-note">
          <CitizenGlance count={others.length + 1} lastRating={lastRating(others)} />{' '}
          <button
            type="button"
            className="link-button"
            onClick={() => goTo({ screen: 'records', appealId: null, citizenId: appeal.contact.id })}
            data-testid="open-citizen"
          >
            {t('citizenArchive.open')}
          </button>
        </p>
      )}
      {!history ? (
        <p className="muted side-note">{t('console.history.unavailable')}</p>
      ) : others.length === 0 ? (
        <p className="empty-state side-note">{t('console.history.empty')}</p>
      ) : (
        <ol className="history-list">
          {others.map((item) => (
            <li key={item.id} data-testid="history-item">
              <div className="history-top">
                <AppealLink id={item.id} caseNumber={item.caseNumber} onOpen={() => onOpenAppeal(item.id)} />
                <StatusBadge status={item.status} />
                <ChannelLabel channel={item.channel} />
              </div>
              <p className="history-summary" title={item.summary}>
                {item.summary}
              </p>
              <time className="muted history-time" dateTime={item.createdAt}>
                {formatDateTime(item.createdAt, i18n.language)}
              </time>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
