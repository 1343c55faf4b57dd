import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Urgency } from '../api.ts';
import { UrgencySelect } from '../common/UrgencySelect.tsx';

/** The urgency, with the words that made NLP grade it so (火, 煤气, 被困…). */
export function UrgencyField({ value, evidence, onChange }: { value: Urgency; evidence: string[]; onChange(urgency: Urgency): void }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="nlp-field">
      <label htmlFor={id}>{t('console.nlp.urgency')}</label>
      <UrgencySelect id={id} value={value} onChange={onChange} />
      <p className="evidence-line nlp-field-extra">
        <span className="muted">{t('console.nlp.urgencyEvidence')}</span>
        {evidence.length ? (
          evidence.map((word) => (
            <span key={word} className="word-chip word-chip-alarm">
              {word}
            </span>
          ))
        ) : (
          <span className="muted">{t('console.nlp.noUrgencyEvidence')}</span>
        )}
      </p>
    </div>
  );
}
