import { useTranslation } from 'react-i18next';
import { URGENCIES, type Urgency } from '../api.ts';

/** 一般 / 紧急 / 特急, coloured like the urgency badges. */
export function UrgencySelect({ id, value, onChange }: { id: string; value: Urgency; onChange(urgency: Urgency): void }) {
  const { t } = useTranslation();
  return (
    <select id={id} value={value} className={`urgency-select urgency-select-${value}`} onChange={(e) => onChange(e.target.value as Urgency)}>
      {URGENCIES.map((urgency) => (
        <option key={urgency} value={urgency}>
          {t(`urgency.${urgency}`)}
        </option>
      ))}
    </select>
  );
}
