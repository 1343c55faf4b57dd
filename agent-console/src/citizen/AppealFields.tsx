import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../shared/components/ErrorAlert.tsx';
import { type PickedPlace, TerritoryMap } from './TerritoryMap.tsx';
import { useTerritory } from './useTerritory.ts';

/* The appeal form's fields: each owns its ids, labels and hints; the form owns the values. */

const MAX_TEXT_LENGTH = 4000;

/** What happened, with a counter that warns near the limit. */
export function AppealText({ value, onChange, problem }: { value: string; onChange(text: string): void; problem: string | null }) {
  const { t } = useTranslation();
  const ids = { text: useId(), hint: useId(), counter: useId() };
  return (
    <div className="field">
      <label htmlFor={ids.text}>
        {t('citizen.form.text')} <span className="required">{t('common.required')}</span>
      </label>
      <textarea
        id={ids.text}
        value={value}
        rows={5}
        maxLength={MAX_TEXT_LENGTH}
        required
        aria-invalid={problem ? true : undefined}
        aria-describedby={`${ids.hint} ${ids.counter}`}
        onChange={(e) => onChange(e.target.value)}
      />
      <div className="field-footer">
        <span id={ids.hint} className="field-hint">
          {t('citizen.form.textHint')}
        </span>
        <span id={ids.counter} className={value.length > MAX_TEXT_LENGTH * 0.9 ? 'counter is-near-limit' : 'counter'}>
          {t('citizen.form.counter', { count: value.length, max: MAX_TEXT_LENGTH })}
        </span>
      </div>
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}

interface ContactFieldsProps {
  name: string;
  onName(name: string): void;
  phone: string;
  onPhone(phone: string): void;
}

/** Name and phone, both optional: an appeal may be anonymous. */
export function ContactFields({ name, onName, phone, onPhone }: ContactFieldsProps) {
  const { t } = useTranslation();
  const ids = { name: useId(), phone: useId(), phoneHint: useId() };
  return (
    <div className="field-row">
      <div className="field">
        <label htmlFor={ids.name}>
          {t('citizen.form.name')} <span className="optional">{t('common.optional')}</span>
        </label>
        <input id={ids.name} value={name} maxLength={100} autoComplete="name" onChange={(e) => onName(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={ids.phone}>
          {t('citizen.form.phone')} <span className="optional">{t('common.optional')}</span>
        </label>
        <input
          id={ids.phone}
          type="tel"
          value={phone}
          inputMode="tel"
          autoComplete="tel"
          maxLength={20}
          pattern="\+?[0-9][0-9 \-]{4,19}"
          aria-describedby={ids.phoneHint}
          onChange={(e) => onPhone(e.target.value)}
        />
        <p id={ids.phoneHint} className="field-hint">
          {t('citizen.form.phoneHint')}
        </p>
      </div>
    </div>
  );
}

export function AddressField({ value, onChange }: { value: string; onChange(address: string): void }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>
        {t('citizen.form.address')} <span className="optional">{t('common.optional')}</span>
      </label>
      <input
        id={id}
        value={value}
        maxLength={300}
        autoComplete="street-address"
        placeholder={t('citizen.form.addressPlaceholder')}
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  );
}

/** The place on the district map, once the map has loaded. */
export function PlaceField({ value, onChange }: { value: PickedPlace | null; onChange(place: PickedPlace | null): void }) {
  const { t } = useTranslation();
  const { territory, error } = useTerritory();
  return (
    <fieldset className="field">
      <legend>
        {t('citizen.map.label')} <span className="optional">{t('common.optional')}</span>
      </legend>
      {territory ? (
        <TerritoryMap territory={territory} value={value} onChange={onChange} />
      ) : error ? (
        <ErrorAlert error={error} title={t('citizen.map.loadFailed')} />
      ) : (
        <p className="muted">{t('common.loading')}</p>
      )}
    </fieldset>
  );
}
