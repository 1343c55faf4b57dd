import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../shared/components/ErrorAlert.tsx';
import { randomId } from '../shared/format.ts';
import { citizenApi } from './api.ts';
import { PhotoPicker } from './PhotoPicker.tsx';
import { type PickedPlace, TerritoryMap } from './TerritoryMap.tsx';
import { useTerritory } from './useTerritory.ts';

export const MAX_TEXT_LENGTH = 4000;

/**
 * The appeal form (诉求). One `clientSubmissionId` per fill of the form: a double click or a retry
 * after a lost response files the appeal once, and the server answers with the same case number.
 */
export function AppealForm({ onSubmitted }: { onSubmitted(caseNumber: string): void }) {
  const { t } = useTranslation();
  const { territory, error: territoryError } = useTerritory();
  const [clientSubmissionId] = useState(randomId);
  const [text, setText] = useState('');
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [address, setAddress] = useState('');
  const [place, setPlace] = useState<PickedPlace | null>(null);
  const [photos, setPhotos] = useState<File[]>([]);
  const [submitting, setSubmitting] = useState(false);
  const [textProblem, setTextProblem] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const ids = { text: useId(), textHint: useId(), counter: useId(), name: useId(), phone: useId(), phoneHint: useId(), address: useId() };

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (submitting) return;
    if (!text.trim()) {
      setTextProblem(t('citizen.form.textRequired'));
      return;
    }
    setTextProblem(null);
    setError(null);
    setSubmitting(true);
    try {
      const { caseNumber } = await citizenApi.submitAppeal({ text, name, phone, address, point: place?.point ?? null, clientSubmissionId }, photos);
      onSubmitted(caseNumber);
    } catch (e) {
      setError(e);
      setSubmitting(false);
    }
  }

  return (
    <form className="card appeal-form" onSubmit={handleSubmit} aria-busy={submitting}>
      <h2 id="appeal-heading">{t('citizen.form.heading')}</h2>
      <p className="muted">{t('citizen.form.intro')}</p>

      <div className="field">
        <label htmlFor={ids.text}>
          {t('citizen.form.text')} <span className="required">{t('common.required')}</span>
        </label>
        <textarea
          id={ids.text}
          value={text}
          rows={5}
          maxLength={MAX_TEXT_LENGTH}
          required
          aria-invalid={textProblem ? true : undefined}
          aria-describedby={`${ids.textHint} ${ids.counter}`}
          onChange={(e) => setText(e.target.value)}
        />
        <div className="field-footer">
          <span id={ids.textHint} className="field-hint">
            {t('citizen.form.textHint')}
          </span>
          <span id={ids.counter} className={text.length > MAX_TEXT_LENGTH * 0.9 ? 'counter is-near-limit' : 'counter'}>
            {t('citizen.form.counter', { count: text.length, max: MAX_TEXT_LENGTH })}
          </span>
        </div>
        {textProblem && (
          <p className="field-error" role="alert">
            {textProblem}
          </p>
        )}
      </div>

      <div className="field-row">
        <div className="field">
          <label htmlFor={ids.name}>
            {t('citizen.form.name')} <span className="optional">{t('common.optional')}</span>
          </label>
          <input id={ids.name} value={name} maxLength={100} autoComplete="name" onChange={(e) => setName(e.target.value)} />
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
            onChange={(e) => setPhone(e.target.value)}
          />
          <p id={ids.phoneHint} className="field-hint">
            {t('citizen.form.phoneHint')}
          </p>
        </div>
      </div>

      <div className="field">
        <label htmlFor={ids.address}>
          {t('citizen.form.address')} <span className="optional">{t('common.optional')}</span>
        </label>
        <input
          id={ids.address}
          value={address}
          maxLength={300}
          autoComplete="street-address"
          placeholder={t('citizen.form.addressPlaceholder')}
          onChange={(e) => setAddress(e.target.value)}
        />
      </div>

      <fieldset className="field">
        <legend>
          {t('citizen.map.label')} <span className="optional">{t('common.optional')}</span>
        </legend>
        {territory ? (
          <TerritoryMap territory={territory} value={place} onChange={setPlace} />
        ) : territoryError ? (
          <ErrorAlert error={territoryError} title={t('citizen.map.loadFailed')} />
        ) : (
          <p className="muted">{t('common.loading')}</p>
        )}
      </fieldset>

      <PhotoPicker photos={photos} onChange={setPhotos} disabled={submitting} />

      <ErrorAlert error={error} />

      <div className="form-actions">
        <button type="submit" className="button button-primary button-large" disabled={submitting}>
          {submitting && <span className="spinner" aria-hidden="true" />}
          {submitting ? t('citizen.form.submitting') : t('citizen.form.submit')}
        </button>
      </div>
    </form>
  );
}
