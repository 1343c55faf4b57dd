import type { ChatLine, PublicAppeal } from '@hotline/backend/api-types';
import { apiRequest } from '../shared/api.ts';
import type { TerritoryCollection } from './territory.ts';

export interface AppealFormValues {
  text: string;
  name: string;
  phone: string;
  address: string;
  point: { latitude: number; longitude: number } | null;
  clientSubmissionId: string;
}

/** The public API the citizen page uses; the server keeps the visitor's identity in an httpOnly cookie. */
export const citizenApi = {
  territory: (signal?: AbortSignal) => apiRequest<TerritoryCollection>('/api/public/territory', { signal }),

  /** JSON normally; multipart only when there are photos to carry. */
  submitAppeal(values: AppealFormValues, photos: File[]) {
    const fields: Record<string, string | number | undefined> = {
      text: values.text.trim(),
      name: values.name.trim() || undefined,
      phone: values.phone.trim() || undefined,
      address: values.address.trim() || undefined,
      latitude: values.point?.latitude,
      longitude: values.point?.longitude,
      clientSubmissionId: values.clientSubmissionId,
    };
    if (photos.length === 0) return apiRequest<{ caseNumber: string }>('/api/public/appeals', { json: fields });
    const form = new FormData();
    for (const [key, value] of Object.entries(fields)) if (value !== undefined) form.append(key, String(value));
    for (const photo of photos) form.append('photos', photo, photo.name);
    return apiRequest<{ caseNumber: string }>('/api/public/appeals', { form });
  },

  lookup: (caseNumber: string) => apiRequest<PublicAppeal>(`/api/public/appeals/${encodeURIComponent(caseNumber)}`),

  chat: () => apiRequest<{ lines: ChatLine[] }>('/api/public/chat'),

  sendChat: (text: string, clientMessageId: string) => apiRequest<{ line: ChatLine }>('/api/public/chat/messages', { json: { text, clientMessageId } }),
};
