import { type ChangeEvent, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

export const MAX_PHOTOS = 4;
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;

interface PhotoPickerProps {
  photos: File[];
  onChange(photos: File[]): void;
  disabled?: boolean;
}

/**
 * Up to four images of at most 10 MB. Checked here so the citizen learns at once which file
 * is wrong; the server checks again and answers 413/415 if something slips through.
 */
export function PhotoPicker({ photos, onChange, disabled }: PhotoPickerProps) {
  const { t } = useTranslation();
  const inputId = useId();
  const hintId = useId();
  const [problems, setProblems] = useState<string[]>([]);

  function handleFiles(event: ChangeEvent<HTMLInputElement>) {
    const chosen = Array.from(event.target.files ?? []);
    // Reset, so choosing the same file again after removing it fires a change.
    event.target.value = '';
    const found: string[] = [];
    const accepted = [...photos];
    for (const file of chosen) {
      if (!file.type.startsWith('image/')) found.push(t('citizen.photos.notImage', { name: file.name }));
      else if (file.size > MAX_PHOTO_BYTES) found.push(t('citizen.photos.tooLarge', { name: file.name }));
      else if (accepted.length >= MAX_PHOTOS) {
        if (!found.includes(t('citizen.photos.tooMany'))) found.push(t('citizen.photos.tooMany'));
      } else accepted.push(file);
    }
    setProblems(found);
    onChange(accepted);
  }

  return (
    <fieldset className="field photo-picker">
      <legend>
        {t('citizen.form.photos')} <span className="optional">{t('common.optional')}</span>
      </legend>
      {/* The native control is hidden but still focusable; its label is the visible, translated button. */}
      <input
        id={inputId}
        className="visually-hidden file-input"
        type="file"
        accept="image/*"
        multiple
        disabled={disabled || photos.length >= MAX_PHOTOS}
        aria-describedby={hintId}
        onChange={handleFiles}
      />
      <div className="photo-picker-row">
        <label
          htmlFor={inputId}
          className={disabled || photos.length >= MAX_PHOTOS ? 'button button-small file-button is-disabled' : 'button button-small file-button'}
        >
          {t('citizen.photos.choose')}
        </label>
        <p id={hintId} className="field-hint">
          {t('citizen.form.photosHint')} {photos.length > 0 && t('citizen.photos.count', { count: photos.length })}
        </p>
      </div>
      {problems.length > 0 && (
        <ul className="field-error" role="alert">
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}
      {photos.length > 0 && (
        <ul className="photo-list">
          {photos.map((photo, index) => (
            <li key={`${photo.name}-${photo.size}-${photo.lastModified}`}>
              <PhotoThumb file={photo} />
              <button
                type="button"
                className="button button-small button-quiet"
                disabled={disabled}
                aria-label={t('citizen.photos.remove', { name: photo.name })}
                onClick={() => onChange(photos.filter((_, i) => i !== index))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}

/** A local preview; the object URL is released when the thumbnail goes away. */
function PhotoThumb({ file }: { file: File }) {
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    const objectUrl = URL.createObjectURL(file);
    setUrl(objectUrl);
    return () => URL.revokeObjectURL(objectUrl);
  }, [file]);
  return url ? <img src={url} alt={file.name} /> : null;
}
