/** What the reader works out from a clip's text: the language to draw it in and its reading time. */

const HAN = /\p{Script=Han}/gu;
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;
const HANGUL = /\p{Script=Hangul}/u;
const LATIN_WORD = /[\p{Script=Latin}\d][\p{Script=Latin}\d'’-]*/gu;

/** Characters a reader of Chinese gets through per minute, and words for Latin-script text. */
const HAN_PER_MINUTE = 400;
const WORDS_PER_MINUTE = 230;

/**
 * The `lang` to draw a clip in. The record's own (the extractor reads and checks it) when it is
 * consistent with the text; a page that calls Chinese text Japanese (no kana at all) or Korean (no
 * hangul), or says nothing, is drawn as Chinese when Han characters make up much of the text, so it
 * gets Chinese, not Japanese, glyph forms.
 */
export function articleLang(clip: { lang: string | null; textContent: string; title: string }): string {
  const sample = `${clip.title}\n${clip.textContent.slice(0, 4000)}`;
  const han = sample.match(HAN)?.length ?? 0;
  const mostlyHan = han > 0 && han >= sample.replace(/\s/g, '').length * 0.3;
  const lang = clip.lang?.trim() || '';
  if (/^zh\b/i.test(lang)) return lang;
  if (mostlyHan && /^ja\b/i.test(lang) && !KANA.test(sample)) return 'zh';
  if (mostlyHan && /^ko\b/i.test(lang) && !HANGUL.test(sample)) return 'zh';
  if (lang) return lang;
  return mostlyHan ? 'zh' : han === 0 && /\p{Script=Latin}/u.test(sample) ? 'en' : 'zh';
}

/** Minutes to read a text, at least 1. */
export function readingMinutes(text: string): number {
  const han = text.match(HAN)?.length ?? 0;
  const words = text.replace(HAN, ' ').match(LATIN_WORD)?.length ?? 0;
  return Math.max(1, Math.round(han / HAN_PER_MINUTE + words / WORDS_PER_MINUTE));
}
