import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestHotline, startTestHotline } from '../testing/hotline.ts';
import { testDatabaseKinds } from '../testing/databases.ts';

const kinds = await testDatabaseKinds();

describe.each(kinds)('the HTTP surface on %s', (kind) => {
  let hotline: TestHotline;
  beforeAll(async () => {
    hotline = await startTestHotline(kind);
  });
  afterAll(() => hotline?.close());

  it('reports health and which database it runs on', async () => {
    const res = await hotline.request('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', db: kind, triageBacklog: 0 });
  });

  it('publishes an OpenAPI document of the whole contract, generated from the zod schemas', async () => {
    const doc = await (await hotline.request('/api/openapi.json')).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/public/appeals',
        '/api/public/appeals/{caseNumber}',
        '/api/auth/login',
        '/api/auth/logout',
        '/api/appeals',
        '/api/appeals/{id}',
        '/api/appeals/{id}/replies',
        '/api/appeals/{id}/accept',
        '/api/appeals/{id}/reject',
      ]),
    );
    const submit = doc.paths['/api/public/appeals'].post;
    expect(Object.keys(submit.requestBody.content)).toEqual(['application/json', 'multipart/form-data']);
    expect(submit.requestBody.content['application/json'].schema.properties.text).toMatchObject({ type: 'string', maxLength: 4000 });
  });

  it('answers unknown API paths with the JSON error shape', async () => {
    const res = await hotline.request('/api/no-such-thing');
    expect(res.status).toBe(404);
    expect((await res.json()).error).toMatchObject({ code: 'not_found', requestId: expect.any(String) });
  });

  it('serves the territory as GeoJSON for the map picker', async () => {
    const geo = await (await hotline.request('/api/public/territory')).json();
    expect(geo.type).toBe('FeatureCollection');
    expect(geo.features.filter((f: { properties: { level: string } }) => f.properties.level === 'grid').length).toBeGreaterThanOrEqual(30);
    expect(geo.bbox).toEqual([120.1, 30.2, 120.16, 30.26]);
  });

  it('sends security headers', async () => {
    const res = await hotline.request('/healthz');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
  });
});
