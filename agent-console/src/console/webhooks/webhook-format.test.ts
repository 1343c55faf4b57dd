import { describe, expect, it } from 'vitest';
import { deliveriesPath, formatPayload, lastResult, pageCount } from './webhook-format.ts';

describe('webhook delivery log', () => {
  it('asks for one status, or for all of them without a status parameter', () => {
    expect(deliveriesPath({ filter: 'all', page: 1, pageSize: 20 })).toBe('/api/admin/webhook-deliveries?page=1&pageSize=20');
    expect(deliveriesPath({ filter: 'failed', page: 3, pageSize: 20 })).toBe('/api/admin/webhook-deliveries?page=3&pageSize=20&status=failed');
  });

  it('counts pages, with one page for an empty log', () => {
    expect(pageCount(0, 20)).toBe(1);
    expect(pageCount(20, 20)).toBe(1);
    expect(pageCount(21, 20)).toBe(2);
  });

  it('names the last answer by status code and error', () => {
    expect(lastResult({ lastStatusCode: 500, lastError: 'Internal Server Error' })).toBe('HTTP 500 · Internal Server Error');
    expect(lastResult({ lastStatusCode: 204, lastError: null })).toBe('HTTP 204');
    expect(lastResult({ lastStatusCode: null, lastError: 'connect ECONNREFUSED 127.0.0.1:9' })).toBe('connect ECONNREFUSED 127.0.0.1:9');
    expect(lastResult({ lastStatusCode: null, lastError: null })).toBeNull();
  });

  it('shows the payload indented', () => {
    expect(formatPayload({ topic: 'event.closed', event: { caseNumber: '20261122000001' } })).toBe(
      '{\n  "topic": "event.closed",\n  "event": {\n    "caseNumber": "20261122000001"\n  }\n}',
    );
  });
});
