import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../shared/format.ts';
import type { ConsoleAppeal } from '../contract.ts';
import { gridPathText } from './PlacePanel.tsx';

/** When it came, where it is, who sent it and on which identities, who holds it, and why it was not accepted. */
export function AppealFacts({ appeal }: { appeal: ConsoleAppeal }) {
  const { t, i18n } = useTranslation();
  const none = <span className="muted">{t('common.notAvailable')}</span>;
  return (
    <dl className="facts facts-grid">
      <div>
        <dt>{t('console.appeal.createdAt')}</dt>
        <dd>{formatDateTime(appeal.createdAt, i18n.language)}</dd>
      </div>
      <div>
        <dt>{t('console.appeal.grid')}</dt>
        <dd data-testid="grid-path">{appeal.gridPath.length ? gridPathText(appeal, i18n.language) : none}</dd>
      </div>
      <div>
        <dt>{t('console.appeal.address')}</dt>
        <dd>{appeal.address ?? none}</dd>
      </div>
      <div>
        <dt>{t('console.appeal.contact')}</dt>
        <dd>{appeal.contact.name ?? <span className="muted">{t('console.appeal.anonymous')}</span>}</dd>
      </div>
      <div>
        <dt>{t('console.appeal.identities')}</dt>
        <dd>
          {appeal.contact.identities.length
            ? appeal.contact.identities.map((identity) => (
                <span key={`${identity.kind}:${identity.value}`} className="identity">
                  {t(`console.appeal.identity.${identity.kind}`)}
                  {/* A web session id is a hash: meaningless to read, so only the phone and openid are shown. */}
                  {identity.kind !== 'web_session' && <span className="mono"> {identity.value}</span>}
                </span>
              ))
            : none}
        </dd>
      </div>
      <div>
        <dt>{t('console.appeal.assignee')}</dt>
        <dd>{appeal.assignee?.displayName ?? <span className="muted">{t('console.queue.unassigned')}</span>}</dd>
      </div>
      {appeal.rejectReason && (
        <div className="fact-wide">
          <dt>{t('console.appeal.reason')}</dt>
          <dd data-testid="appeal-reject-reason">{appeal.rejectReason}</dd>
        </div>
      )}
    </dl>
  );
}
