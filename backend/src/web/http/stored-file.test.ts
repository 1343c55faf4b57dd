import { describe, expect, it } from 'vitest';
import { storedFileHeaders } from './stored-file.ts';

describe('the headers a stored file is served with', () => {
  it('serve a photo as its stored type, inline, nosniff and sandboxed', () => {
    expect(storedFileHeaders({ contentType: 'image/webp', fileName: 'hole.webp' })).toEqual({
      'content-type': 'image/webp',
      'content-disposition': 'inline; filename=hole.webp',
      'x-content-type-options': 'nosniff',
      'content-security-policy': "sandbox; default-src 'none'",
      'cross-origin-resource-policy': 'same-origin',
      'cache-control': 'private, max-age=3600',
    });
  });

  it.each(['image/png, text/html', 'image/jpeg, text/javascript', 'text/html', 'image/svg+xml', 'IMAGE/PNG', ''])(
    'never echo a stored type outside the photo types (%j, from before types were read from bytes): octet-stream, as a download',
    (contentType) => {
      const headers = storedFileHeaders({ contentType, fileName: 'x.png' });
      expect(headers['content-type']).toBe('application/octet-stream');
      expect(headers['content-disposition']).toBe('attachment; filename=x.png');
    },
  );

  it.each([
    ['a\r\nSet-Cookie: s=1.png', 'inline; filename="aSet-Cookie: s=1.png"'],
    ['a"; filename="evil.html', `inline; filename="a_; filename=_evil.html"; filename*=UTF-8''a%22%3B%20filename%3D%22evil.html`],
    ['路面坑.jpg', `inline; filename=___.jpg; filename*=UTF-8''%E8%B7%AF%E9%9D%A2%E5%9D%91.jpg`],
    ['100%.png', `inline; filename=100_.png; filename*=UTF-8''100%25.png`],
    ['../../etc/passwd', 'inline; filename=passwd'],
    [null, 'inline'],
    ['\u0000', 'inline'],
  ])('make the name %j into %s', (fileName, disposition) => {
    expect(storedFileHeaders({ contentType: 'image/png', fileName })['content-disposition']).toBe(disposition);
  });
});
