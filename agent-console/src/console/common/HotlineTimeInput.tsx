import { useTranslation } from 'react-i18next';
import { formatDateTime, zoneName } from '../../shared/format.ts';
import { fromZoneInput } from '../../shared/hotline-zone.ts';

interface HotlineTimeInputProps {
  id: string;
  value: string;
  invalid: boolean;
  autoFocus?: boolean;
  testId?: string;
  onChange(value: string): void;
}

/**
 * A date and time typed on the hotline's clock (`YYYY-MM-DD HH:mm`), not the browser's: a
 * datetime-local input shows the browser's locale and zone ("12/05/2026, 02:38 AM"). Beside it, the
 * value as the console writes dates, with the zone's name (北京时间).
 */
export function HotlineTimeInput({ id, value, invalid, autoFocus, testId, onChange }: HotlineTimeInputProps) {
  const { t, i18n } = useTranslation();
  const instant = fromZoneInput(value);
  return (
    <>
      <input
        id={id}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        placeholder="2026-12-05 18:00"
        value={value}
        autoFocus={autoFocus}
        aria-invalid={invalid}
        aria-describedby={`${id}-zone`}
        data-testid={testId}
        onChange={(e) => onChange(e.target.value)}
      />
      <span id={`${id}-zone`} className="field-hint" data-testid="time-zone-preview">
        {instant
          ? t('time.preview', { zone: zoneName(t, i18n.language), time: formatDateTime(instant, i18n.language) })
          : `${zoneName(t, i18n.language)} · ${t('time.inputHint')}`}
      </span>
    </>
  );
}
