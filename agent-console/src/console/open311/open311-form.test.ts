import { describe, expect, it } from 'vitest';
import { inputOf, parseServiceCodes } from './open311-form.ts';

describe('the Open311 settings form', () => {
  it('reads the service-code mapping one category=code per line, and names a line it cannot read', () => {
    expect(parseServiceCodes('city-appearance = WTR-12\n\n advertising=AD-1 ')).toEqual({ codes: { 'city-appearance': 'WTR-12', advertising: 'AD-1' } });
    expect(parseServiceCodes('city-appearance WTR-12')).toEqual({ badLine: 'city-appearance WTR-12' });
  });

  it('keeps the stored key when the key field is left blank', () => {
    const form = { enabled: true, baseUrl: ' https://cases.example.gov/v2 ', apiKey: '  ', jurisdictionId: '', serviceCodes: '', pollIntervalSeconds: '120' };
    expect(inputOf(form, {})).toEqual({
      enabled: true,
      baseUrl: 'https://cases.example.gov/v2',
      jurisdictionId: null,
      serviceCodes: {},
      pollIntervalSeconds: 120,
    });
    expect(inputOf({ ...form, apiKey: 'k-123' }, {})).toMatchObject({ apiKey: 'k-123' });
  });
});
