import { useTranslation } from 'react-i18next';
import type { AppealSummary } from '@hotline/backend/api-types';

/** 待受理 / 已受理 / 不予受理 / 已合并, each with its own colour. */
export function StatusBadge({ status }: { status: AppealSummary['status'] }) {
  const { t } = useTranslation();
  return <span className={`badge status-${status}`}>{t(`status.${status}`)}</span>;
}
