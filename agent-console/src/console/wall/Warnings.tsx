import { useTranslation } from 'react-i18next';
import { followLink } from '../common/links.tsx';
import type { WallWarning } from '../contract.ts';
import { pathFor } from '../shell/route.ts';

/** 预警: 待受理预警, emergencies, SLA breaches; each linked to its appeal when it has one. */
export function Warnings({ warnings, onOpenAppeal }: { warnings: WallWarning[]; onOpenAppeal(id: string): void }) {
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
            <li
              key={`${warning.kind}:${warning.appealId ?? index}`}
              className={`warning warning-${warning.severity}`}
              data-testid="warning"
              data-kind={warning.kind}
            >
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
