import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/** The case number (案件流水号), big enough to copy down; focus moves here so it is read out. */
export function SubmissionReceipt({ caseNumber, onAnother }: { caseNumber: string; onAnother(): void }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="card receipt" aria-labelledby="receipt-heading">
      <h2 id="receipt-heading" ref={heading} tabIndex={-1}>
        <span className="receipt-check" aria-hidden="true">
          ✓
        </span>{' '}
        {t('citizen.receipt.heading')}
      </h2>
      <p className="receipt-label">{t('citizen.receipt.caseNumber')}</p>
      <p className="case-number" data-testid="case-number">
        {caseNumber}
      </p>
      <p className="muted">{t('citizen.receipt.keep')}</p>
      <button type="button" className="button" onClick={onAnother}>
        {t('citizen.receipt.another')}
      </button>
    </section>
  );
}
