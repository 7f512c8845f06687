/**
 * Small text helpers shared by the extraction stages. Page strings are untrusted: everything that
 * leaves these helpers is plain text, trimmed, with HTML removed where it could appear.
 */

/** Whitespace as Chinese pages use it: ASCII, no-break space, ideographic space U+3000, zero-width. */
const SPACE_RUN = /(?:[\s\u00a0\u3000\u200b\u200c\ufeff]|\u200d)+/g;

export function collapseSpace(text: string): string {
  return text.replace(SPACE_RUN, ' ').trim();
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

export function hasCjk(text: string): boolean {
  return CJK.test(text);
}

/** A UTF-16 unit SPACE_RUN matches: JavaScript's \s, and the zero-width spaces and joiner. */
function isSpaceUnit(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200d) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/**
 * Share of CJK characters among the non-space characters of `text`'s first `limit` (0 when there are
 * none), by UTF-16 unit; with `kanaAndHangul`, Japanese kana and Korean hangul count too. Counted in
 * one pass: two regex replacements over the sample cost more on a page's text than the language
 * decision it feeds is worth.
 */
export function cjkRatio(text: string, { limit = 20_000, kanaAndHangul = false } = {}): number {
  const end = Math.min(text.length, limit);
  const from = kanaAndHangul ? 0x3040 : 0x3400;
  let letters = 0;
  let cjk = 0;
  for (let i = 0; i < end; i++) {
    const code = text.charCodeAt(i);
    if (isSpaceUnit(code)) continue;
    letters++;
    if (
      (code >= from && code <= 0x9fff) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (kanaAndHangul && code >= 0xac00 && code <= 0xd7af)
    )
      cjk++;
  }
  return letters ? cjk / letters : 0;
}

let entityDecoder: Document | null = null;

/** Text of a string that may hold HTML (`<b>x</b>`, `&amp;`), parsed in an inert document. */
export function stripHtml(value: string, doc: Document): string {
  if (!/[<&]/.test(value)) return collapseSpace(value);
  if (!entityDecoder || entityDecoder.defaultView !== null) {
    // An inert document: nothing in it loads or runs.
    entityDecoder = doc.implementation.createHTMLDocument('');
  }
  const holder = entityDecoder.createElement('div');
  holder.innerHTML = value.slice(0, 100_000);
  for (const el of holder.querySelectorAll('script, style, noscript, template')) el.remove();
  return collapseSpace(holder.textContent ?? '');
}

const TRAILING_MARK = /[\s】\]）)》>」』:：|｜,，。;；、·•【[（(《<「『]/;
const OPENER_OF: Record<string, string> = {
  '】': '【',
  ']': '[',
  '）': '（',
  ')': '(',
  '》': '《',
  '>': '<',
  '」': '「',
  '』': '『',
};

/**
 * Normalises a name-ish field: collapsed, without wrapping brackets, spaces inside brackets or
 * trailing punctuation, nor an opening bracket left at its end (what it opened was cut off:
 * 人民日报（2019年09月26日 04 版）).
 */
export function cleanName(value: string): string {
  const text = collapseSpace(value)
    .replace(/^[\s【[（(《<「『:：|｜·•]+/, '')
    // no space just inside a bracket: a page sets a link there (`新华网(<a>北京</a>)`), spaced as a word
    .replace(/([【[（(《「『])\s+/g, '$1')
    .replace(/\s+([】\]）)》」』])/g, '$1');
  let end = text.length;
  for (; end > 0 && TRAILING_MARK.test(text[end - 1]!); end--) {
    // a bracket closing one the value opened stays: 光明网-《光明日报》, 人民日报（海外版）
    const opener = OPENER_OF[text[end - 1]!];
    if (opener && text.lastIndexOf(opener, end - 2) >= 0) break;
  }
  return text.slice(0, end).trim();
}

/** Removes duplicates (after trimming), keeping first occurrences. */
export function unique(values: Iterable<string>): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const value of values) {
    const trimmed = value.trim();
    if (trimmed && !seen.has(trimmed)) {
      seen.add(trimmed);
      out.push(trimmed);
    }
  }
  return out;
}

/** Comparison key: no spaces or punctuation, NFKC, lower case (as the eval compares titles). */
export function looseKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

export function truncate(text: string, max: number): string {
  return text.length > max ? text.slice(0, max) : text;
}
