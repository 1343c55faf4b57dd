import { crc32 } from 'node:zlib';

/**
 * Photo fixtures for tests: real images (encoded by Chromium's canvas) and the Exif and XMP blocks
 * a phone writes into them, built byte by byte, so a test can check what the hotline keeps of a
 * photo's location. For tests only.
 */

/** An 8×4 JPEG (red and blue halves), as Chromium encodes a canvas: JFIF, an ICC profile, no Exif. */
export const JPEG = Buffer.from(
  '/9j/4AAQSkZJRgABAQAAAQABAAD/4gHYSUNDX1BST0ZJTEUAAQEAAAHIAAAAAAQwAABtbnRyUkdCIFhZWiAH4AABAAEAAAAAAABhY3NwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQAA9tYAAQAAAADTLQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAlkZXNjAAAA8AAAACRyWFlaAAABFAAAABRnWFlaAAABKAAAABRiWFlaAAABPAAAABR3dHB0AAABUAAAABRyVFJDAAABZAAAAChnVFJDAAABZAAAAChiVFJDAAABZAAAAChjcHJ0AAABjAAAADxtbHVjAAAAAAAAAAEAAAAMZW5VUwAAAAgAAAAcAHMAUgBHAEJYWVogAAAAAAAAb6IAADj1AAADkFhZWiAAAAAAAABimQAAt4UAABjaWFlaIAAAAAAAACSgAAAPhAAAts9YWVogAAAAAAAA9tYAAQAAAADTLXBhcmEAAAAAAAQAAAACZmYAAPKnAAANWQAAE9AAAApbAAAAAAAAAABtbHVjAAAAAAAAAAEAAAAMZW5VUwAAACAAAAAcAEcAbwBvAGcAbABlACAASQBuAGMALgAgADIAMAAxADb/2wBDABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0oOjM9PDkzODdASFxOQERXRTc4UG1RV19iZ2hnPk1xeXBkeFxlZ2P/2wBDARESEhgVGC8aGi9jQjhCY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2P/wAARCAAEAAgDASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAX/xAAWEAEBAQAAAAAAAAAAAAAAAAAAA0L/xAAVAQEBAAAAAAAAAAAAAAAAAAAEBf/EABsRAAAHAQAAAAAAAAAAAAAAAAABAgQ0gbEF/9oADAMBAAIRAxEAPwCHDQCowjpvTBuvMXWEP//Z',
  'base64',
);

/** A 1×1 PNG. */
export const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/** The same 8×4 picture as a WebP (VP8X with an ICC profile), as Chromium encodes it. */
export const WEBP = Buffer.from(
  'UklGRi4CAABXRUJQVlA4WAoAAAAgAAAABwAAAwAASUNDUMgBAAAAAAHIAAAAAAQwAABtbnRyUkdCIFhZWiAH4AABAAEAAAAAAABhY3NwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQAA9tYAAQAAAADTLQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAlkZXNjAAAA8AAAACRyWFlaAAABFAAAABRnWFlaAAABKAAAABRiWFlaAAABPAAAABR3dHB0AAABUAAAABRyVFJDAAABZAAAAChnVFJDAAABZAAAAChiVFJDAAABZAAAAChjcHJ0AAABjAAAADxtbHVjAAAAAAAAAAEAAAAMZW5VUwAAAAgAAAAcAHMAUgBHAEJYWVogAAAAAAAAb6IAADj1AAADkFhZWiAAAAAAAABimQAAt4UAABjaWFlaIAAAAAAAACSgAAAPhAAAts9YWVogAAAAAAAA9tYAAQAAAADTLXBhcmEAAAAAAAQAAAACZmYAAPKnAAANWQAAE9AAAApbAAAAAAAAAABtbHVjAAAAAAAAAAEAAAAMZW5VUwAAACAAAAAcAEcAbwBvAGcAbABlACAASQBuAGMALgAgADIAMAAxADZWUDggQAAAADACAJ0BKggABAACwEwlqAJ0cgCr/9wABwYAAP7uV94zz7SAUfHppD/yiZPHppD4z8l+BEsm/6Gon8CJZN1HAAA=',
  'base64',
);

/** A minimal GIF89a (1×1, two colours). */
export const GIF = Buffer.from('R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==', 'base64');

export interface Spot {
  latitude: number;
  longitude: number;
}

/** Degrees as Exif writes them: three rationals (degrees, minutes, seconds in hundredths). */
function rationals(value: number): number[] {
  const degrees = Math.floor(Math.abs(value));
  const minutesFull = (Math.abs(value) - degrees) * 60;
  const minutes = Math.floor(minutesFull);
  const hundredths = Math.round((minutesFull - minutes) * 60 * 100);
  return [degrees, 1, minutes, 1, hundredths, 100];
}

/**
 * Exif as a phone writes it (little-endian TIFF): IFD0 with Orientation and the GPS pointer; the
 * GPS IFD with latitude and longitude (N/E) and their rationals after it.
 */
export function exifTiff({ spot, orientation = 6 }: { spot: Spot; orientation?: number }): Buffer {
  const tiff = Buffer.alloc(140);
  tiff.write('II', 0, 'latin1');
  tiff.writeUInt16LE(42, 2);
  tiff.writeUInt32LE(8, 4);
  const entry = (at: number, tag: number, type: number, count: number, value: (b: Buffer, at: number) => void) => {
    tiff.writeUInt16LE(tag, at);
    tiff.writeUInt16LE(type, at + 2);
    tiff.writeUInt32LE(count, at + 4);
    value(tiff, at + 8);
  };
  // IFD0 at 8: two entries, then the next-IFD offset (none).
  tiff.writeUInt16LE(2, 8);
  entry(10, 0x0112, 3, 1, (b, at) => b.writeUInt16LE(orientation, at));
  entry(22, 0x8825, 4, 1, (b, at) => b.writeUInt32LE(38, at));
  tiff.writeUInt32LE(0, 34);
  // GPS IFD at 38: four entries; the rationals at 92 and 116.
  tiff.writeUInt16LE(4, 38);
  entry(40, 0x0001, 2, 2, (b, at) => b.write('N\0', at, 'latin1'));
  entry(52, 0x0002, 5, 3, (b, at) => b.writeUInt32LE(92, at));
  entry(64, 0x0003, 2, 2, (b, at) => b.write('E\0', at, 'latin1'));
  entry(76, 0x0004, 5, 3, (b, at) => b.writeUInt32LE(116, at));
  tiff.writeUInt32LE(0, 88);
  rationals(spot.latitude).forEach((n, i) => tiff.writeUInt32LE(n, 92 + i * 4));
  rationals(spot.longitude).forEach((n, i) => tiff.writeUInt32LE(n, 116 + i * 4));
  return tiff;
}

/** An XMP packet that repeats the location, as photo editors write it. */
export function xmpPacket(spot: Spot): string {
  return (
    '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
    `<rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="${spot.latitude}N" exif:GPSLongitude="${spot.longitude}E"/>` +
    '</rdf:RDF></x:xmpmeta>'
  );
}

const jpegSegment = (marker: number, payload: Buffer) => {
  const head = Buffer.from([0xff, marker, 0, 0]);
  head.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([head, payload]);
};

/** The JPEG with an APP1 Exif segment (and an APP1 XMP one, if asked) right after its JFIF header. */
export function jpegWithLocation(spot: Spot, { xmp = false, jpeg = JPEG }: { xmp?: boolean; jpeg?: Buffer } = {}): Buffer {
  const app0End = 4 + jpeg.readUInt16BE(4);
  const exif = jpegSegment(0xe1, Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), exifTiff({ spot })]));
  const xmpSegment = xmp ? [jpegSegment(0xe1, Buffer.from(`http://ns.adobe.com/xap/1.0/\0${xmpPacket(spot)}`, 'latin1'))] : [];
  return Buffer.concat([jpeg.subarray(0, app0End), exif, ...xmpSegment, jpeg.subarray(app0End)]);
}

const pngChunk = (type: string, data: Buffer) => {
  const chunk = Buffer.alloc(12 + data.length);
  chunk.writeUInt32BE(data.length, 0);
  chunk.write(type, 4, 'latin1');
  data.copy(chunk, 8);
  chunk.writeUInt32BE(crc32(chunk.subarray(4, 8 + data.length)), 8 + data.length);
  return chunk;
};

/** The PNG with an eXIf chunk and an iTXt XMP chunk after its IHDR. */
export function pngWithLocation(spot: Spot, png = PNG): Buffer {
  const ihdrEnd = 8 + 12 + png.readUInt32BE(8);
  const xmp = Buffer.concat([Buffer.from('XML:com.adobe.xmp\0\0\0\0\0', 'latin1'), Buffer.from(xmpPacket(spot))]);
  return Buffer.concat([png.subarray(0, ihdrEnd), pngChunk('eXIf', exifTiff({ spot })), pngChunk('iTXt', xmp), png.subarray(ihdrEnd)]);
}

const riffChunk = (type: string, data: Buffer) => {
  const head = Buffer.alloc(8);
  head.write(type, 0, 'latin1');
  head.writeUInt32LE(data.length, 4);
  return Buffer.concat([head, data, data.length % 2 ? Buffer.alloc(1) : Buffer.alloc(0)]);
};

/** The WebP with EXIF and XMP chunks at its end and their flags set in VP8X. */
export function webpWithLocation(spot: Spot, webp = WEBP): Buffer {
  const body = Buffer.concat([webp.subarray(12), riffChunk('EXIF', exifTiff({ spot })), riffChunk('XMP ', Buffer.from(xmpPacket(spot)))]);
  const out = Buffer.concat([webp.subarray(0, 12), body]);
  out.writeUInt32LE(out.length - 8, 4);
  out[20] = out[20]! | 0x08 | 0x04;
  return out;
}

/** The GPS IFD's tags as bytes: where they are found, a location survived. */
export function hasGpsRationals(photo: Buffer, spot: Spot): boolean {
  const latitude = Buffer.alloc(24);
  rationals(spot.latitude).forEach((n, i) => latitude.writeUInt32LE(n, i * 4));
  return photo.includes(latitude) || photo.includes(Buffer.from(String(spot.latitude)));
}
