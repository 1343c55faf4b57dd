import type { AppealSummary } from '@hotline/backend/api-types';

/** An appeal summary for tests of the console's pure helpers: unique ids and case numbers, overridable fields. */
let n = 0;
export function appealFixture(fields: Partial<AppealSummary> = {}): AppealSummary {
  n += 1;
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    caseNumber: `20261122${String(n).padStart(6, '0')}`,
    status: 'pending',
    channel: 'web',
    summary: `诉求 ${n}`,
    appealType: null,
    confidential: false,
    categoryCode: null,
    urgency: 'normal',
    classificationConfidence: null,
    address: null,
    latitude: null,
    longitude: null,
    gridCode: null,
    gridName: null,
    gridNameEn: null,
    duplicateOfId: null,
    assignee: null,
    rejectReason: null,
    messageCount: 1,
    duplicateSuggestions: 0,
    reporterCount: 1,
    createdAt: `2026-11-22T08:00:${String(n % 60).padStart(2, '0')}.000Z`,
    updatedAt: `2026-11-22T08:00:${String(n % 60).padStart(2, '0')}.000Z`,
    decidedAt: null,
    assignedAt: null,
    firstResponseAt: null,
    ...fields,
  };
}
