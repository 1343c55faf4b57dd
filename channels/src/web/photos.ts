import { fileTypeFromBuffer } from 'file-type';
import { InvalidInboundError } from '../types.ts';
import { UnreadablePhotoError, stripLocation } from './photo-location.ts';

/**
 * The only types a stored photo has. The type is read from the file's bytes, never taken from
 * the sender, and a stored photo is served with exactly this type (anything else stored is served
 * as application/octet-stream).
 */
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'] as const;
export type PhotoType = (typeof PHOTO_TYPES)[number];
export const isPhotoType = (type: string | null | undefined): type is PhotoType => (PHOTO_TYPES as readonly string[]).includes(type ?? '');

/** What file-type names each kept format (an animated PNG is a PNG). */
const DETECTED: Record<string, PhotoType> = {
  'image/jpeg': 'image/jpeg',
  'image/png': 'image/png',
  'image/apng': 'image/png',
  'image/webp': 'image/webp',
  'image/gif': 'image/gif',
};
const HEIC = /^image\/hei[cf]/;

/** A declared type is one media type or nothing: a list (`image/png, text/html`) is an attack on the browser that shows it. */
const ONE_MEDIA_TYPE = /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/i;

/** Controls, bidirectional overrides (`gpj.exe`) and path separators have no place in a file name. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this removes
const NOT_IN_NAMES = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** The name a photo is stored and offered under: its last path part, without controls, at most 255 characters; none if nothing is left. */
export function photoFileName(name: string | null | undefined): string | undefined {
  const base = (name ?? '').split(/[/\\]/).pop()!.replace(NOT_IN_NAMES, '').trim();
  let cut = '';
  for (const char of base) {
    if (cut.length + char.length > 255) break;
    cut += char;
  }
  return cut || undefined;
}

export interface AcceptedPhoto {
  contentType: PhotoType;
  data: Buffer;
}

/**
 * A photo as it may be stored: a JPEG, PNG, WebP or GIF by its bytes, with its location taken
 * out (see photo-location.ts). Anything else is refused with `unsupported_media_type`; what the
 * sender declared only counts against it (a list of types is refused outright).
 */
export async function acceptPhoto(photo: { name: string; declaredType: string; bytes: Buffer }): Promise<AcceptedPhoto> {
  const what = photoFileName(photo.name) ?? 'a photo';
  if (photo.declaredType && !ONE_MEDIA_TYPE.test(photo.declaredType.trim())) {
    throw new InvalidInboundError('unsupported_media_type', `${what} declares "${photo.declaredType}", which is not one media type`);
  }
  const detected = (await fileTypeFromBuffer(photo.bytes))?.mime ?? '';
  const contentType = DETECTED[detected];
  if (!contentType) {
    const hint = HEIC.test(detected) ? ' (a HEIC photo: send it as JPEG)' : '';
    throw new InvalidInboundError('unsupported_media_type', `${what} is not a JPEG, PNG, WebP or GIF image${hint}`);
  }
  try {
    return { contentType, data: stripLocation(photo.bytes, contentType) };
  } catch (error) {
    if (error instanceof UnreadablePhotoError) throw new InvalidInboundError('unsupported_media_type', `${what} cannot be read: ${error.message}`);
    throw error;
  }
}
