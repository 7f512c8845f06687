/**
 * UI strings from public/_locales (zh_CN default, en): the browser's language, unless the settings
 * name one (browser.i18n cannot switch language, so the chosen messages.json is then read directly
 * and its placeholders substituted here the way the browser does).
 */
import { browser } from 'wxt/browser';
import type enMessages from '../../public/_locales/en/messages.json';
import type { ClipFailure } from '../protocol/messages';

export type MessageKey = keyof typeof enMessages;

interface LocaleMessage {
  message: string;
  placeholders?: Record<string, { content: string }>;
}
export type LocaleMessages = Record<string, LocaleMessage>;

const getMessage = browser.i18n.getMessage as (name: string, substitutions?: string[]) => string;

/** messages.json of the language the settings chose; null follows the browser */
let chosenMessages: LocaleMessages | null = null;

/** One message of a messages.json with its `$NAME$` placeholders and `$1`…`$9` filled in. */
export function fillMessage(entry: LocaleMessage | undefined, substitutions: string[] = []): string {
  if (!entry) return '';
  const byPosition = (text: string) =>
    text.replace(/\$(\d)/g, (_, n: string) => substitutions[Number(n) - 1] ?? '');
  return entry.message
    .replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => {
      const placeholder = entry.placeholders?.[name.toLowerCase()];
      return placeholder ? byPosition(placeholder.content) : whole;
    })
    .replace(/\$\$/g, '$');
}

export function t(key: MessageKey, substitution?: string | string[] | number): string {
  const substitutions = substitution === undefined ? undefined : [substitution].flat().map(String);
  if (chosenMessages) return fillMessage(chosenMessages[key], substitutions) || key;
  return getMessage(key, substitutions) || key;
}

/** The BCP 47 tag of the language the UI is shown in (for `<html lang>` and date formats). */
export function uiLocale(): string {
  return t('ui_locale');
}

/**
 * Shows this page in the language the settings chose ('auto': the browser's) and sets `<html lang>`
 * accordingly, so CJK text is drawn with Chinese, not Japanese, glyphs. Call before the first render.
 */
export async function applyUiLanguage(language: 'auto' | 'zh_CN' | 'en'): Promise<void> {
  chosenMessages = null;
  if (language !== 'auto') {
    try {
      const response = await fetch(browser.runtime.getURL(`/_locales/${language}/messages.json`));
      chosenMessages = (await response.json()) as LocaleMessages;
    } catch {
      // the browser's language is a fine fallback for a page that must show something
    }
  }
  dateFormat = undefined;
  wallClockFormats = new Map();
  if (typeof document !== 'undefined') document.documentElement.lang = uiLocale();
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

// one formatter per style: making one per call costs more than the list it formats
let dateFormat: Intl.DateTimeFormat | undefined;
let wallClockFormats: Map<string, Intl.DateTimeFormat> | undefined = new Map();

/** A date as the user's locale writes it. */
export function formatDateTime(iso: string | null): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  dateFormat ??= new Intl.DateTimeFormat(uiLocale(), {
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

/** How much of a publish time the page stated (utils/model/article.ts `publishedPrecision`). */
export type PublishedPrecision = 'year' | 'month' | 'day' | 'minute' | 'second';

const PRECISION_FORMATS: Record<PublishedPrecision, Intl.DateTimeFormatOptions> = {
  year: { year: 'numeric' },
  month: { year: 'numeric', month: 'long' },
  day: { dateStyle: 'medium' },
  minute: { dateStyle: 'medium', timeStyle: 'short' },
  second: { dateStyle: 'medium', timeStyle: 'medium' },
};

/**
 * A publish time as the page stated it, in the site's own offset and no more precisely than the
 * page gave it: a date-only page shows no time. A missing precision is read as 'minute' (clips made
 * before the extractor recorded it). Every publish time in the UI goes through this function.
 */
export function formatPublished(
  iso: string | null,
  precision?: PublishedPrecision | null,
  locale: string = uiLocale(),
): string {
  if (!iso) return '';
  const wallClock = wallClockOf(iso);
  if (!wallClock) return formatDateTime(iso);
  const key = `${locale}|${precision ?? 'minute'}`;
  wallClockFormats ??= new Map();
  let format = wallClockFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      ...PRECISION_FORMATS[precision ?? 'minute'],
      timeZone: 'UTC',
    });
    wallClockFormats.set(key, format);
  }
  return format.format(wallClock);
}

/**
 * A record's publish time through formatPublished, with its precision when the record carries one
 * (lists get summaries, which may not).
 */
export function publishedOf(record: {
  publishedAt: string | null;
  publishedPrecision?: PublishedPrecision | null;
}): string {
  return formatPublished(record.publishedAt, record.publishedPrecision);
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
  return new Intl.NumberFormat(uiLocale(), {
    style: 'unit',
    unit: units[unit],
    unitDisplay: 'short',
    maximumFractionDigits: value < 10 && unit > 0 ? 1 : 0,
  }).format(value);
}

/**
 * A count in a sentence, through the language's plural rules: `plural('ui_clips', 1)` reads
 * `ui_clips_one` ("1 clip"), `plural('ui_clips', 5)` `ui_clips_other` ("5 clips"). Chinese has one form.
 */
export function plural(base: 'ui_clips' | 'ui_versions' | 'ui_selected', count: number): string {
  const category = new Intl.PluralRules(uiLocale()).select(count);
  const formatted = new Intl.NumberFormat(uiLocale()).format(count);
  const key = `${base}_${category}` as MessageKey;
  const text = t(key, formatted);
  return text === key ? t(`${base}_other` as MessageKey, formatted) : text;
}
