import { type FormEvent, type ReactNode, type Ref, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppealDetail, AppealSummary, ClassificationView } from '@hotline/backend/api-types';
import { ErrorAlert } from '../shared/components/ErrorAlert.tsx';
import { APPEAL_TYPES, type AppealType, type Urgency } from './api.ts';
import { CategoryOptions, useCategories, useCategoryName } from './common/categories.tsx';
import { UrgencySelect } from './common/UrgencySelect.tsx';
import { formatPercent, isWeakGuess } from './nlp-format.ts';
import { useCorrection } from './useCorrection.ts';

type Scored = NonNullable<ClassificationView['type']>;

interface NlpPanelProps {
  appeal: AppealDetail;
  categoryRef: Ref<HTMLSelectElement>;
  onSaved(summary: AppealSummary): void;
}

/**
 * 智能分类: what NLP made of the appeal (type, category, urgency, where the place came from), with
 * its confidence and runners-up. The agent confirms or corrects; a correction retrains the model.
 */
export function NlpPanel({ appeal, categoryRef, onSaved }: NlpPanelProps) {
  const { t } = useTranslation();
  const correction = useCorrection(appeal, onSaved);
  const { classification } = appeal;
  const typeLabel = (label: string) => ((APPEAL_TYPES as string[]).includes(label) ? t(`appealType.${label as AppealType}`) : null);
  const categoryLabel = useCategoryLabel();

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    void correction.save();
  }

  return (
    <section className="side-section nlp-panel" aria-labelledby="nlp-heading" data-testid="nlp-panel">
      <div className="side-heading">
        <h3 id="nlp-heading">{t('console.nlp.heading')}</h3>
        {classification?.correctedBy && (
          <span className="badge badge-corrected" data-testid="nlp-corrected" title={t('console.nlp.correctedBy', { name: classification.correctedBy })}>
            {t('console.nlp.corrected')}
          </span>
        )}
        {classification && (
          <span className="model-version muted" title={t('console.nlp.modelVersion')}>
            {classification.modelVersion}
          </span>
        )}
      </div>
      {!classification && <p className="muted side-note">{t('console.nlp.none')}</p>}
      <form onSubmit={handleSubmit}>
        <LabelField
          label={t('console.nlp.type')}
          scored={classification?.type ?? null}
          stored={appeal.appealType}
          value={correction.value.appealType}
          labelOf={typeLabel}
          onPick={(label) => correction.set('appealType', label as AppealType)}
          renderSelect={(id) => (
            <select id={id} value={correction.value.appealType ?? ''} onChange={(e) => correction.set('appealType', e.target.value as AppealType)}>
              {correction.value.appealType === null && (
                <option value="" disabled>
                  {t('console.nlp.unclassified')}
                </option>
              )}
              {APPEAL_TYPES.map((type) => (
                <option key={type} value={type}>
                  {t(`appealType.${type}`)}
                </option>
              ))}
            </select>
          )}
        />
        <LabelField
          label={t('console.nlp.category')}
          scored={classification?.category ?? null}
          stored={appeal.categoryCode}
          value={correction.value.categoryCode}
          labelOf={categoryLabel}
          onPick={(label) => correction.set('categoryCode', label)}
          renderSelect={(id) => <CategorySelect id={id} selectRef={categoryRef} value={correction.value.categoryCode} onChange={(code) => correction.set('categoryCode', code)} />}
        />
        <UrgencyField value={correction.value.urgency} evidence={classification?.urgencyEvidence ?? []} onChange={(urgency) => correction.set('urgency', urgency)} />
        {classification && <LocationSource location={classification.location} />}
        <div className="nlp-actions">
          <button type="submit" className="button button-primary button-small" disabled={!correction.dirty || correction.busy}>
            {correction.busy ? t('console.nlp.saving') : t('console.nlp.save')}
          </button>
          {correction.dirty && !correction.busy && (
            <button type="button" className="button button-small button-quiet" onClick={correction.reset}>
              {t('console.nlp.undo')}
            </button>
          )}
          <span role="status" className="nlp-saved" data-testid="nlp-saved">
            {correction.saved ? t('console.nlp.saved') : ''}
          </span>
          <span className="field-hint">{t('console.nlp.trainingNote')}</span>
        </div>
        <ErrorAlert error={correction.error} />
      </form>
    </section>
  );
}

/** Category labels by name; "None" (not an appeal) and codes missing from the taxonomy are not offered. */
function useCategoryLabel() {
  const { list, byCode } = useCategories();
  const name = useCategoryName();
  return (code: string) => (code === 'None' || (list && !byCode.has(code)) ? null : name(code));
}

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
function LabelField({ label, scored, stored, value, labelOf, onPick, renderSelect }: LabelFieldProps) {
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

interface CategorySelectProps {
  id: string;
  selectRef: Ref<HTMLSelectElement>;
  value: string | null;
  onChange(code: string): void;
}

/** Every category, grouped by the four platforms; the `c` shortcut focuses it. */
function CategorySelect({ id, selectRef, value, onChange }: CategorySelectProps) {
  const { t } = useTranslation();
  const { list, byCode, error, reload } = useCategories();
  const name = useCategoryName();
  if (error && !list) return <ErrorAlert error={error} title={t('console.nlp.categoriesFailed')} onRetry={reload} />;
  return (
    <select id={id} ref={selectRef} value={value ?? ''} disabled={!list} aria-keyshortcuts="c" onChange={(e) => onChange(e.target.value)} data-testid="category-select">
      {(value === null || !list) && (
        <option value="" disabled>
          {list ? t('console.nlp.unclassified') : t('common.loading')}
        </option>
      )}
      {/* A stored code the taxonomy no longer has stays visible rather than silently becoming another. */}
      {value !== null && list && !byCode.has(value) && <option value={value}>{name(value)}</option>}
      <CategoryOptions categories={list} />
    </select>
  );
}

function UrgencyField({ value, evidence, onChange }: { value: Urgency; evidence: string[]; onChange(urgency: Urgency): void }) {
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

/** Where NLP found the place: the channel's own point, an address in the text, or nowhere. */
function LocationSource({ location }: { location: ClassificationView['location'] }) {
  const { t } = useTranslation();
  return (
    <p className="evidence-line">
      <span className="muted">{t('console.nlp.location')}</span>
      <span>{t(`console.nlp.locationSource.${location.source}`)}</span>
      {location.matched && <span className="word-chip">{location.matched}</span>}
    </p>
  );
}
