import { useTranslation } from 'react-i18next';
import { followLink } from '../common/links.tsx';
import { ADMIN_SECTIONS, type AdminSection, pathFor } from '../shell/route.ts';
import { AuditSection } from './AuditSection.tsx';
import { DepartmentsSection } from './DepartmentsSection.tsx';
import { SettingsSection } from './SettingsSection.tsx';
import { StaffSection } from './StaffSection.tsx';
import './admin.css';

interface AdminScreenProps {
  section: AdminSection;
  me: string;
  onSection(section: AdminSection): void;
  onAnnounce(message: string): void;
}

/** 系统管理: how a city sets up and runs its hotline, one section at a time (admins only). */
export function AdminScreen({ section, me, onSection, onAnnounce }: AdminScreenProps) {
  const { t } = useTranslation();
  return (
    <main className="admin-screen" aria-labelledby="admin-heading" data-testid="admin-screen">
      <div className="hot-toolbar">
        <h2 id="admin-heading">{t('admin.heading')}</h2>
        <nav className="segmented" aria-label={t('admin.sectionsLabel')}>
          {ADMIN_SECTIONS.map((s) => (
            <a
              key={s}
              href={pathFor({ screen: 'admin', appealId: null, adminSection: s })}
              aria-current={s === section ? 'page' : undefined}
              onClick={(event) => followLink(event, () => onSection(s))}
            >
              {t(`admin.sections.${s}`)}
            </a>
          ))}
        </nav>
      </div>
      {section === 'staff' ? (
        <StaffSection me={me} onAnnounce={onAnnounce} />
      ) : section === 'departments' ? (
        <DepartmentsSection />
      ) : section === 'settings' ? (
        <SettingsSection onAnnounce={onAnnounce} />
      ) : (
        <AuditSection />
      )}
    </main>
  );
}
