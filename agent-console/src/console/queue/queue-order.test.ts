import { describe, expect, it } from 'vitest';
import type { AppealSummary } from '@hotline/backend/api-types';
import { appealFixture } from '../common/appeal-fixture.ts';
import { type QueuePage, compareFor, withArrival, withChange, withEscalation } from './queue-order.ts';
import { mergeById } from '../../shared/merge.ts';

const appeal = appealFixture;

const page = (items: AppealSummary[], extra: Partial<QueuePage> = {}): QueuePage => ({
  items,
  total: items.length,
  page: 1,
  pageSize: 3,
  status: 'pending',
  ...extra,
});

describe('the live queue', () => {
  it('orders pending appeals most urgent first, then first come first served', () => {
    const older = appeal();
    const newer = appeal();
    const emergency = appeal({ urgency: 'emergency' });
    expect([newer, emergency, older].sort(compareFor('pending')).map((a) => a.id)).toEqual([emergency.id, older.id, newer.id]);
  });

  it('inserts an arrival where a reload would put it, and only counts one beyond the first page', () => {
    const [a, b, c] = [appeal(), appeal(), appeal()];
    const urgent = appeal({ urgency: 'urgent' });
    const withUrgent = withArrival(page([a, b]), urgent);
    expect(withUrgent.items.map((x) => x.id)).toEqual([urgent.id, a.id, b.id]);
    const full = withArrival(withUrgent, c);
    expect(full.items).toHaveLength(3);
    expect(full.total).toBe(4);
    expect(withArrival(page([a], { page: 2 }), c)).toMatchObject({ items: [a], total: 2 });
  });

  it('drops a decided appeal from the pending tab and brings it into its new tab', () => {
    const a = appeal();
    const decided = { ...a, status: 'rejected' as const, decidedAt: '2026-11-22T09:00:00.000Z', updatedAt: '2026-11-22T09:00:00.000Z' };
    expect(withChange(page([a]), decided)).toMatchObject({ items: [], total: 0 });
    expect(withChange(page([], { status: 'rejected' }), decided).items).toEqual([decided]);
  });

  it('does not pull in an appeal that merely changed elsewhere', () => {
    const elsewhere = appeal({ messageCount: 2, updatedAt: '2026-11-22T09:00:00.000Z' });
    expect(withChange(page([]), elsewhere).items).toEqual([]);
  });
});

describe('urgency graded after arrival', () => {
  it('moves a row that became an emergency to the top', () => {
    const [a, b] = [appeal(), appeal()];
    const graded = { ...b, urgency: 'emergency' as const };
    expect(withChange(page([a, b]), graded).items.map((x) => x.id)).toEqual([b.id, a.id]);
  });

  it('brings an emergency from a later page to the top of the first without counting it twice', () => {
    const [a, b, c] = [appeal(), appeal(), appeal()];
    const beyond = appeal({ urgency: 'emergency' });
    const escalated = withEscalation(page([a, b, c], { total: 4 }), beyond);
    expect(escalated.items.map((x) => x.id)).toEqual([beyond.id, a.id, b.id]);
    expect(escalated.total).toBe(4);
    expect(withEscalation(page([a], { page: 2, total: 4 }), beyond).items).toEqual([a]);
    expect(withEscalation(page([a], { status: 'accepted' }), beyond).items).toEqual([a]);
  });
});

describe('merging fetched and pushed lines', () => {
  it('keeps one copy per id, the latest version, oldest first', () => {
    const first = { id: 'a', createdAt: '2026-11-22T08:00:00Z', text: 'sending' };
    const second = { id: 'b', createdAt: '2026-11-22T08:01:00Z', text: 'x' };
    const updated = { ...first, text: 'delivered' };
    expect(mergeById([second, first], [updated, second])).toEqual([updated, second]);
  });
});
