import type { FormEvent, Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppealDetail, AppealSummary, ClassificationView } from '@hotline/backend/api-types';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { APPEAL_TYPES, type AppealType } from '../api.ts';
import { CategorySelect, useCategoryLabel } from './CategorySelect.tsx';
import { LabelField } from './LabelField.tsx';
import { UrgencyField } from './UrgencyField.tsx';
import { useCorrection } from './useCorrection.ts';

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
      <NlpHeading classification={classification} />
      {!classification && <p className="muted side-note">{t('console.nlp.none')}</p>}
      <form onSubmit={handleSubmit}>
        <LabelField
          label={t('console.nlp.type')}
          scored={classification?.type ?? null}
          stored={appeal.appealType}
          value={correction.value.appealType}
          labelOf={typeLabel}
          onPick={(label) => correction.set('appealType', label as AppealType)}
          renderSelect={(id) => <TypeSelect id={id} value={correction.value.appealType} onChange={(type) => correction.set('appealType', type)} />}
        />
        <LabelField
          label={t('console.nlp.category')}
          scored={classification?.category ?? null}
          stored={appeal.categoryCode}
          value={correction.value.categoryCode}
          labelOf={categoryLabel}
          onPick={(label) => correction.set('categoryCode', label)}
          renderSelect={(id) => (
            <CategorySelect id={id} selectRef={categoryRef} value={correction.value.categoryCode} onChange={(code) => correction.set('categoryCode', code)} />
          )}
        />
        <UrgencyField
          value={correction.value.urgency}
          evidence={classification?.urgencyEvidence ?? []}
          onChange={(urgency) => correction.set('urgency', urgency)}
        />
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

/** Which model classified it, and whether an agent has corrected it since. */
function NlpHeading({ classification }: { classification: ClassificationView | null }) {
  const { t } = useTranslation();
  return (
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
  );
}

/** 咨询, 求助, 投诉, 举报, 建议, 表扬. */
function TypeSelect({ id, value, onChange }: { id: string; value: AppealType | null; onChange(type: AppealType): void }) {
  const { t } = useTranslation();
  return (
    <select id={id} value={value ?? ''} onChange={(e) => onChange(e.target.value as AppealType)}>
      {value === null && (
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
