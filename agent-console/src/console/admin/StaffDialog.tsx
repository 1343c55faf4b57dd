import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountView } from '@hotline/backend/api-types';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { Modal } from '../../shared/components/Modal.tsx';
import { PLATFORMS } from '../api.ts';
import { DialogActions } from '../common/dialog.tsx';
import { departmentName, useCurrentDepartments } from '../common/useReference.ts';
import { ROLES, type Role, SKILL_CHANNELS, type StaffForm } from './admin-api.ts';
import type { StaffEditing } from './useStaffAdmin.ts';

interface StaffDialogProps {
  editing: StaffEditing;
  busy: boolean;
  error: unknown;
  onSave(form: StaffForm & { username: string }): void;
  onClose(): void;
}

/** 新建账号 / 编辑账号: one form for both; the username is set once, at creation. */
export function StaffDialog({ editing, busy, error, onSave, onClose }: StaffDialogProps) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <Modal open={editing !== null} onClose={onClose} labelledBy={headingId} className="admin-dialog">
      {editing && (
        <StaffFormBody
          key={editing.mode === 'edit' ? editing.account.id : 'new'}
          headingId={headingId}
          heading={editing.mode === 'edit' ? t('admin.staff.editHeading', { username: editing.account.username }) : t('admin.staff.createHeading')}
          account={editing.mode === 'edit' ? editing.account : null}
          busy={busy}
          error={error}
          onSave={onSave}
          onClose={onClose}
        />
      )}
    </Modal>
  );
}

const numberOrNull = (value: string) => (value.trim() === '' ? null : Number(value));
const toggle = (list: string[], value: string) => (list.includes(value) ? list.filter((v) => v !== value) : [...list, value]);

interface FormBodyProps extends Omit<StaffDialogProps, 'editing'> {
  headingId: string;
  heading: string;
  account: AccountView | null;
}

function StaffFormBody({ headingId, heading, account, busy, error, onSave, onClose }: FormBodyProps) {
  const { t, i18n } = useTranslation();
  const ids = { username: useId(), name: useId(), role: useId(), department: useId(), chats: useId(), calls: useId(), languages: useId() };
  const departments = useCurrentDepartments();
  const [username, setUsername] = useState(account?.username ?? '');
  const [displayName, setDisplayName] = useState(account?.displayName ?? '');
  const [role, setRole] = useState<Role>(account?.role ?? 'agent');
  const [departmentCode, setDepartmentCode] = useState(account?.departmentCode ?? '');
  const [chats, setChats] = useState(account?.chatCapacity?.toString() ?? '');
  const [calls, setCalls] = useState(account?.callCapacity?.toString() ?? '');
  const [channels, setChannels] = useState<string[]>(account?.skills?.channels ?? []);
  const [platforms, setPlatforms] = useState<string[]>(account?.skills?.platforms ?? []);
  const [languages, setLanguages] = useState(account?.skills?.languages.join(', ') ?? '');

  function submit(event: FormEvent) {
    event.preventDefault();
    const languageList = languages
      .split(/[,\s;，]+/)
      .map((l) => l.trim())
      .filter(Boolean);
    const restricted = channels.length + platforms.length + languageList.length > 0;
    onSave({
      username: username.trim(),
      displayName: displayName.trim(),
      role,
      departmentCode: role === 'handler' ? departmentCode || null : null,
      chatCapacity: numberOrNull(chats),
      callCapacity: numberOrNull(calls),
      skills: restricted ? { channels, platforms, languages: languageList } : null,
    });
  }

  return (
    <form onSubmit={submit} className="admin-form" data-testid="staff-form">
      <h2 id={headingId}>{heading}</h2>
      <div className="field-row">
        <div className="field">
          <label htmlFor={ids.username}>{t('admin.staff.username')}</label>
          <input
            id={ids.username}
            value={username}
            required
            disabled={account !== null}
            autoComplete="off"
            pattern="[a-z0-9][a-z0-9._\-]{1,49}"
            onChange={(e) => setUsername(e.target.value)}
          />
          <span className="field-hint">{t('admin.staff.usernameHint')}</span>
        </div>
        <div className="field">
          <label htmlFor={ids.name}>{t('admin.staff.displayName')}</label>
          <input id={ids.name} value={displayName} required maxLength={100} onChange={(e) => setDisplayName(e.target.value)} />
        </div>
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor={ids.role}>{t('admin.staff.role')}</label>
          <select id={ids.role} value={role} onChange={(e) => setRole(e.target.value as Role)}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`console.role.${r}`)}
              </option>
            ))}
          </select>
        </div>
        {role === 'handler' && (
          <div className="field">
            <label htmlFor={ids.department}>{t('admin.staff.department')}</label>
            <select id={ids.department} value={departmentCode} required onChange={(e) => setDepartmentCode(e.target.value)}>
              <option value="">{t('admin.staff.chooseDepartment')}</option>
              {departments.data?.map((d) => (
                <option key={d.code} value={d.code}>
                  {departmentName(d, i18n.language)}
                </option>
              ))}
            </select>
          </div>
        )}
      </div>
      {role !== 'handler' && (
        <>
          <div className="field-row">
            <div className="field">
              <label htmlFor={ids.chats}>{t('admin.staff.chatCapacity')}</label>
              <input
                id={ids.chats}
                type="number"
                min={0}
                max={50}
                value={chats}
                placeholder={t('admin.staff.default')}
                onChange={(e) => setChats(e.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor={ids.calls}>{t('admin.staff.callCapacity')}</label>
              <input
                id={ids.calls}
                type="number"
                min={0}
                max={10}
                value={calls}
                placeholder={t('admin.staff.default')}
                onChange={(e) => setCalls(e.target.value)}
              />
            </div>
          </div>
          <SkillChecks
            legend={t('admin.staff.channels')}
            values={SKILL_CHANNELS}
            label={(c) => t(`channel.${c}`)}
            chosen={channels}
            onToggle={(c) => setChannels(toggle(channels, c))}
          />
          <SkillChecks
            legend={t('admin.staff.platforms')}
            values={PLATFORMS}
            label={(p) => t(`platform.${p}`)}
            chosen={platforms}
            onToggle={(p) => setPlatforms(toggle(platforms, p))}
          />
          <div className="field">
            <label htmlFor={ids.languages}>{t('admin.staff.languages')}</label>
            <input id={ids.languages} value={languages} placeholder="zh, en" onChange={(e) => setLanguages(e.target.value)} />
            <span className="field-hint">{t('admin.staff.skillsHint')}</span>
          </div>
        </>
      )}
      <ErrorAlert error={error} />
      <DialogActions onCancel={onClose}>
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t('admin.saving') : account ? t('admin.save') : t('admin.staff.create')}
        </button>
      </DialogActions>
    </form>
  );
}

interface SkillChecksProps<T extends string> {
  legend: string;
  values: readonly T[];
  label(value: T): string;
  chosen: string[];
  onToggle(value: T): void;
}

function SkillChecks<T extends string>({ legend, values, label, chosen, onToggle }: SkillChecksProps<T>) {
  return (
    <fieldset className="field admin-checks">
      <legend>{legend}</legend>
      {values.map((value) => (
        <label key={value} className="check">
          <input type="checkbox" checked={chosen.includes(value)} onChange={() => onToggle(value)} /> {label(value)}
        </label>
      ))}
    </fieldset>
  );
}
