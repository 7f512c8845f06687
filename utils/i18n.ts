/** UI strings follow the browser's language through public/_locales (zh_CN default, en). */
import { browser } from 'wxt/browser';
import type enMessages from '../public/_locales/en/messages.json';
import type { ClipFailure } from './messages';

export type MessageKey = keyof typeof enMessages;

const getMessage = browser.i18n.getMessage as (name: string, substitutions?: string[]) => string;

export function t(key: MessageKey, substitution?: string | string[]): string {
  const substitutions = substitution === undefined ? undefined : [substitution].flat();
  return getMessage(key, substitutions) || key;
}

const FAILURE_KEYS: Record<ClipFailure['code'], MessageKey> = {
  'restricted-page': 'error_restricted_page',
  'no-article': 'error_no_article',
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
