import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { JPEG, jpegWithLocation } from '@hotline/channels/testing';
import { acceptAsEvent, appealByCase, step } from '../../backend/src/testing/closed-loop.ts';
import { useBrowserHotline } from './harness.ts';

/**
 * Issue 13, item 1, in Chromium: a handler reported one photo typed `image/png, text/javascript`
 * (a script) and another typed `image/jpeg, text/html` (a page loading that script); Chromium took
 * the last type of each list, so an admin who opened the second ran the handler's script with the
 * admin's session. Now both are refused, and what is stored is served as the image its bytes are,
 * nosniff and sandboxed: opened as a page it runs nothing, loaded as a script it is refused.
 */

const { hotline, logInAgent, openPage, textAppeal } = useBrowserHotline({ twilio: true });

const PWNED = 'pwned by the handler';
const SCRIPT = `document.title = ${JSON.stringify(PWNED)}; fetch('/api/auth/me').then((r) => r.text()).then((me) => { window.stolen = me; });`;
const PAGE = (scriptHref: string) => `<!doctype html><html><head><title>photo</title><script src="${scriptHref}"></script></head><body>photo</body></html>`;

/** A JPEG whose comment segment is an HTML page with a script: an image by its bytes, a page if a browser were let to read it so. */
function polyglotJpeg(html: string): Buffer {
  const comment = Buffer.from(html);
  const head = Buffer.from([0xff, 0xfe, 0, 0]);
  head.writeUInt16BE(comment.length + 2, 2);
  return Buffer.concat([JPEG.subarray(0, 2), head, comment, JPEG.subarray(2)]);
}

interface Part {
  name: string;
  type: string;
  text?: string;
  base64?: string;
}

/** A multipart POST sent by the page itself (its cookies, its origin), with files typed as given. */
function postFromPage(page: Page, url: string, fields: Record<string, string>, parts: Part[]): Promise<{ status: number; body: string }> {
  return page.evaluate(
    async ({ url, fields, parts }) => {
      const form = new FormData();
      for (const [key, value] of Object.entries(fields)) form.set(key, value);
      for (const part of parts) {
        const bytes = part.base64 ? Uint8Array.from(atob(part.base64), (c) => c.charCodeAt(0)) : new TextEncoder().encode(part.text ?? '');
        form.append('photos', new File([bytes], part.name, { type: part.type }));
      }
      const res = await fetch(url, { method: 'POST', body: form });
      return { status: res.status, body: await res.text() };
    },
    { url, fields, parts },
  );
}

describe('uploaded photos in the browser', () => {
  it('refuses the handler’s script and page photos, and what it keeps runs no script when the admin opens it', async () => {
    const caseNumber = await textAppeal('+8613800001313', '湖滨路18号门口堆了很多建筑垃圾，堵住了人行道。');
    const event = await acceptAsEvent(hotline(), (await appealByCase(hotline(), caseNumber)).id, 'urban');
    await step(hotline(), 'dept-urban', event.id, { action: 'sign' });
    const handler = await logInAgent('dept-urban');
    const stepsUrl = `/api/events/${event.id}/steps`;
    const report = { action: 'report', note: '已处置，附现场照片' };

    // The attack as the issue saw it: both photos, typed as lists, sent by the handler's own browser.
    const script = await postFromPage(handler, stepsUrl, report, [{ name: 'a.png', type: 'image/png, text/javascript', text: SCRIPT }]);
    expect(script.status, script.body).toBe(415);
    const page = await postFromPage(handler, stepsUrl, report, [{ name: 'b.jpg', type: 'image/jpeg, text/html', text: PAGE('/api/events/x/photos/y') }]);
    expect(page.status, page.body).toBe(415);

    // A real JPEG carrying a page in a comment, declared text/html: kept, as the JPEG its bytes are.
    const polyglot = polyglotJpeg(PAGE('/console/'));
    const kept = await postFromPage(handler, stepsUrl, report, [
      { name: 'scene.jpg', type: 'text/html', base64: polyglot.toString('base64') },
      { name: 'gps.jpg', type: 'image/jpeg', base64: jpegWithLocation({ latitude: 30.2351, longitude: 120.1352 }).toString('base64') },
    ]);
    expect(kept.status, kept.body).toBe(200);
    const photos = JSON.parse(kept.body).steps.at(-1).photos as { contentType: string; href: string }[];
    expect(photos.map((p) => p.contentType)).toEqual(['image/jpeg', 'image/jpeg']);

    // The admin, logged in on the hotline's origin, opens each kept photo: an image, not a page.
    const admin = await logInAgent('admin');
    const consoleTitle = await admin.title();
    for (const photo of photos) {
      const opened = await admin.context().newPage();
      const res = await opened.goto(new URL(photo.href, admin.url()).toString());
      expect(res!.status()).toBe(200);
      expect(res!.headers()['content-type']).toBe('image/jpeg');
      expect(res!.headers()['content-security-policy']).toBe("sandbox; default-src 'none'");
      expect(await opened.evaluate(() => document.contentType)).toBe('image/jpeg');
      expect(await opened.evaluate(() => document.querySelector('script'))).toBeNull();
      expect(await opened.title()).not.toContain(PWNED);
      await opened.close();
    }

    // Loaded as a script from the console's own page, a photo is refused (nosniff), and as an image it shows.
    const asScript = await admin.evaluate(
      (src) =>
        new Promise<string>((resolve) => {
          const element = document.createElement('script');
          element.src = src;
          element.onload = () => resolve('ran');
          element.onerror = () => resolve('refused');
          document.head.append(element);
        }),
      photos[0]!.href,
    );
    expect(asScript).toBe('refused');
    const widths = await admin.evaluate(
      (sources) =>
        Promise.all(
          sources.map(
            (src) =>
              new Promise<number>((resolve) => {
                const image = new Image();
                image.onload = () => resolve(image.naturalWidth);
                image.onerror = () => resolve(-1);
                image.src = src;
              }),
          ),
        ),
      photos.map((p) => p.href),
    );
    // Both show; the one whose GPS was taken out kept its Exif orientation (8×4 turned a quarter: 4 wide).
    expect(widths.sort()).toEqual([4, 8]);
    expect(await admin.title()).toBe(consoleTitle);
    expect(await admin.evaluate(() => (window as unknown as { stolen?: string }).stolen)).toBeUndefined();
  });

  it('refuses an anonymous citizen’s page typed "image/png, text/html" on the public form', async () => {
    const citizen = await openPage('/');
    const res = await postFromPage(citizen, '/api/public/appeals', { text: '路面塌陷，见照片' }, [
      { name: 'hole.png', type: 'image/png, text/html', text: PAGE('/console/') },
    ]);
    expect(res.status, res.body).toBe(415);
    expect(JSON.parse(res.body).error.code).toBe('unsupported_media_type');
  });
});
