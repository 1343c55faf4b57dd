import type { TFunction } from 'i18next';
import { hotlineTimeZone } from './hotline-zone.ts';

/** 2026/11/22 14:05 in Chinese, 11/22/2026, 14:05 in English: always 24-hour, to the minute, on the hotline's clock. */
export function formatDateTime(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language, {
    timeZone: hotlineTimeZone(),
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(new Date(iso));
}

export function formatTime(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language, { timeZone: hotlineTimeZone(), hour: '2-digit', minute: '2-digit', hour12: false }).format(new Date(iso));
}

/** How long something has waited, coarse enough to read at a glance ("3分钟", "2小时5分钟"). */
export function formatDuration(ms: number, t: TFunction): string {
  const minutes = Math.floor(Math.max(0, ms) / 60_000);
  if (minutes < 1) return t('duration.lessThanMinute');
  if (minutes < 60) return t('duration.minutes', { count: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 ? t('duration.hoursMinutes', { hours, minutes: minutes % 60 }) : t('duration.hours', { count: hours });
  const days = Math.floor(hours / 24);
  return hours % 24 ? t('duration.daysHours', { days, hours: hours % 24 }) : t('duration.days', { count: days });
}

/** A random id for idempotent submissions; `crypto.randomUUID` exists only on secure origins (https, localhost). */
export function randomId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The hotline's zone as people call it: 北京时间 / Beijing time for China, else the zone's own long name. */
export function zoneName(t: TFunction, language: string): string {
  const zone = hotlineTimeZone();
  if (zone === 'Asia/Shanghai') return t('time.beijing');
  const part = new Intl.DateTimeFormat(language, { timeZone: zone, timeZoneName: 'long' }).formatToParts(new Date()).find((p) => p.type === 'timeZoneName');
  return part?.value ?? zone;
}
