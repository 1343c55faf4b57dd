import { en } from './en.ts';
import { type CitizenTexts, zhCN } from './zh-CN.ts';

export const citizenLanguages = ['zh-CN', 'en'] as const;
export type CitizenLanguage = (typeof citizenLanguages)[number];

const catalogues: Record<CitizenLanguage, CitizenTexts> = { 'zh-CN': zhCN, en };

/** The catalogue of what the hotline says to citizens, in the hotline's language. */
export function citizenTexts(language: CitizenLanguage): CitizenTexts {
  return catalogues[language];
}

/** A time as citizens read it in texts and speech (2026年11月25日 17:30), in the hotline's time zone. */
export function citizenTime(texts: CitizenTexts, at: Date | string, timeZone: string): string {
  return new Intl.DateTimeFormat(texts.locale, {
    timeZone,
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(new Date(at));
}
