import exifr from 'exifr';
import { describe, expect, it } from 'vitest';
import { GIF, JPEG, PNG, WEBP, exifTiff, hasGpsRationals, jpegWithLocation, pngWithLocation, webpWithLocation } from '../testing/photos.ts';
import { clearExifGps, stripLocation } from './photo-location.ts';
import { acceptPhoto, photoFileName } from './photos.ts';

const SPOT = { latitude: 30.2351, longitude: 120.1352 };
const accept = (bytes: Buffer, declaredType = '', name = 'photo') => acceptPhoto({ name, declaredType, bytes });
const HTML = Buffer.from('<!doctype html><title>x</title><script src="/api/attachments/00000000-0000-4000-8000-000000000000"></script>');

/** The chunks of a RIFF (WebP) file: type, data, and whether the file's size field is right. */
function riffChunks(webp: Buffer) {
  const chunks: { type: string; data: Buffer }[] = [];
  for (let at = 12; at + 8 <= webp.length;) {
    const size = webp.readUInt32LE(at + 4);
    chunks.push({ type: webp.toString('latin1', at, at + 4), data: webp.subarray(at + 8, at + 8 + size) });
    at += 8 + size + (size % 2);
  }
  return { chunks, sizeRight: webp.readUInt32LE(4) === webp.length - 8 };
}

/** Every PNG chunk's type, with its CRC checked. */
function pngChunks(png: Buffer) {
  const types: string[] = [];
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at);
    types.push(png.toString('latin1', at + 4, at + 8));
    at += 12 + length;
  }
  return types;
}

describe('a photo’s type is read from its bytes', () => {
  it.each([
    ['a JPEG', JPEG, 'image/jpeg'],
    ['a PNG', PNG, 'image/png'],
    ['a WebP', WEBP, 'image/webp'],
    ['a GIF', GIF, 'image/gif'],
  ])('%s is stored as %s', async (_name, bytes, type) => {
    expect((await accept(bytes)).contentType).toBe(type);
  });

  it('stores a PNG declared as a JPEG as image/png: the declared type is never kept', async () => {
    expect((await accept(PNG, 'image/jpeg')).contentType).toBe('image/png');
    expect((await accept(JPEG, 'text/html')).contentType).toBe('image/jpeg');
  });

  it.each([
    ['an HTML page declared image/png', HTML, 'image/png'],
    ['an HTML page declared as the list "image/png, text/html"', HTML, 'image/png, text/html'],
    ['a real PNG declared as the list "image/png, text/html"', PNG, 'image/png, text/html'],
    ['a script declared as the list "image/png, text/javascript"', Buffer.from('document.title = "pwned"'), 'image/png, text/javascript'],
    ['an SVG (it can carry script)', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 'image/svg+xml'],
    ['a PDF', Buffer.from('%PDF-1.4\n%âãÏÓ\n'), 'image/jpeg'],
    ['a JPEG cut short', JPEG.subarray(0, 40), 'image/jpeg'],
    ['a PNG without its end', PNG.subarray(0, 40), 'image/png'],
  ])('refuses %s as unsupported_media_type', async (_name, bytes, type) => {
    await expect(accept(bytes, type)).rejects.toMatchObject({ name: 'InvalidInboundError', reason: 'unsupported_media_type' });
  });

  it('refuses HEIC, saying to send a JPEG (it is not converted here)', async () => {
    const heic = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypheic\0\0\0\0mif1heic', 'latin1'), Buffer.alloc(64)]);
    await expect(accept(heic, 'image/heic')).rejects.toThrow(/HEIC.*JPEG/);
  });
});

describe('a photo’s location is taken out before it is stored', () => {
  it('JPEG: the Exif GPS IFD is cleared and the XMP dropped; the orientation and the picture stay', async () => {
    const photo = jpegWithLocation(SPOT, { xmp: true });
    // The fixture is what a phone writes: a reader finds the spot in it.
    expect(await exifr.gps(photo)).toMatchObject({ latitude: expect.closeTo(SPOT.latitude, 4), longitude: expect.closeTo(SPOT.longitude, 4) });
    expect(hasGpsRationals(photo, SPOT)).toBe(true);

    const { contentType, data } = await accept(photo, 'image/jpeg');
    expect(contentType).toBe('image/jpeg');
    expect(await exifr.gps(data)).toBeUndefined();
    expect(hasGpsRationals(data, SPOT)).toBe(false);
    expect(data.includes(Buffer.from('http://ns.adobe.com/xap/1.0/'))).toBe(false);
    expect(await exifr.parse(data, { tiff: true, xmp: true })).toEqual({ Orientation: 'Rotate 90 CW' });
    // Everything from the quantisation tables on is the original picture, byte for byte.
    const tables = JPEG.indexOf(Buffer.from([0xff, 0xdb]));
    expect(data.subarray(data.indexOf(Buffer.from([0xff, 0xdb])))).toEqual(JPEG.subarray(tables));
    expect(photo.includes(Buffer.from('Exif'))).toBe(true);
  });

  it('PNG: eXIf keeps the orientation without GPS (its CRC rewritten); the XMP text chunk is dropped', async () => {
    const photo = pngWithLocation(SPOT);
    expect(await exifr.gps(photo)).toMatchObject({ latitude: expect.closeTo(SPOT.latitude, 4) });
    const { data } = await accept(photo, 'image/png');
    expect(pngChunks(data)).toEqual(['IHDR', 'eXIf', 'IDAT', 'IEND']);
    expect(await exifr.gps(data)).toBeUndefined();
    expect(hasGpsRationals(data, SPOT)).toBe(false);
    expect((await exifr.parse(data, { tiff: true })).Orientation).toBe('Rotate 90 CW');
    // exifr checks nothing of the CRC: check it against zlib's.
    const { crc32 } = await import('node:zlib');
    const at = data.indexOf(Buffer.from('eXIf'));
    const length = data.readUInt32BE(at - 4);
    expect(data.readUInt32BE(at + 4 + length)).toBe(crc32(data.subarray(at, at + 4 + length)));
  });

  it('WebP: the EXIF chunk loses its GPS, the XMP chunk and its VP8X flag go, the RIFF size follows', async () => {
    const photo = webpWithLocation(SPOT);
    expect(hasGpsRationals(photo, SPOT)).toBe(true);
    const { contentType, data } = await accept(photo, 'image/webp');
    expect(contentType).toBe('image/webp');
    const { chunks, sizeRight } = riffChunks(data);
    expect(sizeRight).toBe(true);
    expect(chunks.map((c) => c.type)).toEqual(['VP8X', 'ICCP', 'VP8 ', 'EXIF']);
    expect(chunks[0]!.data[0]! & 0x0c).toBe(0x08);
    expect(hasGpsRationals(data, SPOT)).toBe(false);
    // The rest of the Exif is still a TIFF whose IFD0 holds the orientation alone.
    const tiff = chunks[3]!.data;
    expect(tiff.readUInt16LE(8)).toBe(1);
    expect(tiff.readUInt16LE(10)).toBe(0x0112);
  });

  it('GIF: comment and XMP extensions are dropped, the image kept', () => {
    const comment = Buffer.concat([Buffer.from([0x21, 0xfe, 5]), Buffer.from('30.23'), Buffer.from([0])]);
    const xmp = Buffer.concat([Buffer.from([0x21, 0xff, 11]), Buffer.from('XMP DataXMP'), Buffer.from([4]), Buffer.from('abcd'), Buffer.from([0])]);
    const trailerAt = GIF.length - 1;
    const photo = Buffer.concat([GIF.subarray(0, 13 + 6), comment, xmp, GIF.subarray(13 + 6, trailerAt), GIF.subarray(trailerAt)]);
    expect(stripLocation(photo, 'image/gif')).toEqual(GIF);
  });

  it('drops an Exif block whose GPS pointer leads outside it, rather than keep what it cannot clear', async () => {
    const tiff = exifTiff({ spot: SPOT });
    tiff.writeUInt32LE(5000, 22 + 8);
    expect(clearExifGps(Buffer.from(tiff))).toBe(false);
    const photo = jpegWithLocation(SPOT);
    const broken = Buffer.from(photo);
    broken.writeUInt32LE(5000, broken.indexOf(Buffer.from('Exif\0\0', 'latin1')) + 6 + 22 + 8);
    const { data } = await accept(broken);
    expect(data.includes(Buffer.from('Exif\0\0', 'latin1'))).toBe(false);
    expect(hasGpsRationals(data, SPOT)).toBe(false);
  });

  it('leaves a photo without location as it was', async () => {
    expect((await accept(JPEG)).data).toEqual(JPEG);
    expect((await accept(PNG)).data).toEqual(PNG);
    expect((await accept(WEBP)).data).toEqual(WEBP);
  });
});

describe('a photo’s file name', () => {
  it.each([
    ['hole.png', 'hole.png'],
    ['C:\\Users\\王\\路面坑.jpg', '路面坑.jpg'],
    ['../../etc/passwd', 'passwd'],
    ['a\r\nSet-Cookie: x=1.png', 'aSet-Cookie: x=1.png'],
    ['evil\u202Egnp.exe', 'evilgnp.exe'],
    ['', undefined],
    ['\u0000', undefined],
  ])('%j is kept as %j', (name, kept) => {
    expect(photoFileName(name)).toBe(kept);
  });

  it('is at most 255 UTF-16 units, without splitting a character', () => {
    const name = photoFileName('😀'.repeat(200))!;
    expect(name.length).toBe(254);
    expect(name).toBe('😀'.repeat(127));
  });
});
