/**
 * Where a photo was taken, taken out of it before it is stored: a citizen's photo of a pothole
 * must not tell staff (or anyone it is forwarded to) where the citizen lives.
 *
 * - Exif (JPEG APP1 "Exif", PNG eXIf, WebP EXIF): the GPS IFD is zeroed and its pointer removed
 *   from IFD0, in place, so every other offset stays valid and the rest of the Exif — the
 *   orientation above all, without which a phone's portrait photo shows on its side — is kept.
 *   Exif that cannot be walked safely is dropped whole.
 * - XMP (which can repeat the GPS tags), IPTC/Photoshop blocks, PNG text chunks and GIF comment
 *   and XMP extensions are dropped whole: nothing needed to show the picture lives there.
 *
 * No library does this without a native binary (exiftool, libvips) or without dropping the whole
 * Exif (and so the orientation), hence a byte-level walker. A file whose structure does not hold
 * together is refused (`UnreadablePhotoError`) rather than stored with its metadata unchecked.
 */
export class UnreadablePhotoError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnreadablePhotoError';
  }
}

export type LocatableType = 'image/jpeg' | 'image/png' | 'image/webp' | 'image/gif';

/** The photo without its location; `bytes` itself is not changed. */
export function stripLocation(bytes: Buffer, type: LocatableType): Buffer {
  switch (type) {
    case 'image/jpeg':
      return stripJpeg(bytes);
    case 'image/png':
      return stripPng(bytes);
    case 'image/webp':
      return stripWebp(bytes);
    case 'image/gif':
      return stripGif(bytes);
  }
}

function unreadable(what: string): never {
  throw new UnreadablePhotoError(what);
}

// ---------------------------------------------------------------------------------------------
// Exif (TIFF structure), shared by the three formats that carry it

const GPS_POINTER = 0x8825;
/** Bytes per value of each TIFF field type (1 BYTE … 13 IFD). */
const TYPE_SIZES: Record<number, number> = { 1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8, 13: 4 };

/**
 * Zeroes the GPS IFD (its entries and the values they point to) and removes its pointer from
 * IFD0, in place in `tiff` (a view of the photo's copy). False when the structure does not hold
 * together: the caller then drops the whole Exif block.
 */
export function clearExifGps(tiff: Buffer): boolean {
  if (tiff.length < 8) return false;
  const order = tiff.toString('latin1', 0, 2);
  if (order !== 'II' && order !== 'MM') return false;
  const le = order === 'II';
  const u16 = (at: number) => (le ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at));
  const u32 = (at: number) => (le ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at));
  if (u16(2) !== 42) return false;
  const ifd0 = u32(4);
  if (ifd0 < 8 || ifd0 + 2 > tiff.length) return false;
  const count = u16(ifd0);
  if (ifd0 + 2 + count * 12 + 4 > tiff.length) return false;
  // Every GPS pointer (a forged file may hold more than one), last first so the earlier ones stay put.
  for (let i = count - 1, left = count; i >= 0; i--) {
    const entry = ifd0 + 2 + i * 12;
    if (u16(entry) !== GPS_POINTER) continue;
    if (!zeroIfd(tiff, u32(entry + 8), u16, u32)) return false;
    // Entries after the pointer (and the next-IFD offset) move up one place; the freed last 12 bytes are zeroed.
    const end = ifd0 + 2 + left * 12 + 4;
    tiff.copy(tiff, entry, entry + 12, end);
    tiff.fill(0, end - 12, end);
    left--;
    if (le) tiff.writeUInt16LE(left, ifd0);
    else tiff.writeUInt16BE(left, ifd0);
  }
  return true;
}

function zeroIfd(tiff: Buffer, at: number, u16: (at: number) => number, u32: (at: number) => number): boolean {
  if (at < 8 || at + 2 > tiff.length) return false;
  const count = u16(at);
  const end = at + 2 + count * 12 + 4;
  if (end > tiff.length) return false;
  for (let i = 0; i < count; i++) {
    const entry = at + 2 + i * 12;
    const size = (TYPE_SIZES[u16(entry + 2)] ?? 1) * u32(entry + 4);
    if (size <= 4) continue;
    const value = u32(entry + 8);
    if (value + size > tiff.length) return false;
    tiff.fill(0, value, value + size);
  }
  tiff.fill(0, at, end);
  return true;
}

// ---------------------------------------------------------------------------------------------
// JPEG: APP1 Exif cleared, APP1 XMP and APP13 (IPTC/Photoshop) dropped

const EXIF_HEADER = Buffer.from('Exif\0\0', 'latin1');
const XMP_HEADERS = ['http://ns.adobe.com/xap/1.0/\0', 'http://ns.adobe.com/xmp/extension/\0'].map((h) => Buffer.from(h, 'latin1'));
const startsWith = (data: Buffer, prefix: Buffer) => data.length >= prefix.length && data.subarray(0, prefix.length).equals(prefix);

function stripJpeg(bytes: Buffer): Buffer {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) unreadable('not a JPEG file');
  const kept: Buffer[] = [bytes.subarray(0, 2)];
  let at = 2;
  while (at < bytes.length) {
    if (bytes[at] !== 0xff) unreadable('the JPEG file is damaged');
    const marker = bytes[at + 1];
    if (marker === undefined) unreadable('the JPEG file is cut short');
    if (marker === 0xff) {
      at++; // fill byte
      continue;
    }
    // Start of scan or end of image: the rest is picture data, copied as it is.
    if (marker === 0xda || marker === 0xd9) {
      kept.push(bytes.subarray(at));
      return Buffer.concat(kept);
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      kept.push(bytes.subarray(at, at + 2));
      at += 2;
      continue;
    }
    if (at + 4 > bytes.length) unreadable('the JPEG file is cut short');
    const end = at + 2 + bytes.readUInt16BE(at + 2);
    if (end > bytes.length || end < at + 4) unreadable('the JPEG file is damaged');
    const segment = Buffer.from(bytes.subarray(at, end));
    const payload = segment.subarray(4);
    if (marker === 0xe1 && startsWith(payload, EXIF_HEADER)) {
      if (clearExifGps(payload.subarray(EXIF_HEADER.length))) kept.push(segment);
    } else if (!(marker === 0xe1 && XMP_HEADERS.some((h) => startsWith(payload, h))) && marker !== 0xed) {
      kept.push(segment);
    }
    at = end;
  }
  return unreadable('the JPEG file has no picture data');
}

// ---------------------------------------------------------------------------------------------
// PNG: eXIf cleared (and its CRC recomputed), tEXt/zTXt/iTXt (XMP, ImageMagick's raw Exif) dropped

/** PNG's CRC-32 (zlib's `crc32` is not in every Node 20 this project supports). */
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const byte of data) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const PNG_TEXT_CHUNKS = new Set(['tEXt', 'zTXt', 'iTXt']);

function stripPng(bytes: Buffer): Buffer {
  if (!startsWith(bytes, PNG_SIGNATURE)) unreadable('not a PNG file');
  const kept: Buffer[] = [PNG_SIGNATURE];
  let at = PNG_SIGNATURE.length;
  while (at + 12 <= bytes.length) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    const end = at + 12 + length;
    if (end > bytes.length) unreadable('the PNG file is cut short');
    const chunk = Buffer.from(bytes.subarray(at, end));
    if (type === 'eXIf') {
      if (clearExifGps(chunk.subarray(8, 8 + length))) {
        chunk.writeUInt32BE(crc32(chunk.subarray(4, 8 + length)), 8 + length);
        kept.push(chunk);
      }
    } else if (!PNG_TEXT_CHUNKS.has(type)) {
      kept.push(chunk);
    }
    at = end;
    if (type === 'IEND') return Buffer.concat(kept);
  }
  return unreadable('the PNG file has no end');
}

// ---------------------------------------------------------------------------------------------
// WebP (RIFF): EXIF cleared, XMP dropped (and its flag in VP8X cleared), the RIFF size rewritten

const VP8X_XMP_FLAG = 0x04;
const VP8X_EXIF_FLAG = 0x08;

function stripWebp(bytes: Buffer): Buffer {
  if (bytes.length < 12 || bytes.toString('latin1', 0, 4) !== 'RIFF' || bytes.toString('latin1', 8, 12) !== 'WEBP') unreadable('not a WebP file');
  const riffEnd = 8 + bytes.readUInt32LE(4);
  if (riffEnd > bytes.length) unreadable('the WebP file is cut short');
  const kept: Buffer[] = [];
  let dropped = 0;
  let at = 12;
  while (at + 8 <= riffEnd) {
    const type = bytes.toString('latin1', at, at + 4);
    const size = bytes.readUInt32LE(at + 4);
    const end = at + 8 + size + (size % 2);
    if (at + 8 + size > riffEnd) unreadable('the WebP file is damaged');
    const chunk = Buffer.from(bytes.subarray(at, Math.min(end, riffEnd)));
    const data = chunk.subarray(8, 8 + size);
    // Some writers put the JPEG "Exif\0\0" header before the TIFF data.
    const tiff = startsWith(data, EXIF_HEADER) ? data.subarray(EXIF_HEADER.length) : data;
    if (type === 'XMP ' || (type === 'EXIF' && !clearExifGps(tiff))) dropped |= type === 'XMP ' ? VP8X_XMP_FLAG : VP8X_EXIF_FLAG;
    else kept.push(chunk);
    at = end;
  }
  const vp8x = kept.find((chunk) => chunk.toString('latin1', 0, 4) === 'VP8X');
  if (vp8x && vp8x.length > 8) vp8x[8] = vp8x[8]! & ~dropped;
  const body = Buffer.concat(kept);
  const header = Buffer.from('RIFF\0\0\0\0WEBP', 'latin1');
  header.writeUInt32LE(4 + body.length, 4);
  return Buffer.concat([header, body]);
}

// ---------------------------------------------------------------------------------------------
// GIF: comment extensions and the XMP application extension dropped

function stripGif(bytes: Buffer): Buffer {
  const signature = bytes.toString('latin1', 0, 6);
  if (signature !== 'GIF87a' && signature !== 'GIF89a') unreadable('not a GIF file');
  if (bytes.length < 13) unreadable('the GIF file is cut short');
  const flags = bytes[10]!;
  let at = 13 + (flags & 0x80 ? 3 * 2 ** ((flags & 0x07) + 1) : 0);
  const kept: Buffer[] = [bytes.subarray(0, at)];
  /** The end of the data sub-blocks starting at `from` (after their zero terminator). */
  const subBlocksEnd = (from: number) => {
    let p = from;
    while (p < bytes.length && bytes[p] !== 0) p += 1 + bytes[p]!;
    if (p >= bytes.length) unreadable('the GIF file is cut short');
    return p + 1;
  };
  while (at < bytes.length) {
    const introducer = bytes[at];
    if (introducer === 0x3b) {
      kept.push(bytes.subarray(at, at + 1));
      return Buffer.concat(kept);
    }
    if (introducer === 0x2c) {
      if (at + 10 > bytes.length) unreadable('the GIF file is cut short');
      const local = bytes[at + 9]!;
      const codeSizeAt = at + 10 + (local & 0x80 ? 3 * 2 ** ((local & 0x07) + 1) : 0);
      const end = subBlocksEnd(codeSizeAt + 1);
      kept.push(bytes.subarray(at, end));
      at = end;
    } else if (introducer === 0x21) {
      const label = bytes[at + 1];
      const end = subBlocksEnd(at + 2);
      const application = label === 0xff ? bytes.toString('latin1', at + 3, at + 14) : '';
      if (label !== 0xfe && application !== 'XMP DataXMP') kept.push(bytes.subarray(at, end));
      at = end;
    } else {
      unreadable('the GIF file is damaged');
    }
  }
  return unreadable('the GIF file has no end');
}
