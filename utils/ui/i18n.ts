/** UI strings follow the browser's language through public/_locales (zh_CN default, en). */
import { browser } from 'wxt/browser';
import type enMessages from '../../public/_locales/en/messages.json';
import type { ClipFailure } from '../protocol/messages';

export type MessageKey = keyof typeof enMessages;

const getMessage = browser.i18n.getMessage as (name: string, substitutions?: string[]) => string;

export function t(key: MessageKey, substitution?: string | string[]): string {
  const substitutions = substitution === undefined ? undefined : [substitution].flat();
  return getMessage(key, substitutions) || key;
}

const FAILURE_KEYS: Record<ClipFailure['code'], MessageKey> = {
  'restricted-page': 'error_restricted_page',
  'no-article': 'error_no_article',
  'page-gone': 'error_page_gone',
  'not-html': 'error_not_html',
  frameset: 'error_frameset',
  'injection-failed': 'error_injection_failed',
  timeout: 'error_timeout',
  internal: 'error_internal',
  'storage-full': 'error_storage_full',
  'storage-failed': 'error_storage_failed',
  interrupted: 'error_interrupted',
};

export function failureMessage(error: ClipFailure): string {
  return t(FAILURE_KEYS[error.code]);
}

// one formatter for every date: making one per call costs more than the list it formats
let dateFormat: Intl.DateTimeFormat | undefined;

/** A date as the user's locale writes it. */
export function formatDateTime(iso: string | null): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  dateFormat ??= new Intl.DateTimeFormat(browser.i18n.getUILanguage(), {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
  return dateFormat.format(date);
}

/**
 * The wall-clock time an ISO string states in its own offset, as a Date to be read in UTC: a Chinese
 * page's 2019-03-20T11:58:00+08:00 is shown as 11:58 wherever the reader is, as the page showed it.
 */
export function wallClockOf(iso: string): Date | null {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  const offset = /([+-])(\d{2}):?(\d{2})$/.exec(iso);
  if (!offset) return /Z$/i.test(iso) ? date : null;
  const minutes = (offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3]));
  return new Date(date.getTime() + minutes * 60_000);
}

let wallClockFormat: Intl.DateTimeFormat | undefined;

/** A publish time as the page stated it (in the site's offset), in the user's locale. */
export function formatPublished(iso: string | null): string {
  if (!iso) return '';
  const wallClock = wallClockOf(iso);
  if (!wallClock) return formatDateTime(iso);
  wallClockFormat ??= new Intl.DateTimeFormat(browser.i18n.getUILanguage(), {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'UTC',
  });
  return wallClockFormat.format(wallClock);
}

/** A byte count as the user's locale writes it (kB, MB, GB). */
export function formatBytes(bytes: number): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return new Intl.NumberFormat(browser.i18n.getUILanguage(), {
    style: 'unit',
    unit: units[unit],
    unitDisplay: 'short',
    maximumFractionDigits: value < 10 && unit > 0 ? 1 : 0,
  }).format(value);
}
