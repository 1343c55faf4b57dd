import { create as contentDisposition } from 'content-disposition';
import { isPhotoType, photoFileName } from '@hotline/channels/web';

/**
 * How a file the hotline keeps (a citizen's photo, a department's report photo) is served: only
 * as itself, never as a page or a script on the hotline's origin, whatever its bytes or its
 * stored type say.
 * - `Content-Type` is one of the photo types, as read from the bytes when it was stored; anything
 *   else (a row stored before types were read from the bytes) is application/octet-stream, offered
 *   as a download.
 * - `nosniff`, so the browser does not second-guess that type; a CSP sandbox with nothing allowed,
 *   so that even a file opened as a page runs no script and reaches nothing, in an opaque origin.
 * - `Content-Disposition` built by the `content-disposition` package from the cleaned name (no
 *   controls, no path): quoted or RFC 5987-encoded (`filename*=UTF-8''…`) with an ASCII fallback,
 *   so a name cannot add a parameter or a header.
 */
export function storedFileHeaders(file: { contentType: string; fileName?: string | null }): Record<string, string> {
  const image = isPhotoType(file.contentType);
  const type = image ? 'inline' : 'attachment';
  const name = photoFileName(file.fileName);
  return {
    'content-type': image ? file.contentType : 'application/octet-stream',
    'content-disposition': name ? contentDisposition(name, { type, fallback: asciiFallback(name) }) : type,
    ...STORED_FILE_POLICY,
  };
}

/** What every answer about a stored file carries, its redirects to a provider's copy included. */
export const STORED_FILE_POLICY = {
  'x-content-type-options': 'nosniff',
  'content-security-policy': "sandbox; default-src 'none'",
  'cross-origin-resource-policy': 'same-origin',
  'cache-control': 'private, max-age=3600',
} as const;

/** The plain `filename` for clients without RFC 5987: printable ASCII, and none of the characters a lax parser might read (`"`, `\`, `%`). */
const asciiFallback = (name: string) => name.replace(/[^\x20-\x7e]|["\\%]/g, '_');
