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
const CJK_GLOBAL = /[\u3400-\u9fff\uf900-\ufaff]/g;

export function hasCjk(text: string): boolean {
  return CJK.test(text);
}

/** Share of CJK characters among the non-space characters of `text` (0 for empty text). */
export function cjkRatio(text: string): number {
  const sample = text.slice(0, 20_000).replace(SPACE_RUN, '');
  if (!sample) return 0;
  // counted by what removing them leaves: match() would build an array of every character
  return (sample.length - sample.replace(CJK_GLOBAL, '').length) / sample.length;
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

/** Normalises a name-ish field: collapsed, without wrapping brackets or trailing punctuation. */
export function cleanName(value: string): string {
  return collapseSpace(value)
    .replace(/^[\s【[（(《<「『:：|｜]+/, '')
    .replace(/[\s】\]）)》>」』:：|｜,，。;；、]+$/, '')
    .trim();
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
