import exifr from 'exifr';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseDisposition } from 'content-disposition';
import { JPEG, PNG, hasGpsRationals, jpegWithLocation } from '@hotline/channels/testing';
import { testDatabaseKinds } from '../../testing/databases.ts';
import { type TestHotline, intakeRowCounts, startTestHotline } from '../../testing/hotline.ts';
import { type FakeProvider, startFakeProvider } from '../../testing/fake-provider.ts';
import { TWILIO, fakeTwilioMessages, postTwilio, smsParams, twilioEnv } from '../../testing/twilio.ts';
import { acceptAsEvent, step, textedAppeal } from '../../testing/closed-loop.ts';

/**
 * Issue 13, item 1: a photo's declared type was stored and sent back as its Content-Type, so
 * `image/png, text/html` rendered as a page on the hotline's origin and `image/png, text/javascript`
 * ran as a same-origin script. The type is now read from the bytes (JPEG, PNG, WebP, GIF, else
 * 415 with nothing stored), the location taken out, and stored files served sandboxed.
 */

const kinds = await testDatabaseKinds();
const SPOT = { latitude: 30.2351, longitude: 120.1352 };
const HTML_PAGE = (scriptHref: string) => Buffer.from(`<!doctype html><title>photo</title><script src="${scriptHref}"></script>`);
const SCRIPT = Buffer.from('document.title = "pwned by the handler";');
const STORED_FILE_CSP = "sandbox; default-src 'none'";

type Upload = { name: string; type: string; bytes: Buffer };
const file = ({ name, type, bytes }: Upload) => new File([new Uint8Array(bytes)], name, { type });

function expectServedSafely(res: Response, type: string) {
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe(type);
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  expect(res.headers.get('content-security-policy')).toBe(STORED_FILE_CSP);
}

describe.each(kinds)('uploaded photos on %s', (kind) => {
  let hotline: TestHotline;
  let twilio: FakeProvider;
  let agent: string;
  let admin: string;

  beforeAll(async () => {
    twilio = await startFakeProvider([fakeTwilioMessages]);
    hotline = await startTestHotline(kind, { env: twilioEnv(twilio) });
    [agent, admin] = await Promise.all([hotline.loginAs('agent1'), hotline.loginAs('admin')]);
  });
  afterAll(async () => {
    await hotline?.close();
    await twilio?.close();
  });

  /** The citizen page's multipart form with these photos. */
  const fileAppeal = (uploads: Upload[], text = '路面塌陷，见照片') => {
    const form = new FormData();
    form.set('text', text);
    for (const upload of uploads) form.append('photos', file(upload));
    return hotline.request('/api/public/appeals', { method: 'POST', body: form });
  };

  /** The attachments of the appeal filed with `caseNumber`, as the console receives them. */
  async function attachmentsOf(caseNumber: string) {
    const page = await (await hotline.request('/api/appeals?pageSize=100', { cookie: agent })).json();
    const appeal = page.items.find((a: { caseNumber: string }) => a.caseNumber === caseNumber);
    const detail = await (await hotline.request(`/api/appeals/${appeal.id}`, { cookie: agent })).json();
    return detail.messages[0].attachments as { contentType: string; fileName: string | null; href: string }[];
  }

  describe('the citizen page refuses what is not a JPEG, PNG, WebP or GIF by its bytes: 415, nothing stored', () => {
    it.each<[string, Upload]>([
      ['an HTML page declared "image/png, text/html"', { name: 'photo.png', type: 'image/png, text/html', bytes: HTML_PAGE('/x.js') }],
      ['a real PNG declared "image/png, text/html"', { name: 'photo.png', type: 'image/png, text/html', bytes: PNG }],
      ['an HTML page declared image/png', { name: 'photo.png', type: 'image/png', bytes: HTML_PAGE('/x.js') }],
      ['a script declared "image/png, text/javascript"', { name: 'photo.png', type: 'image/png, text/javascript', bytes: SCRIPT }],
    ])('%s', async (_name, upload) => {
      const before = await intakeRowCounts(hotline);
      const res = await fileAppeal([{ name: 'ok.png', type: 'image/png', bytes: PNG }, upload]);
      expect(res.status).toBe(415);
      expect((await res.json()).error.code).toBe('unsupported_media_type');
      expect(await intakeRowCounts(hotline)).toEqual(before);
    });
  });

  it('stores a PNG declared as a JPEG as image/png, and serves it so', async () => {
    const res = await fileAppeal([{ name: 'hole.jpg', type: 'image/jpeg', bytes: PNG }]);
    expect(res.status).toBe(201);
    const [photo] = await attachmentsOf((await res.json()).caseNumber);
    expect(photo).toMatchObject({ contentType: 'image/png', fileName: 'hole.jpg' });
    const served = await hotline.request(photo!.href, { cookie: agent });
    expectServedSafely(served, 'image/png');
    expect(Buffer.from(await served.arrayBuffer())).toEqual(PNG);
  });

  it('serves a citizen’s photo with its fixed type, nosniff, a sandbox CSP and a Content-Disposition its name cannot break', async () => {
    const name = '路面"坑"; filename=evil.html; x=.png';
    const res = await fileAppeal([{ name, type: 'image/png', bytes: PNG }]);
    expect(res.status).toBe(201);
    const [photo] = await attachmentsOf((await res.json()).caseNumber);
    const served = await hotline.request(photo!.href, { cookie: agent });
    expectServedSafely(served, 'image/png');
    expect(served.headers.get('cache-control')).toBe('private, max-age=3600');
    const disposition = served.headers.get('content-disposition')!;
    // Printable ASCII only; the name itself travels RFC 5987-encoded, and parses back to exactly one file name.
    expect(disposition).toMatch(/^inline; filename=("[\x20-\x7e]*"|[!#$&+.^_`|~0-9A-Za-z-]+); filename\*=UTF-8''[!#$&+.^_`|~0-9A-Za-z%-]+$/);
    expect(disposition).not.toContain('evil.html"');
    const parsed = parseDisposition(disposition);
    expect(parsed.type).toBe('inline');
    expect(Object.keys(parsed.parameters).sort()).toEqual(['filename', 'filename*']);
    expect(parsed.parameters.filename).toBe(photo!.fileName);
    expect(photo!.fileName).toContain('路面');
  });

  it('takes the GPS out of a citizen’s JPEG and keeps its orientation', async () => {
    const upload = jpegWithLocation(SPOT, { xmp: true });
    expect(await exifr.gps(upload)).toMatchObject({ latitude: expect.closeTo(SPOT.latitude, 4) });
    const res = await fileAppeal([{ name: 'IMG_0001.jpg', type: 'image/jpeg', bytes: upload }]);
    expect(res.status).toBe(201);
    const [photo] = await attachmentsOf((await res.json()).caseNumber);
    const served = await hotline.request(photo!.href, { cookie: agent });
    expectServedSafely(served, 'image/jpeg');
    const stored = Buffer.from(await served.arrayBuffer());
    expect(await exifr.gps(stored)).toBeUndefined();
    expect(hasGpsRationals(stored, SPOT)).toBe(false);
    expect((await exifr.parse(stored, { tiff: true })).Orientation).toBe('Rotate 90 CW');
  });

  describe('a department’s report photos', () => {
    let eventId: string;
    const reportWith = (uploads: Upload[]) => {
      const form = new FormData();
      form.set('action', 'report');
      form.set('note', '已处置，附现场照片');
      for (const upload of uploads) form.append('photos', file(upload));
      return hotline.request(`/api/events/${eventId}/steps`, { method: 'POST', body: form, cookie: handler });
    };
    let handler: string;
    const photoCount = async () => {
      const detail = await (await hotline.request(`/api/events/${eventId}`, { cookie: handler })).json();
      return (detail.steps as { photos: unknown[] }[]).flatMap((s) => s.photos).length;
    };

    beforeAll(async () => {
      const appeal = await textedAppeal(hotline, '+8613800001313', '湖滨路18号门口堆了很多建筑垃圾');
      eventId = (await acceptAsEvent(hotline, appeal.id, 'urban')).id;
      await step(hotline, 'dept-urban', eventId, { action: 'sign' });
      handler = await hotline.loginAs('dept-urban');
    });

    it('refuses the issue’s attack — a script typed "image/png, text/javascript" and a page typed "image/jpeg, text/html" — with 415, writing nothing', async () => {
      const photosBefore = await photoCount();
      for (const upload of [
        { name: 'a.png', type: 'image/png, text/javascript', bytes: SCRIPT },
        { name: 'b.jpg', type: 'image/jpeg, text/html', bytes: HTML_PAGE(`/api/events/${eventId}/photos/x`) },
        { name: 'c.png', type: 'image/png', bytes: HTML_PAGE('/x.js') },
      ]) {
        const res = await reportWith([{ name: 'ok.jpg', type: 'image/jpeg', bytes: JPEG }, upload]);
        expect(res.status, upload.type).toBe(415);
        expect((await res.json()).error.code).toBe('unsupported_media_type');
      }
      expect(await photoCount()).toBe(photosBefore);
      expect((await (await hotline.request(`/api/events/${eventId}`, { cookie: handler })).json()).status).toBe('handling');
    });

    it('keeps report photos by their bytes, without GPS, and serves them sandboxed to staff who may see the event', async () => {
      const res = await reportWith([
        { name: '现场.jpg', type: 'image/jpeg', bytes: jpegWithLocation(SPOT) },
        { name: 'after.jpg', type: 'image/jpeg', bytes: PNG },
      ]);
      expect(res.status, await res.clone().text()).toBe(200);
      const photos = (await res.json()).steps.at(-1).photos as { contentType: string; href: string }[];
      // Stored in one insert: their order is the ids'.
      expect(photos.map((p) => p.contentType).sort()).toEqual(['image/jpeg', 'image/png']);
      expect(await photoCount()).toBe(2);
      const [jpegPhoto, pngPhoto] = ['image/jpeg', 'image/png'].map((type) => photos.find((p) => p.contentType === type)!);
      const jpeg = await hotline.request(jpegPhoto!.href, { cookie: admin });
      expectServedSafely(jpeg, 'image/jpeg');
      expect(jpeg.headers.get('content-disposition')).toBe(`inline; filename=__.jpg; filename*=UTF-8''%E7%8E%B0%E5%9C%BA.jpg`);
      expect(await exifr.gps(Buffer.from(await jpeg.arrayBuffer()))).toBeUndefined();
      expectServedSafely(await hotline.request(pngPhoto!.href, { cookie: admin }), 'image/png');
    });
  });

  it('redirects to an MMS photo Twilio keeps, serving none of its bytes nor any type of the sender’s', async () => {
    const mediaUrl = `https://api.twilio.com/2010-04-01/Accounts/${TWILIO.accountSid}/Messages/MM1/Media/ME1`;
    const params = smsParams('+8613800001314', '', { NumMedia: '1', MediaUrl0: mediaUrl, MediaContentType0: 'text/html' });
    const res = await postTwilio(hotline, '/channels/twilio/sms', params);
    expect(res.status).toBe(200);
    const caseNumber = /案件流水号 (\d{14,})/.exec(await res.text())![1]!;
    const [media] = await attachmentsOf(caseNumber);
    const served = await hotline.request(media!.href, { cookie: agent });
    expect(served.status).toBe(302);
    expect(served.headers.get('location')).toBe(mediaUrl);
    expect(served.headers.get('content-type') ?? '').not.toMatch(/html|image/);
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    expect(served.headers.get('content-security-policy')).toBe(STORED_FILE_CSP);
  });
});
