/**
 * Publish dates as Chinese (and other) pages write them, to ISO 8601 with an offset.
 * A page that gives no zone is read in the site's zone (+08:00 for Chinese sites).
 */

import type { DatePrecision } from '../model/article';

export interface PublishDate {
  /** ISO 8601 with offset, seconds included: 2019-03-20T11:58:00+08:00 (a date alone: that day's midnight) */
  iso: string;
  /** the matched text exactly as the page shows it */
  raw: string;
  /** what the page stated: 'day' for a date without a time, never more than it said */
  precision: DatePrecision;
}

/** Whether the page gave a time of day. */
export const hasTime = (date: PublishDate) => date.precision === 'minute' || date.precision === 'second';

export interface DateContext {
  /** the offset to assume when the page gives none, e.g. '+08:00' */
  defaultOffset: string;
  /** clip time, for 今天/昨天/前天 (今日, 昨日) and "N 分钟前" */
  now: Date;
  /** re-express dates that carry their own zone in `defaultOffset` (Chinese sites); else keep theirs */
  toSiteZone?: boolean;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

// the year may stand apart from a `MM/DD` in its own element (新华网: `2024 03/02 08:11:25`); a
// weekday may stand between the date and the time (`2019年9月26日 星期四 15:10`, Taiwan's
// `2019年9月26日（四）15:10`), or a bar or a dash (`2022.05.12 | 08:23`, `2019/9/26 — 15:10`), or
// the zone China and Hong Kong share (RTHK: `2023-12-01 HKT 14:30`); the half of the day may be
// 下午 (午後 in Japanese) before the time or PM on either side of it (not PM2.5, the air-quality
// figure); 15点23分 is 15:23, as are 15時23分 and 15點23分 (a bare 8点 is no minute); a Japanese
// weekday may stand in brackets after the date (`2019年3月5日(火) 08:15`)
const ABSOLUTE =
  /(?<!\d)((?:19|20)\d{2})\s*(?:[-/.年]\s*|\s(?=\s*\d{1,2}\s*[-/]\s*\d{1,2}(?!\d)))(\d{1,2})\s*(?:[-/.月]\s*)(\d{1,2})(?![\d])\s*日?(?:\s*[（(]?(?:星期|周|週|禮拜|礼拜)[一二三四五六日天][）)]?|\s*[（(][一二三四五六日天][）)]|\s*[（(][月火水木金土日](?:曜日?)?[）)]|\s*[月火水木金土日]曜日)?(?:\s*(?:T|\s|&nbsp;|日|[|｜—–]|HKT|北京时间|北京時間)?\s*(?:(上午|下午|晚上|凌晨|早上|早晨|清晨|中午|午后|午前|午後|傍晚|晚间|夜间|夜里|[AaPp]\.?[Mm]\.?)\s*)?(\d{1,2})\s*(?:[:：时時]|[点點](?=\s*\d{1,2}\s*分))\s*(\d{1,2})(?!\d)\s*分?(?:(?:\s*[:：]\s*|(?<=分))(\d{1,2})(?:\.\d+)?\s*秒?)?(?:\s*([AaPp]\.?[Mm]\.?)(?![A-Za-z\d]))?\s*(Z|[+-]\d{2}:?\d{2}(?![\d])|(?<=\d)[+-]\d{3}(?!\d))?)?/;

/** The halves of a day after noon, before a time (下午3:23, 晚上8点15分). */
const AFTERNOON = /^(下午|午后|午後|傍晚|晚上|晚间|夜间|夜里)$/;

/** A time right before a date (`15:10 2019/09/26`), nothing but spaces between them. */
const TIME_BEFORE = /(?<![\d:])(\d{1,2})[:：](\d{2})(?:[:：](\d{2}))?\s+$/;

/**
 * 18-03-08 23:16, 08年5月12日 (two-digit years): only believed after a date label such as 发布时间：
 * (a two-digit year after the clip's own is last century's: 98-05-12 is 1998).
 */
const SHORT_YEAR =
  /^\s*(\d{2})(?:[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)|\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日)(?:\s*(\d{1,2}):(\d{2})(?::(\d{2}))?)?/;

/**
 * A text opening with a two-digit (or 民國) year, its month and day, and a time (`19-09-26 15:10`,
 * `108/09/26 15:10`): on a Chinese page a date with no other reading, believed without a label.
 */
export const SHORT_YEAR_AND_TIME = /^\s*\d{2,3}[-/.]\d{1,2}[-/.]\d{1,2}\s+\d{1,2}[:：]\d{2}(?!\d)/;

/** Taiwan's 民國 years (民國108年 is 2019), as government and older pages print them. */
const ROC_YEAR = /(?:中華民國|中华民国|民國|民国)\s*(\d{2,3})(?=\s*年)/;
/**
 * A 民國 year in digits (108-09-26, 108/09/26, 102年06月29日): no Western year has three digits;
 * after a label only.
 */
const ROC_DIGITS = /^\s*(1\d{2})(?=[-/.]\d{1,2}[-/.]\d{1,2}(?!\d)|\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)/;

const RELATIVE_DAY = /(今天|昨天|前天|今日|昨日)\s*(\d{1,2})\s*[:：]\s*(\d{2})/;
const AGO = /(\d{1,3})\s*(分钟|小时)前/;

function offsetMinutes(offset: string): number {
  if (offset === 'Z') return 0;
  // an offset missing its hour's leading zero (`2018-10-29T10:15-500`, as a template printed it)
  if (/^[+-]\d{3}$/.test(offset)) offset = `${offset[0]}0${offset.slice(1)}`;
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(offset);
  if (!m) return 0;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

function formatOffset(minutes: number): string {
  if (minutes === 0) return '+00:00';
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** The wall-clock fields of instant `ms` seen at `offset`, formatted ISO with that offset. */
export function isoAtOffset(ms: number, offset: string): string {
  if (offset === 'Z') offset = '+00:00';
  const minutes = offsetMinutes(offset);
  const d = new Date(ms + minutes * 60_000);
  return (
    `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}${formatOffset(minutes)}`
  );
}

function valid(y: number, mo: number, d: number, h: number, mi: number, s: number): boolean {
  if (y < 1990 || y > 2100 || mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return false;
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return d <= days;
}

/** 二〇二三年五月十二日: how formal documents (a notice's date of issue) write the day. */
const HAN_NUMERAL_DATE =
  /([〇○零一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月\s*([一二三四五六七八九十]{1,3})\s*日/;
const HAN_DIGITS = '〇一二三四五六七八九';

/** 五 → 5, 十二 → 12, 二十三 → 23, 三十一 → 31 (months and days only). */
function hanNumber(text: string): number {
  const digit = (c: string | undefined) => (c ? HAN_DIGITS.indexOf(c) : 0);
  const ten = text.indexOf('十');
  if (ten < 0) return digit(text);
  return (ten === 0 ? 1 : digit(text[0])) * 10 + digit(text[ten + 1]);
}

/** Full-width digits and date marks (２０１９－０９－２６, typed in a word processor), each for its ASCII twin. */
const FULL_WIDTH = /[\uFF10-\uFF19\uFF0D\uFF0E\uFF0F]/g;

/** The first date in `text`, or null. Dates given with a zone are re-expressed in the site's zone. */
export function parseDate(text: string, context: DateContext, labelled = false): PublishDate | null {
  if (!text) return null;
  const sample = text.length > 2_000 ? text.slice(0, 2_000) : text;
  if (/[\uFF10-\uFF19]/.test(sample)) {
    // read in ASCII, one character for one, so the page's own words stay the raw value
    const ascii = sample.replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
    const parsed = parseDate(ascii, context, labelled);
    const at = parsed ? ascii.indexOf(parsed.raw) : -1;
    return parsed && at >= 0 ? { ...parsed, raw: sample.slice(at, at + parsed.raw.length) } : parsed;
  }
  const roc = ROC_YEAR.exec(sample) ?? (labelled ? ROC_DIGITS.exec(sample) : null);
  if (roc) {
    const year = String(Number(roc[1]) + 1911);
    const western = `${sample.slice(0, roc.index)}${year}${sample.slice(roc.index + roc[0].length)}`;
    const parsed = parseDate(western, context);
    // the page's own words stay the raw value
    if (parsed?.raw.startsWith(year)) return { ...parsed, raw: `${roc[0].trim()}${parsed.raw.slice(4)}` };
  }
  const short = labelled ? SHORT_YEAR.exec(sample) : null;
  if (short && !ABSOLUTE.test(sample)) {
    const [, yy, dashMonth, dashDay, hanMonth, hanDay, hour, minute, second] = short;
    const [month, day] = dashMonth ? [dashMonth, dashDay] : [hanMonth, hanDay];
    const century = Number(yy) <= context.now.getUTCFullYear() % 100 ? '20' : '19';
    const expanded = `${century}${yy}-${month}-${day}${hour ? ` ${hour}:${minute}${second ? `:${second}` : ''}` : ''}`;
    const parsed = parseDate(expanded, context);
    if (parsed) return { ...parsed, raw: short[0].trim() };
  }
  const abs = ABSOLUTE.exec(sample);
  if (abs) {
    const [matched, ys, mos, ds, halfBefore, timeHs, timeMis, timeSs, halfAfter, zone] = abs;
    const half = halfBefore ?? halfAfter;
    // `15:10 2019/09/26`: some templates put the time before the date
    const before = timeHs === undefined ? TIME_BEFORE.exec(sample.slice(0, abs.index)) : null;
    const [raw, hs, mis, ss] = before
      ? [`${before[0]}${matched}`, before[1], before[2], before[3]]
      : [matched, timeHs, timeMis, timeSs];
    const y = Number(ys);
    const mo = Number(mos);
    const d = Number(ds);
    let h = hs === undefined ? 0 : Number(hs);
    const mi = mis === undefined ? 0 : Number(mis);
    const s = ss === undefined ? 0 : Number(ss);
    if (((half && AFTERNOON.test(half)) || /^p/i.test(half ?? '')) && h < 12) h += 12;
    // 中午1:30 is half past one after noon, 中午12:10 ten past noon
    if (half === '中午' && h < 11) h += 12;
    if ((/^a/i.test(half ?? '') || half === '午前') && h === 12) h = 0;
    if (valid(y, mo, d, h, mi, s)) {
      const precision: DatePrecision = ss !== undefined ? 'second' : hs !== undefined ? 'minute' : 'day';
      const given = zone ? offsetMinutes(zone) : offsetMinutes(context.defaultOffset);
      const instant = Date.UTC(y, mo - 1, d, h, mi, s) - given * 60_000;
      const shownIn = zone && context.toSiteZone === false ? zone : context.defaultOffset;
      return { iso: isoAtOffset(instant, shownIn), raw: raw.trim(), precision };
    }
  }
  const english = parseEnglishDate(sample, context);
  if (english) return english;
  const us = US_SLASHED.exec(sample);
  if (us) {
    const [raw, mo, d, y, time] = us;
    const month = MONTHS[Number(mo) - 1];
    const parsed = month ? parseEnglishDate(`${month} ${d}, ${y} ${time}`, context) : null;
    if (parsed) return { ...parsed, raw: raw.trim() };
  }
  const dotted = DOTTED_DMY.exec(sample);
  if (dotted) {
    const [raw, d, mo, y, h, mi, sec] = dotted;
    const time = h === undefined ? '' : ` ${h}:${mi}${sec === undefined ? '' : `:${sec}`}`;
    const parsed = parseDate(`${y}-${mo}-${d}${time}`, context);
    if (parsed) return { ...parsed, raw: raw.trim() };
  }
  const written = HAN_NUMERAL_DATE.exec(sample);
  if (written) {
    const [raw, ys, mos, ds] = written;
    const y = Number([...ys!.replace(/[○零]/g, '〇')].map((c) => HAN_DIGITS.indexOf(c)).join(''));
    const [mo, d] = [hanNumber(mos!), hanNumber(ds!)];
    if (valid(y, mo, d, 0, 0, 0)) {
      const instant = Date.UTC(y, mo - 1, d) - offsetMinutes(context.defaultOffset) * 60_000;
      return { iso: isoAtOffset(instant, context.defaultOffset), raw, precision: 'day' };
    }
  }
  const rel = RELATIVE_DAY.exec(sample);
  if (rel) {
    const back = /今/.test(rel[1]!) ? 0 : /昨/.test(rel[1]!) ? 1 : 2;
    const h = Number(rel[2]);
    const mi = Number(rel[3]);
    if (h < 24 && mi < 60) {
      const minutes = offsetMinutes(context.defaultOffset);
      const local = new Date(context.now.getTime() + minutes * 60_000);
      const instant =
        Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() - back, h, mi) -
        minutes * 60_000;
      return { iso: isoAtOffset(instant, context.defaultOffset), raw: rel[0], precision: 'minute' };
    }
  }
  const ago = AGO.exec(sample);
  if (ago) {
    const amount = Number(ago[1]) * (ago[2] === '小时' ? 60 : 1);
    const instant = Math.floor((context.now.getTime() - amount * 60_000) / 60_000) * 60_000;
    return { iso: isoAtOffset(instant, context.defaultOffset), raw: ago[0], precision: 'minute' };
  }
  return null;
}

/** The US zones (ET, EST, EDT…), which an American month-first date may close with too. */
const US_ZONE = 'e[sd]?t|m[sd]?t|p[sd]?t';

/**
 * `11/28/2016 04:23 pm ET`, `10/04/2016 05:07 AM EDT`: an American date, month first, told from a
 * day-first one by the 12-hour time or the US zone after it (alone, `04/05/2016` could be either).
 */
const US_SLASHED = new RegExp(
  String.raw`(?<![\d/])(\d{1,2})/(\d{1,2})/((?:19|20)\d{2})(?![\d/])\s*,?\s*(?:at\s+)?(\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?(?:\s*(?:${US_ZONE}))?|(?:${US_ZONE}))\b)`,
  'i',
);

/**
 * `19.07.2022`, `13.03.2017, 19:18 Uhr`, `13.03.2017 à 19h18`: the day first, dotted, as German,
 * French and Russian pages print it (the year last: a Chinese `2022.07.19` is ABSOLUTE's).
 */
const DOTTED_DMY =
  /(?<![\w.])(\d{1,2})\.\s?(\d{1,2})\.\s?((?:19|20)\d{2})(?![\d.])(?:\s*(?:,|um|à|at|-|\|)?\s*(\d{1,2})[:h](\d{2})(?::(\d{2}))?(?!\d)(?:\s*uhr\b)?)?/i;

/** `09-26 15:10`, `9月26日 15:10`: a portal's date of this year, with its time and without its year. */
// IT之家 glues the time to a two-digit day: `09-3022:46`
const YEARLESS =
  /(?<![\d/.:-])(\d{1,2})\s*[-/月]\s*(\d{1,2})\s*日?(?:\s+|(?<=\d\d))(\d{1,2})[:：](\d{2})(?![\d:])/;

/**
 * A date shown without its year: the year given (the page's URL names it) or else the latest year in
 * which that day and time is not after the clip.
 */
export function parseYearlessDate(text: string, context: DateContext, year?: number): PublishDate | null {
  const m = YEARLESS.exec(text);
  if (!m) return null;
  const candidates = year ? [year] : [context.now.getUTCFullYear(), context.now.getUTCFullYear() - 1];
  for (const y of candidates) {
    const date = parseDate(`${y}-${m[1]}-${m[2]} ${m[3]}:${m[4]}`, context);
    if (date && (year || new Date(date.iso).getTime() <= context.now.getTime() + 86_400_000))
      return { ...date, raw: m[0] };
  }
  return null;
}

/** `2007-08-20-23:59:59`, `2016-12-15T00:00:00-05:00`: a machine timestamp at midnight or a second before. */
const DAY_ALONE_STAMP = /^(\d{4}-\d{2}-\d{2})[T -](?:00:00:00|23:59:59)(?:\.0+)?(Z|[+-]\d{2}:?\d{2})?$/i;

/** Dates in machine attributes (ISO, `2007-08-20-23:59:59`, Unix seconds or milliseconds). */
export function parseMachineDate(value: string, context: DateContext): PublishDate | null {
  const trimmed = value.trim();
  if (/^\d{10}(\d{3})?$/.test(trimmed)) {
    const ms = trimmed.length === 13 ? Number(trimmed) : Number(trimmed) * 1000;
    const year = new Date(ms).getUTCFullYear();
    if (year < 1990 || year > 2100) return null;
    return { iso: isoAtOffset(ms, context.defaultOffset), raw: trimmed, precision: 'second' };
  }
  // a stamp at the day's first or last second is how a CMS stores a date alone: the page stated
  // no time, so none is invented (shown as 11:59 PM, or as 8:00 once moved into China time)
  const dayAlone = DAY_ALONE_STAMP.exec(trimmed);
  if (dayAlone) {
    const day = parseDate(dayAlone[1]!, context);
    if (!day) return null;
    // the day in the zone the stamp names, where the page's own zone does not replace it
    const named = dayAlone[2]
      ?.toUpperCase()
      .replace(/^Z$/, '+00:00')
      .replace(/(\d{2})(\d{2})$/, '$1:$2');
    const zone = named && context.toSiteZone === false ? named : null;
    return { ...day, iso: zone ? `${day.iso.slice(0, 19)}${zone}` : day.iso, raw: trimmed };
  }
  // `2007-08-20-23:59:59` (a CMS habit): the dash before the time stands for a space
  return parseDate(trimmed.replace(/^(\d{4}-\d{1,2}-\d{1,2})-(\d{1,2}:)/, '$1 $2'), context);
}

/** The English months' names cut to three letters, January first. */
export const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/** An English month's name, whole or cut short (for regular expressions, case-insensitive). */
export const MONTH_NAME =
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const MONTH = `(${MONTH_NAME})\\.?`;
/**
 * The zones English pages name after a time. Not CST/CT: US Central and China Standard Time share
 * them. ET, PT and MT follow US daylight saving.
 */
const ZONE_OFFSETS: Record<string, number> = {
  gmt: 0,
  utc: 0,
  bst: 60,
  cet: 60,
  cest: 120,
  est: -300,
  edt: -240,
  mst: -420,
  mdt: -360,
  pst: -480,
  pdt: -420,
  ist: 330,
  hkt: 480,
  sgt: 480,
  jst: 540,
  kst: 540,
  aest: 600,
  aedt: 660,
};
const ZONE_NAME = `gmt|utc|bst|cest|cet|${US_ZONE}|ist|hkt|sgt|jst|kst|aest|aedt`;
/**
 * `GMT`, `UTC+8`, `(GMT+0400)`: a zone name, and after GMT or UTC an offset in hours (or hhmm); or
 * an offset alone in hhmm, as RFC 2822 dates close (`Tue, 07 Apr 2020 15:49:34 +0530`).
 */
const ZONE = `\\(?(?:(${ZONE_NAME})\\b(?:\\s*([+-]\\d{1,2}(?::?\\d{2})?)(?!\\d))?|([+-]\\d{2}:?\\d{2})(?!\\d))\\)?`;
/**
 * `, 9:30 pm ET`, `: 3:33 AM`, ` | 10:15`, `at 03.33 GMT`: a dotted time only with am/pm or a zone
 * after it (`2016 3.5 million` is no time).
 */
const TIME = `(?:\\s*[,:|·•]?\\s*(?:at\\s+)?(\\d{1,2})(?::(\\d{2})(?::(\\d{2}))?|\\.(\\d{2})(?=\\s*(?:[ap]\\.?m\\b|(?:${ZONE_NAME})\\b)))\\s*([ap]\\.?m\\.?)?(?:\\s*${ZONE})?)?`;
/** May 7, 2005 [at 9:30 pm] and 7 May 2005 [09:30]: English pages' visible dates. */
const ENGLISH_MDY = new RegExp(
  `\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+((?:19|20)\\d{2})\\b${TIME}`,
  'i',
);
/** 7 May 2005 [09:30], and CGTN's 26-Sep-2019. */
const ENGLISH_DMY = new RegExp(
  `\\b(\\d{1,2})(?:st|nd|rd|th)?(?:\\s+|-(?=[a-z]{3}))${MONTH}(?:,?\\s+|-(?=\\d))((?:19|20)\\d{2})\\b${TIME}`,
  'i',
);
/** `Updated 3:42 PM ET, Tue November 29, 2016`: the time before the date. */
const ENGLISH_TIME_BEFORE = new RegExp(
  `(\\d{1,2}):(\\d{2})\\s*([ap]\\.?m\\.?)?(?:\\s*${ZONE})?\\s*[,|·•]?\\s*(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?,?\\s*)?$`,
  'i',
);

/** US daylight saving: from the second Sunday of March to the first Sunday of November. */
function usDaylight(y: number, mo: number, d: number): boolean {
  const sunday = (month: number, nth: number) => {
    const first = new Date(Date.UTC(y, month - 1, 1)).getUTCDay();
    return 1 + ((7 - first) % 7) + 7 * (nth - 1);
  };
  if (mo < 3 || mo > 11) return false;
  if (mo > 3 && mo < 11) return true;
  return mo === 3 ? d >= sunday(3, 2) : d < sunday(11, 1);
}

/**
 * Minutes east of UTC for a zone an English page names (ET in summer is EDT), or for an offset from
 * GMT or UTC (`GMT+8`, `UTC+05:30`, `GMT+0400`).
 */
function zoneOffset(zone: string, shift: string | undefined, y: number, mo: number, d: number): number {
  const name = zone.toLowerCase();
  if (shift && (name === 'gmt' || name === 'utc')) {
    const [, sign, hours, minutes] = /^([+-])(\d{1,2}?)(?::?(\d{2}))?$/.exec(shift)!;
    return (sign === '-' ? -1 : 1) * (Number(hours) * 60 + Number(minutes ?? 0));
  }
  if (name.length === 2) return ZONE_OFFSETS[`${name[0]}${usDaylight(y, mo, d) ? 'd' : 's'}t`]!;
  return ZONE_OFFSETS[name]!;
}

/**
 * `Fri Mar  5 10:21:33 2010`: C's asctime, as BBS headers and mail archives print it, and Java's
 * `Mon Aug 03 12:45:00 EDT 2015` with a zone before the year (read when it is one ZONE names: `CST`
 * says nothing certain).
 */
const ASCTIME = new RegExp(
  `\\b(?:mon|tue|wed|thu|fri|sat|sun)\\s+${MONTH}\\s+(\\d{1,2})\\s+(\\d{1,2}:\\d{2}(?::\\d{2})?)(?:\\s+([a-z]{3,4}))?\\s+((?:19|20)\\d{2})\\b`,
  'i',
);
const KNOWN_ZONE = new RegExp(`^(?:${ZONE_NAME})$`, 'i');

const NAMED_ZONE = new RegExp(`\\b(?:${ZONE_NAME})\\b`, 'i');

/** Whether a date as printed names its zone: an offset, UTC's Z, or a zone's name. */
export function statesZone(raw: string): boolean {
  return /\d(?:z|[+-]\d{1,2}(?::?\d{2})?)$/i.test(raw.trim()) || NAMED_ZONE.test(raw);
}

function parseEnglishDate(text: string, context: DateContext): PublishDate | null {
  const asc = ASCTIME.exec(text);
  if (asc) {
    const zone = asc[4] && KNOWN_ZONE.test(asc[4]) ? ` ${asc[4]}` : '';
    const date = parseEnglishDate(`${asc[1]} ${asc[2]}, ${asc[5]} ${asc[3]}${zone}`, context);
    return date && { ...date, raw: asc[0] };
  }
  let m = ENGLISH_MDY.exec(text);
  let parts: [string, string, string] | null = m ? [m[1]!, m[2]!, m[3]!] : null;
  if (!m) {
    m = ENGLISH_DMY.exec(text);
    parts = m ? [m[2]!, m[1]!, m[3]!] : null;
  }
  if (!m || !parts) return null;
  const mo = MONTHS.indexOf(parts[0].slice(0, 3).toLowerCase()) + 1;
  const d = Number(parts[1]);
  const y = Number(parts[2]);
  let raw = m[0].trim();
  const ss = m[6];
  // (an offset alone, m[11], is one from UTC: a shift without a zone's name)
  let [hs, mis, half, zone, shift] = [m[4], m[5] ?? m[7], m[8], m[9], m[10] ?? m[11]];
  if (hs === undefined) {
    const before = ENGLISH_TIME_BEFORE.exec(text.slice(Math.max(0, m.index - 40), m.index));
    if (before) {
      [hs, mis, half, zone, shift] = [before[1], before[2], before[3], before[4], before[5] ?? before[6]];
      raw = `${before[0]}${raw}`.trim();
    }
  }
  let h = hs === undefined ? 0 : Number(hs);
  if (half && /^p/i.test(half) && h < 12) h += 12;
  if (half && /^a/i.test(half) && h === 12) h = 0;
  const mi = mis === undefined ? 0 : Number(mis);
  const s = ss === undefined ? 0 : Number(ss);
  if (!valid(y, mo, d, h, mi, s)) return null;
  const precision: DatePrecision = ss !== undefined ? 'second' : hs !== undefined ? 'minute' : 'day';
  // a named zone counts only with a time: `March 9, 2017 GMT` says nothing about the hour
  const given = (zone || shift) && hs !== undefined ? zoneOffset(zone ?? 'utc', shift, y, mo, d) : null;
  const offset = given ?? offsetMinutes(context.defaultOffset);
  const instant = Date.UTC(y, mo - 1, d, h, mi, s) - offset * 60_000;
  const shownIn =
    given !== null && context.toSiteZone === false ? formatOffset(given) : context.defaultOffset;
  return { iso: isoAtOffset(instant, shownIn), raw, precision };
}
