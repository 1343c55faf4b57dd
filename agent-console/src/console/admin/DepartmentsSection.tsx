import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminDepartmentView } from '@hotline/backend/api-types';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { useApiResource } from '../common/useApiResource.ts';
import { useAsyncAction } from '../common/useAsyncAction.ts';
import { type DepartmentForm, adminApi } from './admin-api.ts';

const EMPTY = { code: '', name: '', nameEn: '', kind: 'department' as const, streetCode: '' };
type Draft = Omit<DepartmentForm, 'streetCode'> & { code: string; streetCode: string };

/** 部门管理: add, edit, retire (撤销) and restore departments and street sub-centers, with their handlers counted. */
export function DepartmentsSection() {
  const { t } = useTranslation();
  const list = useApiResource('departments', (signal) => adminApi.departments(signal).then((r) => r.items));
  const action = useAsyncAction();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [editing, setEditing] = useState<string | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    const form = { name: draft.name.trim(), nameEn: draft.nameEn.trim(), kind: draft.kind, streetCode: draft.streetCode.trim() || null };
    void action.run(async () => {
      await (editing ? adminApi.updateDepartment(editing, form) : adminApi.createDepartment({ ...form, code: draft.code.trim() }));
      setDraft(EMPTY);
      setEditing(null);
      list.refetch();
    });
  }

  const edit = (d: AdminDepartmentView) => {
    setEditing(d.code);
    setDraft({ code: d.code, name: d.name, nameEn: d.nameEn, kind: d.kind, streetCode: d.streetCode ?? '' });
  };
  const setRetired = (d: AdminDepartmentView) =>
    void action.run(async () => {
      await adminApi.updateDepartment(d.code, { retired: !d.retired });
      list.refetch();
    });

  return (
    <section aria-labelledby="admin-departments-heading" data-testid="admin-departments">
      <div className="hot-toolbar">
        <h3 id="admin-departments-heading">{t('admin.sections.departments')}</h3>
      </div>
      <form className="card admin-settings-form admin-filters" onSubmit={submit} data-testid="department-form">
        <div className="field">
          <label htmlFor="department-code">{t('admin.departments.code')}</label>
          <input id="department-code" value={draft.code} required disabled={editing !== null} onChange={(e) => setDraft({ ...draft, code: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor="department-name">{t('admin.departments.name')}</label>
          <input id="department-name" value={draft.name} required onChange={(e) => setDraft({ ...draft, name: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor="department-nameEn">{t('admin.departments.nameEn')}</label>
          <input id="department-nameEn" value={draft.nameEn} required onChange={(e) => setDraft({ ...draft, nameEn: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor="department-kind">{t('admin.departments.kind')}</label>
          <select id="department-kind" value={draft.kind} onChange={(e) => setDraft({ ...draft, kind: e.target.value as Draft['kind'] })}>
            <option value="department">{t('admin.departments.kinds.department')}</option>
            <option value="sub_center">{t('admin.departments.kinds.sub_center')}</option>
          </select>
        </div>
        {draft.kind === 'sub_center' && (
          <div className="field">
            <label htmlFor="department-street">{t('admin.departments.street')}</label>
            <input id="department-street" value={draft.streetCode} required onChange={(e) => setDraft({ ...draft, streetCode: e.target.value })} />
          </div>
        )}
        <div className="admin-filter-buttons">
          <button type="submit" className="button button-primary button-small" disabled={action.busy}>
            {editing ? t('admin.save') : t('admin.departments.add')}
          </button>
          {editing && (
            <button
              type="button"
              className="button button-small button-quiet"
              onClick={() => {
                setEditing(null);
                setDraft(EMPTY);
              }}
            >
              {t('common.cancel')}
            </button>
          )}
        </div>
      </form>
      <ErrorAlert error={action.error} />
      {list.error ? (
        <ErrorAlert error={list.error} onRetry={list.refetch} />
      ) : !list.value ? (
        <p className="muted">{t('common.loading')}</p>
      ) : (
        <DepartmentTable items={list.value} busy={action.busy} onEdit={edit} onRetire={setRetired} />
      )}
    </section>
  );
}

interface TableProps {
  items: AdminDepartmentView[];
  busy: boolean;
  onEdit(d: AdminDepartmentView): void;
  onRetire(d: AdminDepartmentView): void;
}

function DepartmentTable({ items, busy, onEdit, onRetire }: TableProps) {
  const { t } = useTranslation();
  return (
    <div className="table-scroll">
      <table className="data-table admin-table" data-testid="department-table">
        <thead>
          <tr>
            <th scope="col">{t('admin.departments.code')}</th>
            <th scope="col">{t('admin.departments.name')}</th>
            <th scope="col">{t('admin.departments.kind')}</th>
            <th scope="col">{t('admin.departments.street')}</th>
            <th scope="col" className="num">
              {t('admin.departments.handlers')}
            </th>
            <th scope="col">{t('admin.staff.state')}</th>
            <th scope="col">{t('admin.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((d) => (
            <tr key={d.code} data-testid="department-row" data-code={d.code}>
              <td className="mono">{d.code}</td>
              <td>
                {d.name} <span className="muted">{d.nameEn}</span>
              </td>
              <td>{t(`admin.departments.kinds.${d.kind}`)}</td>
              <td className="mono">{d.streetCode ?? '—'}</td>
              <td className="num">{d.handlers}</td>
              <td>
                <span className={`badge ${d.retired ? 'admin-state-off' : 'admin-state-on'}`}>
                  {d.retired ? t('admin.departments.retired') : t('admin.staff.active')}
                </span>
              </td>
              <td className="admin-actions">
                <button type="button" className="button button-small button-quiet" disabled={busy} onClick={() => onEdit(d)}>
                  {t('admin.staff.edit')}
                </button>
                <button type="button" className="button button-small" disabled={busy} onClick={() => onRetire(d)}>
                  {d.retired ? t('admin.departments.restore') : t('admin.departments.retire')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
