import { useTranslation } from 'react-i18next';
import type { DepartmentView } from '../contract.ts';
import { departmentName } from './useReference.ts';

const KINDS: DepartmentView['kind'][] = ['department', 'sub_center'];

/** The options of a lead-department select: a placeholder, then 职能部门 and 镇街联动分中心 as groups. */
export function DepartmentOptions({ departments, placeholder }: { departments: DepartmentView[] | null; placeholder: string }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <option value="">{departments ? placeholder : t('common.loading')}</option>
      {KINDS.map((kind) => (
        <optgroup key={kind} label={t(`console.department.kind.${kind}`)}>
          {(departments ?? [])
            .filter((d) => d.kind === kind)
            .map((d) => (
              <option key={d.code} value={d.code}>
                {departmentName(d, i18n.language)}
              </option>
            ))}
        </optgroup>
      ))}
    </>
  );
}

/** 协办单位: a checkbox per department other than the lead. */
export function CoDepartmentChecks({
  departments,
  lead,
  co,
  onChange,
  testId,
}: {
  departments: DepartmentView[] | null;
  lead: string;
  co: string[];
  onChange(codes: string[]): void;
  testId?: string;
}) {
  const { i18n } = useTranslation();
  return (
    <div className="co-list" data-testid={testId}>
      {(departments ?? [])
        .filter((d) => d.code !== lead)
        .map((d) => (
          <label key={d.code} className="check">
            <input
              type="checkbox"
              checked={co.includes(d.code)}
              onChange={(e) => onChange(e.target.checked ? [...co, d.code] : co.filter((code) => code !== d.code))}
            />
            {departmentName(d, i18n.language)}
          </label>
        ))}
    </div>
  );
}
