import { useTranslation } from 'react-i18next';
import type { HotReport } from '@hotline/backend/api-types';
import { formatDateTime } from '../../shared/format.ts';
import { useCategoryName } from '../common/categories.tsx';
import type { Street } from './useHotReport.ts';

type Issue = HotReport['issues'][number];

/** 热点问题: clusters of appeals about one matter in one street and period. */
export function HotIssues({ issues, streets }: { issues: Issue[]; streets: Street[] }) {
  const { t } = useTranslation();
  return (
    <section className="card hot-card" aria-labelledby="hot-issues-heading">
      <h3 id="hot-issues-heading">{t('console.hot.issues')}</h3>
      {issues.length === 0 ? (
        <p className="empty-state hot-empty">{t('console.hot.empty')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table" data-testid="hot-issues">
            <thead>
              <tr>
                <th scope="col">{t('console.hot.size')}</th>
                <th scope="col">{t('console.hot.issueTerms')}</th>
                <th scope="col">{t('console.hot.category')}</th>
                <th scope="col">{t('console.hot.street')}</th>
                <th scope="col">{t('console.hot.caseNumbers')}</th>
                <th scope="col">{t('console.hot.firstLast')}</th>
              </tr>
            </thead>
            <tbody>
              {issues.map((issue) => (
                <IssueRow key={`${issue.period}|${issue.street}|${issue.caseNumbers.join(',')}`} issue={issue} streets={streets} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** How many appeals, their shared words, category and street, their case numbers, the first and the last. */
function IssueRow({ issue, streets }: { issue: Issue; streets: Street[] }) {
  const { t, i18n } = useTranslation();
  const categoryName = useCategoryName();
  const street = streets.find((s) => s.code === issue.street);
  const streetName = street
    ? i18n.language === 'en'
      ? street.nameEn
      : street.name
    : issue.street === 'unknown'
      ? t('console.hot.unknownStreet')
      : issue.street;
  return (
    <tr>
      <td className="num">{t('console.hot.sizeValue', { count: issue.size })}</td>
      <td>
        {issue.terms.map((term) => (
          <span key={term} className="word-chip">
            {term}
          </span>
        ))}
      </td>
      <td>
        {issue.emergency && <span className="badge urgency-emergency">{t('urgency.emergency')}</span>}{' '}
        {issue.category ? categoryName(issue.category) : <span className="muted">{t('common.notAvailable')}</span>}
      </td>
      <td>{streetName}</td>
      <td className="mono case-numbers">
        {issue.caseNumbers.map((caseNumber) => (
          <span key={caseNumber}>{caseNumber}</span>
        ))}
      </td>
      <td className="times">
        <span>{formatDateTime(issue.first, i18n.language)}</span>
        <span>{formatDateTime(issue.last, i18n.language)}</span>
      </td>
    </tr>
  );
}
