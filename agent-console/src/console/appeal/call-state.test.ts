import { describe, expect, it } from 'vitest';
import type { CallView } from '@hotline/backend/api-types';
import { callState } from './CallPanel.tsx';

const call = (fields: Partial<CallView>): CallView => ({
  callSid: 'CA1',
  appealId: null,
  status: 'in-progress',
  enqueuedAt: null,
  queueResult: null,
  durationSeconds: null,
  startedAt: '2026-11-22T08:00:00.000Z',
  endedAt: null,
  ...fields,
});

describe('a call as the agent sees it', () => {
  it('follows the caller from the line to the queue to an agent', () => {
    expect(callState(call({}))).toBe('live');
    expect(callState(call({ enqueuedAt: '2026-11-22T08:00:30.000Z' }))).toBe('waiting');
    expect(callState(call({ enqueuedAt: '2026-11-22T08:00:30.000Z', queueResult: 'bridged' }))).toBe('answered');
    expect(callState(call({ queueResult: 'bridged', endedAt: '2026-11-22T08:05:00.000Z' }))).toBe('ended');
  });

  it('tells abandonment and voicemail apart', () => {
    expect(callState(call({ enqueuedAt: '2026-11-22T08:00:30.000Z', queueResult: 'hangup', endedAt: '2026-11-22T08:01:00.000Z' }))).toBe('abandoned');
    expect(callState(call({ enqueuedAt: '2026-11-22T08:00:30.000Z', queueResult: 'leave' }))).toBe('voicemail');
  });
});
