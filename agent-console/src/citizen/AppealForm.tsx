import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../shared/components/ErrorAlert.tsx';
import { randomId } from '../shared/format.ts';
import { AddressField, AppealText, ContactFields, PlaceField } from './AppealFields.tsx';
import { citizenApi } from './api.ts';
import { PhotoPicker } from './PhotoPicker.tsx';
import type { PickedPlace } from './TerritoryMap.tsx';

/**
 * The appeal form (诉求). One `clientSubmissionId` per fill of the form: a double click or a retry
 * after a lost response files the appeal once, and the server answers with the same case number.
 */
export function AppealForm({ onSubmitted }: { onSubmitted(caseNumber: string): void }) {
  const { t } = useTranslation();
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
      <AppealText value={text} onChange={setText} problem={textProblem} />
      <ContactFields name={name} onName={setName} phone={phone} onPhone={setPhone} />
      <AddressField value={address} onChange={setAddress} />
      <PlaceField value={place} onChange={setPlace} />
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
