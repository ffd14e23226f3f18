// Durations as staff read them at a glance: "12 min", "3 h 5 min", "2 d 4 h".
import { t } from './i18n.js';

const minute = 60_000;

export function duration(ms) {
  const minutes = Math.floor(Math.abs(ms) / minute);
  if (minutes < 60) return t('time.minutes', { n: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return t('time.hours', { h: hours, m: minutes % 60 });
  return t('time.days', { d: Math.floor(hours / 24), h: hours % 24 });
}

/** A moment as the staff member's locale writes a date and time. */
export function moment(iso, locale) {
  return new Date(iso).toLocaleString(locale, { dateStyle: 'short', timeStyle: 'short' });
}
