/**
 * How clip text becomes search terms, shared by the index (what a clip contains) and the query (what
 * the user typed), so both sides always cut text the same way.
 *
 * Everything is NFKC-normalised (full-width Ａ１ → a1), lower-cased, and Latin letters lose their
 * diacritics (é → e). CJK text has no spaces, so it is indexed as overlapping character bigrams:
 * every substring of two or more CJK characters is made of bigrams the clip contains. A Latin word
 * (or a number) is indexed as its English stem (sanctions → sanction, with the Porter stemmer of the
 * `stemmer` package), and as its prefixes of 3 to PREFIX_MAX characters marked with a `*`
 * (minecraft → min*, mine*, …), so that the word being typed finds what it begins.
 */
import { stemmer } from 'stemmer';
import type { Clip } from '../model/article';

const CJK_CLASS = '[\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}]';
const CJK = new RegExp(CJK_CLASS, 'u');
/** Runs of CJK characters, or runs of other letters and digits (a Latin word, a number). */
const RUNS = new RegExp(`${CJK_CLASS}+|(?:(?!${CJK_CLASS})[\\p{L}\\p{M}\\p{N}])+`, 'gu');

/** Longest Latin/number term kept; longer runs (hashes, base64) are cut so the index stays small. */
const MAX_WORD = 40;
/** A word's prefixes are indexed from this length… */
export const PREFIX_MIN = 3;
/** …up to this one; a longer prefix typed is looked up by its first PREFIX_MAX characters, then checked. */
export const PREFIX_MAX = 8;
/** Marks a prefix term (never part of a run, so no word can be mistaken for one). */
const PREFIX_MARK = '*';

/** A UTF-16 surrogate: a run holding one has characters outside the BMP, two code units each. */
const SURROGATE = /[\ud800-\udfff]/;

/** Latin letters with diacritics (Latin-1 Supplement to Latin Extended-B, Latin Extended Additional). */
const ACCENTED = /[\u00c0-\u024f\u1e00-\u1eff]/g;
const COMBINING = /[\u0300-\u036f]/g;
const foldLetter = (letter: string) => letter.normalize('NFD').replace(COMBINING, '');

/**
 * Search's form of a text: NFKC, lower case, Latin diacritics dropped. CJK is left as it is (NFD
 * would split Hangul syllables and strip Japanese voicing marks). One code point in, at most one
 * code point out except where NFKC itself expands (snippetOf maps offsets back either way).
 */
export function normalize(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(ACCENTED, foldLetter);
}

export interface Run {
  text: string;
  cjk: boolean;
  /** a Latin word being typed: it also matches words that begin with it */
  prefix?: boolean;
}

/** The CJK runs and words of already-normalised text. */
export function runsOf(normalized: string): Run[] {
  const runs: Run[] = [];
  for (const match of normalized.matchAll(RUNS)) {
    const text = match[0];
    runs.push({ text, cjk: CJK.test(text[0]!) });
  }
  return runs;
}

/** The index term of a whole Latin word or number: its English stem (words of letters a–z only). */
export function stemOf(word: string): string {
  const cut = word.slice(0, MAX_WORD);
  return /^[a-z]{3,}$/.test(cut) ? stemmer(cut) : cut;
}

/** The index term for the words that begin with `prefix` (PREFIX_MIN characters or more). */
export function prefixTerm(prefix: string): string {
  return prefix.slice(0, PREFIX_MAX) + PREFIX_MARK;
}

/** The index terms of one run: its bigrams (a lone CJK character is its own term), or the word's. */
export function termsOfRun(run: Run): string[] {
  if (!run.cjk) {
    const terms = [stemOf(run.text)];
    const longest = Math.min(run.text.length, PREFIX_MAX);
    for (let length = PREFIX_MIN; length <= longest; length++)
      terms.push(prefixTerm(run.text.slice(0, length)));
    return terms;
  }
  const text = run.text;
  const terms: string[] = [];
  if (!SURROGATE.test(text)) {
    // the usual case: no character outside the BMP, one code unit each
    if (text.length === 1) return [text];
    for (let i = 0; i + 1 < text.length; i++) terms.push(text.slice(i, i + 2));
    return terms;
  }
  const chars = [...text];
  if (chars.length === 1) return [chars[0]!];
  for (let i = 0; i + 1 < chars.length; i++) terms.push(chars[i]! + chars[i + 1]!);
  return terms;
}

/** The distinct terms of a text. */
export function termsOf(text: string, into = new Set<string>()): Set<string> {
  for (const run of runsOf(normalize(text))) for (const term of termsOfRun(run)) into.add(term);
  return into;
}

/** Where a text's terms go as they are found (see scanTerms). */
export interface TermSink {
  /**
   * The bigrams of a run of two or more BMP CJK characters (`run[i] run[i + 1]` at position
   * `(base + i) & 0xff`), or of a run that is one bigram, without positions (`base` is then -1).
   * A whole run at a time: the sink walks its code units in one loop, with no call per bigram.
   */
  bigrams(run: string, base: number): void;
  /** any other term; `position` is -1 for a term without positions (a word, a lone CJK character) */
  term(term: string, position: number): void;
}

/**
 * Every term occurrence of a text, in order. Bigrams get their position modulo 256: enough to tell
 * a phrase from its bigrams found apart (the bigrams of a phrase sit at consecutive positions) at
 * one byte per occurrence. Words get no positions. `offset` places this text after earlier fields,
 * so that positions never line up across fields by accident. This runs for every character of every
 * clip an import brings: a run of BMP bigrams is handed over whole, so a segment builder can find
 * each term by its two code units without making a string of it.
 */
export function scanTerms(text: string, offset: number, sink: TermSink): void {
  const normalized = normalize(text);
  const length = normalized.length;
  // the runs RUNS matches, found a code unit at a time (the regular expression, with its Unicode
  // classes and lookahead, took about a third of an import's index build in Chromium): runsOf is
  // the specification, and a test holds the two to the same runs
  for (let at = 0; at < length;) {
    const kind = runKind(normalized, at);
    if (kind === NOT_IN_RUN) {
      at += unitsAt(normalized, at);
      continue;
    }
    const start = at;
    let astral = false;
    do {
      const units = unitsAt(normalized, at);
      if (units === 2) astral = true;
      at += units;
    } while (at < length && runKind(normalized, at) === kind);
    const run = normalized.slice(start, at);
    // as runsOf tells them (CJK.test of the first code unit), a CJK run that begins with a
    // character outside the BMP is indexed as a word
    if (kind === WORD || unitsAt(normalized, start) === 2) {
      for (const term of termsOfRun({ text: run, cjk: false })) sink.term(term, -1);
      continue;
    }
    const base = offset + start;
    // a run of one term (one character, or one bigram) gets no positions: it is its own phrase
    if (!astral) {
      if (run.length === 1) sink.term(run, -1);
      else sink.bigrams(run, run.length === 2 ? -1 : base);
      continue;
    }
    const terms = termsOfRun({ text: run, cjk: true });
    for (let i = 0; i < terms.length; i++) sink.term(terms[i]!, terms.length === 1 ? -1 : (base + i) & 0xff);
  }
}

const NOT_IN_RUN = 0;
const CJK_RUN = 1;
const WORD = 2;
const LETTER_OR_DIGIT = /^[\p{L}\p{M}\p{N}]$/u;

/** Code units of the code point at `at`: 2 for a surrogate pair, else 1. */
function unitsAt(text: string, at: number): number {
  const unit = text.charCodeAt(at);
  if (unit < 0xd800 || unit > 0xdbff) return 1;
  const next = text.charCodeAt(at + 1);
  return next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
}

/**
 * Which of RUNS' alternatives the code point at `at` belongs to. ASCII, the CJK Unified Ideographs
 * block and the Hangul syllables (whole blocks of one script, every code point assigned) are told by
 * their code; any other code point by the same Unicode classes RUNS uses.
 */
function runKind(text: string, at: number): number {
  const unit = text.charCodeAt(at);
  if (unit < 0x80) {
    const lower = unit | 0x20;
    return (lower >= 0x61 && lower <= 0x7a) || (unit >= 0x30 && unit <= 0x39) ? WORD : NOT_IN_RUN;
  }
  if ((unit >= 0x4e00 && unit <= 0x9fff) || (unit >= 0xac00 && unit <= 0xd7a3)) return CJK_RUN;
  const char = text.slice(at, at + unitsAt(text, at));
  if (CJK.test(char)) return CJK_RUN;
  return LETTER_OR_DIGIT.test(char) ? WORD : NOT_IN_RUN;
}

/** The string of a bigram scanTerms gave as a number. */
export const pairTerm = (code: number): string =>
  String.fromCharCode(Math.floor(code / 0x10000), code & 0xffff);

/**
 * Each term of a text with its positions (see scanTerms). Positions may repeat (the caller sorts and
 * dedupes them).
 */
export function termPositions(text: string, offset: number, into: Map<string, number[]>): void {
  const add = (term: string, position: number) => {
    let positions = into.get(term);
    if (!positions) into.set(term, (positions = []));
    if (position >= 0) positions.push(position);
  };
  scanTerms(text, offset, {
    bigrams: (run, base) => {
      for (let i = 0; i + 1 < run.length; i++) add(run.slice(i, i + 2), base < 0 ? -1 : (base + i) & 0xff);
    },
    term: add,
  });
}

/** The searchable fields of a clip, best first: a hit in the first group ranks above the rest. */
export function searchFields(clip: Pick<Clip, SearchField>): { head: string[]; rest: string[] } {
  return {
    head: [clip.title, clip.kicker ?? ''],
    rest: [
      clip.subtitle ?? '',
      clip.source ?? '',
      clip.siteName ?? '',
      clip.authors.join(' '),
      clip.editors.join(' '),
      clip.section.join(' '),
      clip.tags.join(' '),
      clip.note ?? '',
      clip.textContent,
    ],
  };
}

export type SearchField =
  | 'title'
  | 'kicker'
  | 'subtitle'
  | 'source'
  | 'siteName'
  | 'authors'
  | 'editors'
  | 'section'
  | 'tags'
  | 'note'
  | 'textContent';

/** One term of a query as typed (terms are separated by spaces and must all match). */
export interface QueryTerm {
  /** normalised text of the whole term, e.g. "g20峰会" */
  text: string;
  runs: Run[];
  /** index terms that every matching clip contains (CJK bigrams) */
  indexTerms: string[];
  /** bigram sequences of the term's CJK runs of 3+ characters, which must sit at consecutive positions */
  phrases: string[][];
  /** one group per Latin word: a matching clip contains at least one term of each (stem, prefix) */
  anyOf: string[][];
  /** true when only the clip's text can confirm the term (it mixes scripts, or has an overlong word) */
  needsCheck: boolean;
  /** only single CJK characters: too common for the index, matched in titles and metadata only */
  short: boolean;
}

/**
 * The terms of a query. The last word of a query that does not end in a space is still being
 * typed: it also matches the words it begins (`minec` → Minecraft).
 */
export function parseQuery(query: string): QueryTerm[] {
  const terms: QueryTerm[] = [];
  const normalized = normalize(query);
  const typing = normalized.length > 0 && !/\s$/.test(normalized);
  const parts = normalized.split(/\s+/).filter((part) => runsOf(part).length > 0);
  parts.forEach((part, index) => {
    const runs = runsOf(part);
    const last = runs.at(-1)!;
    if (typing && index === parts.length - 1 && !last.cjk && last.text.length >= PREFIX_MIN)
      last.prefix = true;
    const indexTerms = new Set<string>();
    const phrases: string[][] = [];
    const anyOf: string[][] = [];
    let needsCheck = runs.length > 1;
    for (const run of runs) {
      if (!run.cjk) {
        anyOf.push(run.prefix ? [stemOf(run.text), prefixTerm(run.text)] : [stemOf(run.text)]);
        if (run.text.length > (run.prefix ? PREFIX_MAX : MAX_WORD)) needsCheck = true;
        continue;
      }
      // a lone character may sit inside a longer run in the text, where only its bigrams are indexed
      const length = [...run.text].length;
      if (length === 1) continue;
      if (length > 2) phrases.push(termsOfRun(run));
      for (const term of termsOfRun(run)) indexTerms.add(term);
    }
    const short = indexTerms.size === 0 && anyOf.length === 0;
    terms.push({ text: part, runs, indexTerms: [...indexTerms], phrases, anyOf, needsCheck, short });
  });
  return terms;
}

/** Does normalised `text` contain every run of the term (words as words: same stem, or begun by a typed prefix)? */
export function textMatches(text: string, term: QueryTerm): boolean {
  return term.runs.every((run) => findRun(text, run, 0) !== null);
}

const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
const isWordChar = (c: string | undefined) =>
  c !== undefined && c !== '' && WORD_CHAR.test(c) && !CJK.test(c);

/** The longest common beginning of two strings. */
function commonStart(a: string, b: string): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return a.slice(0, i);
}

const stems = new WeakMap<Run, { stem: string; probe: string }>();

/**
 * Where `run` next occurs in normalised `text` from `from` on, as [start, end), or null. A CJK run is
 * found as a substring; a word must be a whole word of the text with the same stem, or (a prefix
 * being typed) a word that begins with it.
 */
export function findRun(text: string, run: Run, from: number): [number, number] | null {
  if (run.cjk) {
    const at = text.indexOf(run.text, from);
    return at < 0 ? null : [at, at + run.text.length];
  }
  // a query's run is matched against many texts: its stem is worked out once
  let cached = stems.get(run);
  if (!cached) {
    const stem = stemOf(run.text);
    // every word with this stem begins with what the stem and the word typed have in common
    stems.set(run, (cached = { stem, probe: commonStart(run.text, stem) || run.text.slice(0, 1) }));
  }
  const { stem, probe } = cached;
  for (let at = text.indexOf(probe, from); at >= 0; at = text.indexOf(probe, at + 1)) {
    if (isWordChar(text[at - 1])) continue;
    let end = at + probe.length;
    while (end < text.length && isWordChar(text[end])) end++;
    const word = text.slice(at, end);
    if (stemOf(word) === stem || (run.prefix && word.startsWith(run.text))) return [at, end];
  }
  return null;
}

export interface Snippet {
  text: string;
  /** [start, end) ranges of `text` to highlight */
  highlights: Array<[number, number]>;
}

/**
 * Up to `width` characters of `original` around the first hit of any query run, with every hit in
 * that window marked. Offsets refer to the original text (normalised one code point at a time).
 */
export function snippetOf(original: string, terms: QueryTerm[], width = 90): Snippet | null {
  if (!original) return null;
  // normalised text with, for each of its UTF-16 units, the original offset it came from
  let normalized = normalize(original);
  const origin: number[] = [];
  if (normalized.length === original.length) {
    // the usual case (CJK, ASCII, full-width forms): normalising keeps every unit in place
    for (let i = 0; i <= original.length; i++) origin.push(i);
  } else {
    normalized = '';
    for (let i = 0; i < original.length;) {
      const size = original.codePointAt(i)! > 0xffff ? 2 : 1;
      const piece = normalize(original.slice(i, i + size));
      normalized += piece;
      for (let k = 0; k < piece.length; k++) origin.push(i);
      i += size;
    }
    origin.push(original.length);
  }
  const runs = terms.flatMap((t) => t.runs);
  const hits: Array<[number, number]> = [];
  for (const run of runs) {
    for (let hit = findRun(normalized, run, 0); hit; hit = findRun(normalized, run, hit[0] + 1)) {
      hits.push([origin[hit[0]]!, origin[hit[1]]!]);
      if (hits.length > 200) break;
    }
  }
  if (hits.length === 0) return null;
  hits.sort((a, b) => a[0] - b[0]);
  const first = hits[0]!;
  const start = Math.max(0, Math.min(first[0] - Math.floor(width / 3), original.length - width));
  const end = Math.min(original.length, start + width);
  const prefix = start > 0 ? '…' : '';
  const text = prefix + original.slice(start, end).replace(/\s+/g, ' ') + (end < original.length ? '…' : '');
  // whitespace collapsing changes offsets; recompute highlights on the displayed text
  const shown = original.slice(start, end);
  const collapsedOffset = collapseMap(shown);
  const highlights: Array<[number, number]> = [];
  for (const [from, to] of hits) {
    if (from < start || to > end) continue;
    const a = collapsedOffset[from - start]! + prefix.length;
    const b = collapsedOffset[to - start]! + prefix.length;
    const last = highlights[highlights.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else highlights.push([a, b]);
  }
  return { text, highlights };
}

/** For each offset of `text`, its offset once runs of whitespace are collapsed to one space. */
function collapseMap(text: string): number[] {
  const map: number[] = [];
  let out = 0;
  let inSpace = false;
  for (let i = 0; i < text.length; i++) {
    map.push(out);
    const space = /\s/.test(text[i]!);
    if (space && inSpace) continue;
    inSpace = space;
    out++;
  }
  map.push(out);
  return map;
}
