import { describe, expect, it } from 'vitest';
import { InvalidInboundError, MAX_PHOTO_BYTES } from '../types.ts';
import { JPEG, PNG } from '../testing/photos.ts';
import { normalizePhone, parseWebAppeal, parseWebChat, readWebPhotos, webAppealFormSchema } from './form.ts';

const meta = { sessionHash: 'abc123', submissionId: 'sub-0001', receivedAt: new Date('2026-11-22T08:00:00Z'), attachments: [] };

describe('the web appeal form', () => {
  it('becomes one normalized inbound message that always opens a new appeal', () => {
    const form = webAppealFormSchema.parse({
      text: ' 路灯不亮 ',
      name: '王',
      phone: '138-0013-8000',
      address: '青禾路1号',
      latitude: '30.21',
      longitude: '120.11',
    });
    expect(parseWebAppeal(form, meta)).toEqual({
      channel: 'web',
      sender: { kind: 'web_session', value: 'abc123' },
      otherIdentities: [{ kind: 'phone', value: '13800138000' }],
      senderName: '王',
      text: '路灯不亮',
      attachments: [],
      location: { latitude: 30.21, longitude: 120.11 },
      address: '青禾路1号',
      providerMessageId: 'form:sub-0001',
      receivedAt: meta.receivedAt,
      startsNewAppeal: true,
    });
  });

  it('treats empty optional fields as absent', () => {
    const form = webAppealFormSchema.parse({ text: '有事', name: '', phone: '', address: '  ' });
    expect(parseWebAppeal(form, meta)).toMatchObject({ otherIdentities: [], senderName: undefined, address: undefined, location: undefined });
  });

  it.each([
    [{ text: '' }, 'text'],
    [{ text: 'x'.repeat(4001) }, 'text'],
    [{ text: '坑', phone: 'call me' }, 'phone'],
    [{ text: '坑', latitude: 30.2 }, 'longitude'],
    [{ text: '坑', latitude: 100, longitude: 120 }, 'latitude'],
  ])('refuses %j (field %s)', (input, field) => {
    const result = webAppealFormSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path[0])).toContain(field);
  });
});

describe('the web chat', () => {
  it('follows up the conversation rather than opening a new appeal', () => {
    const inbound = parseWebChat(
      { text: '还有一件事', clientMessageId: 'msg-00001' },
      { sessionHash: 'abc', messageId: 'msg-00001', receivedAt: meta.receivedAt },
    );
    expect(inbound).toMatchObject({ providerMessageId: 'chat:msg-00001', startsNewAppeal: false, sender: { kind: 'web_session', value: 'abc' } });
  });
});

describe('photos', () => {
  const photo = (type: string, bytes: Buffer, name = 'p') => ({ type, size: bytes.length, name, bytes: async () => new Uint8Array(bytes) });

  it('keeps images as attachments, typed by their bytes', async () => {
    expect(await readWebPhotos([photo('image/jpeg', JPEG)])).toEqual([{ contentType: 'image/jpeg', fileName: 'p', data: JPEG }]);
    expect(await readWebPhotos([photo('image/jpeg', PNG, 'a/b.jpg')])).toEqual([{ contentType: 'image/png', fileName: 'b.jpg', data: PNG }]);
  });

  it('refuses a file that is not an image, and an image over 10 MB', async () => {
    await expect(readWebPhotos([photo('application/pdf', Buffer.from('%PDF-1.4'))])).rejects.toMatchObject({ reason: 'unsupported_media_type' });
    await expect(readWebPhotos([photo('image/png', Buffer.from('<html>'))])).rejects.toMatchObject({ reason: 'unsupported_media_type' });
    const big = { ...photo('image/png', PNG), size: MAX_PHOTO_BYTES + 1 };
    await expect(readWebPhotos([big])).rejects.toBeInstanceOf(InvalidInboundError);
    await expect(readWebPhotos([big])).rejects.toMatchObject({ reason: 'too_large' });
  });
});

describe('phone numbers', () => {
  it('compare as digits with an optional +', () => {
    expect(normalizePhone('138 0013 8000')).toBe('13800138000');
    expect(normalizePhone('+86 138-0013-8000')).toBe('+8613800138000');
  });
});
