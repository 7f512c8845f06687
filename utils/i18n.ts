/** UI strings follow the browser's language through public/_locales (zh_CN default, en). */
import { browser } from 'wxt/browser';
import type enMessages from '../public/_locales/en/messages.json';
import type { ClipFailure } from './messages';

export type MessageKey = keyof typeof enMessages;

const getMessage = browser.i18n.getMessage as (name: string, substitutions?: string[]) => string;

export function t(key: MessageKey, substitution?: string): string {
  return getMessage(key, substitution === undefined ? undefined : [substitution]) || key;
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

/** A date as the user's locale writes it. */
export function formatDateTime(iso: string | null): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(browser.i18n.getUILanguage(), { dateStyle: 'medium', timeStyle: 'short' });
}
