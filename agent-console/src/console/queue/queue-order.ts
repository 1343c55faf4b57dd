import type { AppealPage, AppealSummary } from '@hotline/backend/api-types';
import type { AppealStatus } from '../api.ts';

/** A page of the queue together with the tab it belongs to. */
export type QueuePage = AppealPage & { status: AppealStatus };

const urgencyRank: Record<AppealSummary['urgency'], number> = { emergency: 0, urgent: 1, normal: 2 };

/**
 * The server's order, so a live insert lands where a reload would put it: pending appeals most
 * urgent first, then first come first served; decided ones newest first.
 */
export function compareFor(status: AppealStatus) {
  return (a: AppealSummary, b: AppealSummary) =>
    status === 'pending'
      ? urgencyRank[a.urgency] - urgencyRank[b.urgency] || a.createdAt.localeCompare(b.createdAt) || a.caseNumber.localeCompare(b.caseNumber)
      : b.createdAt.localeCompare(a.createdAt) || a.caseNumber.localeCompare(b.caseNumber);
}

/** An appeal that now has this tab's status: shown if it belongs on the first page, counted either way. */
export function withArrival(page: QueuePage, appeal: AppealSummary): QueuePage {
  if (appeal.status !== page.status) return page;
  if (page.items.some((item) => item.id === appeal.id)) return withChange(page, appeal);
  const total = page.total + 1;
  if (page.page !== 1) return { ...page, total };
  const items = [...page.items, appeal].sort(compareFor(page.status));
  // Beyond a full page it belongs to page 2: count it, but do not show it here.
  return { ...page, total, items: items.slice(0, page.pageSize) };
}

/** An appeal changed: update its row, or drop it from a tab whose status it no longer has. */
export function withChange(page: QueuePage, appeal: AppealSummary): QueuePage {
  const present = page.items.some((item) => item.id === appeal.id);
  // Only a decision brings an appeal into a tab (new ones come as appeal:new); the decision is the
  // update that stamps updatedAt and decidedAt alike. Other absent rows live on other pages.
  if (!present) return appeal.decidedAt !== null && appeal.decidedAt === appeal.updatedAt ? withArrival(page, appeal) : page;
  // Re-sorted: NLP grades urgency after the appeal arrived, and an emergency must rise to the top.
  if (appeal.status === page.status) return { ...page, items: page.items.map((item) => (item.id === appeal.id ? appeal : item)).sort(compareFor(page.status)) };
  return { ...page, items: page.items.filter((item) => item.id !== appeal.id), total: Math.max(0, page.total - 1) };
}

/**
 * An appeal graded emergency after it arrived (alert:emergency): it belongs at the top of the first
 * page even if it had been pushed to a later one. It was counted when it arrived, so the total stays.
 */
export function withEscalation(page: QueuePage, appeal: AppealSummary): QueuePage {
  if (page.items.some((item) => item.id === appeal.id)) return withChange(page, appeal);
  if (appeal.status !== page.status || page.page !== 1) return page;
  return { ...page, items: [...page.items, appeal].sort(compareFor(page.status)).slice(0, page.pageSize) };
}
