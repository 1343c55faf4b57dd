import { useTranslation } from 'react-i18next';
import type { SessionUser } from '@hotline/backend/api-types';
import { HotlineLogo } from '../../shared/components/HotlineLogo.tsx';
import { LanguageSwitch } from '../../shared/components/LanguageSwitch.tsx';
import { followLink } from '../common/links.tsx';
import { PresenceSwitch } from '../presence/PresenceSwitch.tsx';
import { type ConsoleScreen, pathFor } from './route.ts';
import type { Presence } from '../presence/usePresence.ts';
import type { LiveState } from './useStaffSocket.ts';

export interface ConsoleHeaderProps {
  user: SessionUser;
  live: LiveState;
  presence: Presence;
  screen: ConsoleScreen;
  /** Screens this user may open besides the workbench; the nav shows only when there is one. */
  screens: ConsoleScreen[];
  onScreen(screen: ConsoleScreen): void;
  onHelp(): void;
  onLogout(): void;
}

export function ConsoleHeader({ user, live, presence, screen, screens, onScreen, onHelp, onLogout }: ConsoleHeaderProps) {
  const { t } = useTranslation();
  return (
    <header className="site-header console-header">
      <div className="brand">
        <HotlineLogo />
        <h1>{t('console.title')}</h1>
      </div>
      {screens.length > 1 && <ScreenNav screen={screen} screens={screens} onScreen={onScreen} />}
      <div className="header-tools">
        <PresenceSwitch presence={presence} />
        <span
          className={`connection connection-${live === 'live' ? 'connected' : 'offline'}`}
          role="status"
          data-testid="live-state"
          data-state={live}
          title={t(`console.header.liveState.${live}`)}
        >
          {t(`console.header.liveShort.${live}`)}
        </span>
        <button type="button" className="button button-small button-quiet" aria-keyshortcuts="?" onClick={onHelp}>
          {t('console.header.shortcuts')} <kbd aria-hidden="true">?</kbd>
        </button>
        <span className="user" data-testid="current-user" title={t('console.header.user', { name: user.displayName, role: t(`console.role.${user.role}`) })}>
          {user.displayName}
          <span className="visually-hidden"> · {t(`console.role.${user.role}`)}</span>
        </span>
        <LanguageSwitch />
        <button type="button" className="button button-small" onClick={onLogout}>
          {t('console.header.logout')}
        </button>
      </div>
    </header>
  );
}

/** 值班大屏 | 受理工作台 | 热点分析: real links, so a middle-click opens the other screen in a new tab. */
function ScreenNav({ screen, screens, onScreen }: { screen: ConsoleScreen; screens: ConsoleScreen[]; onScreen(screen: ConsoleScreen): void }) {
  const { t } = useTranslation();
  return (
    <nav className="screen-nav" aria-label={t('console.nav.label')}>
      {screens.map((target) => (
        <a
          key={target}
          href={pathFor({ screen: target, appealId: null })}
          aria-current={target === screen ? 'page' : undefined}
          onClick={(event) => followLink(event, () => onScreen(target))}
        >
          {t(`console.nav.${target}`)}
        </a>
      ))}
    </nav>
  );
}
