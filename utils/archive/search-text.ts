/**
 * How clip text becomes search terms, shared by the index (what a clip contains) and the query (what
 * the user typed), so both sides always cut text the same way.
 *
 * CJK text has no spaces, so it is indexed as overlapping character bigrams: every substring of two
 * or more CJK characters is made of bigrams the clip contains. Latin words and numbers are indexed
 * whole. Everything is NFKC-normalised (full-width Ａ１ → a1) and lower-cased first.
 */
import type { Clip } from '../model/article';

const CJK_CLASS = '[\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}]';
const CJK = new RegExp(CJK_CLASS, 'u');
/** Runs of CJK characters, or runs of other letters and digits (a Latin word, a number). */
const RUNS = new RegExp(`${CJK_CLASS}+|(?:(?!${CJK_CLASS})[\\p{L}\\p{M}\\p{N}])+`, 'gu');

/** Longest Latin/number term kept; longer runs (hashes, base64) are cut so the index stays small. */
const MAX_WORD = 40;

export function normalize(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

export interface Run {
  text: string;
  cjk: boolean;
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

/** The index terms of one run: its bigrams (a lone CJK character is its own term), or the word. */
export function termsOfRun(run: Run): string[] {
  if (!run.cjk) return [run.text.slice(0, MAX_WORD)];
  const chars = [...run.text];
  if (chars.length === 1) return [chars[0]!];
  const terms: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) terms.push(chars[i]! + chars[i + 1]!);
  return terms;
}

/** The distinct terms of a text. */
export function termsOf(text: string, into = new Set<string>()): Set<string> {
  for (const run of runsOf(normalize(text))) for (const term of termsOfRun(run)) into.add(term);
  return into;
}

/**
 * Where each bigram occurs, modulo 256: enough to tell a phrase from its bigrams found apart (the
 * bigrams of a phrase sit at consecutive positions) at one byte per occurrence. Words get no
 * positions. `offset` places this text after earlier fields, so that positions never line up
 * across fields by accident.
 */
export function termPositions(text: string, offset: number, into: Map<string, Set<number>>): void {
  const normalized = normalize(text);
  for (const match of normalized.matchAll(RUNS)) {
    const run: Run = { text: match[0], cjk: CJK.test(match[0][0]!) };
    const terms = termsOfRun(run);
    terms.forEach((term, i) => {
      let positions = into.get(term);
      if (!positions) into.set(term, (positions = new Set()));
      if (run.cjk && terms.length > 1) positions.add((offset + match.index + i) & 0xff);
    });
  }
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
  /** index terms that every matching clip contains */
  indexTerms: string[];
  /** bigram sequences of the term's CJK runs of 3+ characters, which must sit at consecutive positions */
  phrases: string[][];
  /** true when only the clip's text can confirm the term (it mixes scripts, or has an overlong word) */
  needsCheck: boolean;
  /** only single CJK characters: too common for the index, matched in titles and metadata only */
  short: boolean;
}

export function parseQuery(query: string): QueryTerm[] {
  const terms: QueryTerm[] = [];
  for (const part of normalize(query).split(/\s+/)) {
    const runs = runsOf(part);
    if (runs.length === 0) continue;
    const indexTerms = new Set<string>();
    const phrases: string[][] = [];
    let needsCheck = runs.length > 1;
    for (const run of runs) {
      const length = [...run.text].length;
      // a lone character may sit inside a longer run in the text, where only its bigrams are indexed
      if (run.cjk && length === 1) continue;
      if (run.cjk && length > 2) phrases.push(termsOfRun(run));
      if (!run.cjk && run.text.length > MAX_WORD) needsCheck = true;
      for (const term of termsOfRun(run)) indexTerms.add(term);
    }
    const short = indexTerms.size === 0;
    terms.push({ text: part, runs, indexTerms: [...indexTerms], phrases, needsCheck, short });
  }
  return terms;
}

/** Does normalised `text` contain every run of the term, each as a whole (words on word boundaries)? */
export function textMatches(text: string, term: QueryTerm): boolean {
  return term.runs.every((run) => findRun(text, run, 0) >= 0);
}

const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;

/** Where `run` occurs in normalised `text` from `from` on, or -1. Words must not be part of a longer word. */
export function findRun(text: string, run: Run, from: number): number {
  let at = text.indexOf(run.text, from);
  if (run.cjk) return at;
  while (at >= 0) {
    const before = at > 0 ? text[at - 1]! : '';
    const after = text[at + run.text.length] ?? '';
    const isWordEdge = (c: string) => c === '' || !WORD_CHAR.test(c) || CJK.test(c);
    if (isWordEdge(before) && isWordEdge(after)) return at;
    at = text.indexOf(run.text, at + 1);
  }
  return -1;
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
    for (let at = findRun(normalized, run, 0); at >= 0; at = findRun(normalized, run, at + 1)) {
      hits.push([origin[at]!, origin[at + run.text.length]!]);
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
