import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClassificationView } from '@hotline/backend/api-types';
import { formatPercent, isWeakGuess } from './nlp-format.ts';

type Scored = NonNullable<ClassificationView['type']>;

interface LabelFieldProps {
  label: string;
  scored: Scored | null;
  /** What is stored on the appeal now (the model's label, or an agent's correction). */
  stored: string | null;
  /** What the form shows: the stored value or the agent's unsaved pick. */
  value: string | null;
  labelOf(label: string): string | null;
  onPick(label: string): void;
  renderSelect(id: string): ReactNode;
}

/** A label the model chose: the picker, how sure it was, and its top three as quick picks. */
export function LabelField({ label, scored, stored, value, labelOf, onPick, renderSelect }: LabelFieldProps) {
  const id = useId();
  const { t } = useTranslation();
  const alternatives = (scored?.alternatives ?? []).filter((alt) => labelOf(alt.label) !== null);
  return (
    <div className="nlp-field">
      <label htmlFor={id}>{label}</label>
      {renderSelect(id)}
      <div className="nlp-field-extra">
        <ConfidenceNote scored={scored} stored={stored} />
        {alternatives.length > 0 && (
          <div className="alt-chips" role="group" aria-label={t('console.nlp.alternatives', { label })}>
            {alternatives.map((alt) => (
              <button key={alt.label} type="button" className="chip chip-small" aria-pressed={alt.label === value} onClick={() => onPick(alt.label)}>
                {labelOf(alt.label)} <span className="chip-score">{formatPercent(alt.confidence)}</span>
              </button>
            ))}
          </div>
        )}
      </div>
    </div>
  );
}

/** "置信度 83%", a warning under 50%, or "坐席已更正" when the stored value is not the model's. */
function ConfidenceNote({ scored, stored }: { scored: Scored | null; stored: string | null }) {
  const { t } = useTranslation();
  if (!scored) return null;
  if (stored !== null && stored !== scored.label) return <span className="confidence muted">{t('console.nlp.fieldCorrected')}</span>;
  const weak = isWeakGuess(scored.confidence);
  return (
    <span className={weak ? 'confidence confidence-weak' : 'confidence'} data-testid="confidence">
      {t('console.nlp.confidence', { percent: formatPercent(scored.confidence) })}
      {weak && ` · ${t('console.nlp.weakGuess')}`}
    </span>
  );
}
