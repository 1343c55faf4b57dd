import type { Open311SettingsInput, Open311SettingsView } from '@hotline/backend/api-types';

/** The form as typed: the service-code mapping one `category=code` per line. */
export interface Open311Form {
  enabled: boolean;
  baseUrl: string;
  apiKey: string;
  jurisdictionId: string;
  serviceCodes: string;
  pollIntervalSeconds: string;
}

export function formOf(view: Open311SettingsView): Open311Form {
  return {
    enabled: view.configured ? view.enabled : true,
    baseUrl: view.baseUrl ?? '',
    apiKey: '',
    jurisdictionId: view.jurisdictionId ?? '',
    serviceCodes: Object.entries(view.serviceCodes)
      .map(([category, code]) => `${category}=${code}`)
      .join('\n'),
    pollIntervalSeconds: String(view.pollIntervalSeconds),
  };
}

/** `city-appearance=WTR-12` lines → the mapping; blank lines are skipped, a line without `=` is named. */
export function parseServiceCodes(text: string): { codes: Record<string, string> } | { badLine: string } {
  const codes: Record<string, string> = {};
  for (const line of text.split('\n').map((l) => l.trim())) {
    if (!line) continue;
    const [category, code] = line.split('=').map((part) => part.trim());
    if (!category || !code) return { badLine: line };
    codes[category] = code;
  }
  return { codes };
}

/** What is sent: a blank key keeps the stored one. */
export function inputOf(form: Open311Form, codes: Record<string, string>): Open311SettingsInput {
  return {
    enabled: form.enabled,
    baseUrl: form.baseUrl.trim(),
    ...(form.apiKey.trim() ? { apiKey: form.apiKey.trim() } : {}),
    jurisdictionId: form.jurisdictionId.trim() || null,
    serviceCodes: codes,
    pollIntervalSeconds: Number(form.pollIntervalSeconds),
  };
}
