import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { YUNXI_FILE, yunxiCollection } from '@hotline/nlp/fixtures';
import { readFileSync } from 'node:fs';
import { testDatabaseKinds } from '../../testing/databases.ts';
import { type TestHotline, startTestHotline, submitWebAppeal } from '../../testing/hotline.ts';
import { auditLog } from '../../platform/audit/index.ts';
import { appeals } from '../../appeals/index.ts';

const kinds = await testDatabaseKinds();

type Feature = ReturnType<typeof yunxiCollection>['features'][number];
/** 云溪区 with some features replaced: the file an admin got slightly wrong. */
function yunxiWith(change: (features: Feature[]) => void) {
  const collection = yunxiCollection();
  change(collection.features);
  return collection;
}
const indexOf = (features: Feature[], code: string) => features.findIndex((f) => 'code' in f.properties && f.properties.code === code);

/**
 * An admin replaces the demo territory with another city's file (云溪区, a fixture that is not the
 * demo): the API refuses a bad file whole, imports a good one in one go, gives it back unchanged,
 * and from then on appeals are read against the new territory without a restart.
 */
describe.each(kinds)('the territory as data on %s', (kind) => {
  let hotline: TestHotline;
  let admin: string;
  let agent: string;
  const put = (body: unknown, cookie = admin, path = '/api/admin/territory', method = 'PUT') =>
    hotline.request(path, { method, headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body), cookie });
  const districtOnMap = async () => {
    const map = await (await hotline.request('/api/public/territory')).json();
    return map.features.find((f: { properties: { level: string } }) => f.properties.level === 'district').properties.code;
  };

  beforeAll(async () => {
    hotline = await startTestHotline(kind);
    [admin, agent] = await Promise.all([hotline.loginAs('admin'), hotline.loginAs('agent1')]);
  });
  afterAll(() => hotline?.close());

  it('is imported and exported by admins only', async () => {
    expect((await put(yunxiCollection(), agent)).status).toBe(403);
    expect((await hotline.request('/api/admin/territory', { cookie: agent })).status).toBe(403);
    expect(await districtOnMap()).toBe('QH');
  });

  it('refuses a file with errors, naming each feature’s index, code and reason, and changes nothing', async () => {
    const bad = yunxiWith((features) => {
      const grid = indexOf(features, 'YX-FM-02-01');
      features[grid] = { ...features[grid]!, properties: { ...features[grid]!.properties, parentCode: 'YX-NOPE' } } as Feature;
      features.push({ ...features[indexOf(features, 'YX-GY-02')]! });
      const outside = indexOf(features, 'YX-BS-01-01');
      features[outside] = {
        ...features[outside]!,
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [113.33, 23.12],
              [113.35, 23.12],
              [113.35, 23.13],
              [113.33, 23.13],
              [113.33, 23.12],
            ],
          ],
        },
      } as Feature;
    });
    const res = await put(bad);
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error.details.issues).toEqual(
      expect.arrayContaining([
        { index: indexOf(bad.features, 'YX-FM-02-01'), code: 'YX-FM-02-01', reason: 'parentCode: the community YX-NOPE does not exist' },
        { index: bad.features.length - 1, code: 'YX-GY-02', reason: expect.stringContaining('code YX-GY-02 is used twice') },
      ]),
    );
    expect(error.message).toMatch(/features\[\d+\] \(YX-FM-02-01\)/);
    expect(await districtOnMap()).toBe('QH');
  });

  it('finds open rings and grids that overlap or leave their community', async () => {
    const bad = yunxiWith((features) => {
      const ring = indexOf(features, 'YX-FM-01-01');
      const open = structuredClone(features[ring]!) as Extract<Feature, { properties: { code: string } }>;
      (open.geometry.coordinates as number[][][])[0]!.pop();
      features[ring] = open;
      const overlapping = indexOf(features, 'YX-FM-03-02');
      features[overlapping] = {
        ...features[overlapping]!,
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [113.32, 23.12],
              [113.33, 23.12],
              [113.33, 23.13],
              [113.32, 23.13],
              [113.32, 23.12],
            ],
          ],
        },
      } as Feature;
      const astray = indexOf(features, 'YX-BS-02-02');
      features[astray] = {
        ...features[astray]!,
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [113.345, 23.13],
              [113.37, 23.13],
              [113.37, 23.14],
              [113.345, 23.14],
              [113.345, 23.13],
            ],
          ],
        },
      } as Feature;
    });
    const { valid, issues, counts } = await (await put(bad, admin, '/api/admin/territory/validate', 'POST')).json();
    expect({ valid, counts }).toEqual({ valid: false, counts: null });
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'YX-FM-01-01', reason: expect.stringContaining('closed ring') }),
        expect.objectContaining({ code: 'YX-FM-03-02', reason: expect.stringContaining('overlaps grid YX-FM-03-01') }),
        expect.objectContaining({ code: 'YX-BS-02-02', reason: expect.stringContaining('outside its community YX-BS-02') }),
      ]),
    );
  });

  it('refuses what is not a territory file with a 400 naming the field, and a file over the limit with a 413', async () => {
    const notGeoJson = await put({ type: 'Feature', features: [] });
    expect(notGeoJson.status).toBe(400);
    expect((await notGeoJson.json()).error.message).toMatch(/type/);
    const unknownKind = await (await put({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { kind: 'city' } }] })).json();
    expect(unknownKind.error.details.issues[0]).toMatchObject({ index: 0, reason: expect.stringContaining('properties.kind') });
    expect((await put(' '.repeat(21 * 1024 * 1024))).status).toBe(413);
    expect(await districtOnMap()).toBe('QH');
  });

  it('validates a good file in a dry run without writing it', async () => {
    const res = await put(yunxiCollection(), admin, '/api/admin/territory/validate', 'POST');
    expect(await res.json()).toEqual({ valid: true, issues: [], counts: { units: 33, roads: 8, places: 31 } });
    expect(await districtOnMap()).toBe('QH');
  });

  it('imports a good file, audited, and gives the same file back', async () => {
    const before = await submitWebAppeal(hotline, { text: '东湖路128号门口的路灯不亮了好几天' });
    await hotline.deps.triage.idle();
    const res = await put(yunxiCollection());
    expect(await res.json()).toEqual({ units: 33, roads: 8, places: 31 });
    expect(await (await hotline.request('/api/admin/territory', { cookie: admin })).json()).toEqual(JSON.parse(readFileSync(YUNXI_FILE, 'utf8')));
    const [audit] = await hotline.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'territory.imported'), eq(auditLog.entityId, 'YX')));
    expect(audit).toMatchObject({ entityId: 'YX', actorType: 'user', after: { units: 33, roads: 8, places: 31 } });
    // Appeals filed before keep the codes they were given.
    const [old] = await hotline.database.db.select().from(appeals).where(eq(appeals.caseNumber, before.body.caseNumber!));
    expect(old!.gridCode).toMatch(/^QH-/);
  });

  it('reads appeals against the new territory at once: maps, grid of a point, and the locator', async () => {
    expect(await districtOnMap()).toBe('YX');
    const outside = await submitWebAppeal(hotline, { text: '路灯不亮', latitude: 30.205, longitude: 120.105 });
    expect(outside.res.status).toBe(400);
    const { body } = await submitWebAppeal(hotline, { text: '丹桂苑3号楼的电梯坏了一周了，老人上不去' });
    await hotline.deps.triage.idle();
    const [appeal] = await hotline.database.db.select().from(appeals).where(eq(appeals.caseNumber, body.caseNumber!));
    expect(appeal).toMatchObject({ gridCode: 'YX-GY-01-03', address: '丹桂苑3号楼' });
  });
});
