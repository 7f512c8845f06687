/**
 * Looking terms up: which docs hold every index term of a query term (CJK bigrams, with a phrase's
 * bigrams at consecutive positions), and at least one term of each Latin word's group (its stem, or
 * the prefix being typed). Reads through the database's SearchIndex, which caches decoded shards.
 */
import type { ArchiveIDB, JoinedStrings } from '../records';
import type { QueryTerm } from '../search-text';
import { PostingCursor, termHash } from './codec';
import type { IndexSnapshot, SearchIndex } from './store';

/** Whether ascending bytes[from, to) hold `value`. */
function holds(bytes: Uint8Array, from: number, to: number, value: number): boolean {
  let low = from;
  let high = to - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const byte = bytes[mid]!;
    if (byte === value) return true;
    if (byte < value) low = mid + 1;
    else high = mid - 1;
  }
  return false;
}

/**
 * A phrase's bigrams, each with its positions (modulo 256, ascending) in one doc as data[from, to):
 * does some position p of the first have p+1 in the second, p+2 in the third, …? Called once per
 * candidate doc, so it allocates nothing. Starts from the bigram with the fewest positions and looks
 * the others up: a common bigram can sit at a hundred positions of a doc, and a true phrase is
 * usually confirmed at its first try.
 */
function consecutive(
  data: ArrayLike<Uint8Array>,
  from: ArrayLike<number>,
  to: ArrayLike<number>,
  count: number,
): boolean {
  let anchor = 0;
  for (let k = 1; k < count; k++) if (to[k]! - from[k]! < to[anchor]! - from[anchor]!) anchor = k;
  const anchors = data[anchor]!;
  for (let i = from[anchor]!; i < to[anchor]!; i++) {
    // where the phrase would start
    const start = anchors[i]! - anchor;
    let k = 0;
    for (; k < count; k++) if (k !== anchor && !holds(data[k]!, from[k]!, to[k]!, (start + k) & 0xff)) break;
    if (k === count) return true;
  }
  return false;
}

/** Per segment, a cursor over each term's postings, or null where the segment lacks it (segments in catalog order, terms in the given order). */
async function walkersOf(
  index: SearchIndex,
  snapshot: IndexSnapshot,
  terms: readonly string[],
): Promise<Array<Array<PostingCursor | null>>> {
  const segments = snapshot.catalog.segments;
  const keys = segments.flatMap((s) => terms.map((t) => [s.id, termHash(t) % s.shards] as [number, number]));
  const flat = await index.shardsAt(keys);
  return segments.map((_, i) => terms.map((term, k) => PostingCursor.of(flat[i * terms.length + k]!, term)));
}

/** The docs holding every one of `terms`, with each phrase (indexes into `terms`) at consecutive positions. */
async function docsWithAll(
  index: SearchIndex,
  snapshot: IndexSnapshot,
  terms: readonly string[],
  phrases: number[][],
): Promise<DocSet> {
  const longest = Math.max(1, ...phrases.map((phrase) => phrase.length));
  const phraseData: Uint8Array[] = new Array(longest);
  const phraseFrom = new Int32Array(longest);
  const phraseTo = new Int32Array(longest);
  const found = new DocSet(snapshot.state.nextDoc);

  const phraseOf = (cursors: PostingCursor[]) => (t: number, k: number) => {
    const cursor = cursors[t]!;
    phraseData[k] = cursor.data;
    phraseFrom[k] = cursor.from;
    phraseTo[k] = cursor.to;
  };
  for (const maybe of await walkersOf(index, snapshot, terms)) {
    if (maybe.some((cursor) => cursor === null)) continue;
    const cursors = maybe as PostingCursor[];
    // walk the rarest list; find each of its docs in the others (all ascending)
    const order = terms.map((_, i) => i).sort((a, b) => cursors[a]!.bytes - cursors[b]!.bytes);
    const rarest = cursors[order[0]!]!;
    const place = phraseOf(cursors);
    walk: while (rarest.next()) {
      const doc = rarest.doc;
      for (let o = 1; o < order.length; o++) {
        const cursor = cursors[order[o]!]!;
        if (!cursor.seek(doc)) break walk;
        if (cursor.doc !== doc) continue walk;
      }
      const phrasesHold = phrases.every((phrase) => {
        phrase.forEach(place);
        return consecutive(phraseData, phraseFrom, phraseTo, phrase.length);
      });
      if (phrasesHold) found.add(doc);
    }
  }
  const spans: Array<[number, number] | undefined> = new Array(terms.length);
  for (const record of snapshot.tail) {
    let all = true;
    for (let t = 0; t < terms.length && all; t++)
      all = (spans[t] = record.terms.get(terms[t]!)) !== undefined;
    if (!all) continue;
    const phrasesHold = phrases.every((phrase) => {
      phrase.forEach((t, k) => {
        phraseData[k] = record.positions;
        [phraseFrom[k], phraseTo[k]] = spans[t]!;
      });
      return consecutive(phraseData, phraseFrom, phraseTo, phrase.length);
    });
    if (phrasesHold) found.add(record.doc);
  }
  return found;
}

/** The docs holding at least one of `terms`. */
async function docsWithAny(
  index: SearchIndex,
  snapshot: IndexSnapshot,
  terms: readonly string[],
): Promise<DocSet> {
  const found = new DocSet(snapshot.state.nextDoc);
  for (const walkers of await walkersOf(index, snapshot, terms)) {
    for (const cursor of walkers) if (cursor) while (cursor.next()) found.add(cursor.doc);
  }
  for (const record of snapshot.tail) if (terms.some((term) => record.terms.has(term))) found.add(record.doc);
  return found;
}

/**
 * A set of doc numbers as a bitmap over every number the index has given (and the list of its
 * docs, in the order added): a common bigram holds most of the archive, and adding 100,000 numbers
 * to a Set cost more than the rest of the query.
 */
export class DocSet implements Iterable<number> {
  private readonly bits: Uint8Array;
  private readonly list: number[] = [];

  constructor(readonly capacity: number) {
    this.bits = new Uint8Array(capacity);
  }

  get size(): number {
    return this.list.length;
  }

  add(doc: number): void {
    if (doc >= this.capacity || this.bits[doc]) return;
    this.bits[doc] = 1;
    this.list.push(doc);
  }

  has(doc: number): boolean {
    return this.bits[doc] === 1;
  }

  [Symbol.iterator](): Iterator<number> {
    return this.list[Symbol.iterator]();
  }

  /** The docs in both sets. */
  intersect(other: DocSet): DocSet {
    const [fewer, more] = this.size < other.size ? [this, other] : [other, this];
    const both = new DocSet(Math.min(this.capacity, other.capacity));
    for (const doc of fewer.list) if (more.has(doc)) both.add(doc);
    return both;
  }
}

/**
 * The doc numbers (live or dead) that match `term` as far as the index can tell. (Positions are
 * modulo 256, so a rare coincidence can pass a phrase; the term's text is exact only where
 * `needsCheck` says the caller must look.) A common phrase has thousands of candidates, so the loop
 * over them works on plain arrays and reused buffers.
 */
export async function docsMatching(
  index: SearchIndex,
  snapshot: IndexSnapshot,
  term: QueryTerm,
): Promise<DocSet> {
  const terms = term.indexTerms;
  if (terms.length === 0 && term.anyOf.length === 0) return new DocSet(0);
  let found: DocSet | undefined;
  if (terms.length > 0) {
    // each phrase as indexes into `terms` (a bigram missing from them can never be found)
    const phrases = term.phrases.map((phrase) => phrase.map((bigram) => terms.indexOf(bigram)));
    if (phrases.some((phrase) => phrase.includes(-1))) return new DocSet(0);
    found = await docsWithAll(index, snapshot, terms, phrases);
  }
  // rarest first would be better, but a query has one or two words
  for (const group of term.anyOf) {
    if (found?.size === 0) break;
    const docs = await docsWithAny(index, snapshot, group);
    found = found ? found.intersect(docs) : docs;
  }
  return found!;
}

/** Bytes the index takes, as stored (strings at two bytes a character), and bytes of text it indexes. */
export async function indexSize(
  db: ArchiveIDB,
): Promise<{ indexBytes: number; textBytes: number; docs: number }> {
  let indexBytes = 0;
  let cursor = await db.transaction('segments').store.openCursor();
  while (cursor) {
    const value = cursor.value;
    if ('keys' in value)
      indexBytes += value.keys.length * 2 + value.lengths.byteLength + value.data.byteLength;
    // the kept doc table: its typed arrays and joined strings
    else if ('docTable' in value)
      for (const part of Object.values(value) as unknown[]) {
        if (ArrayBuffer.isView(part)) indexBytes += part.byteLength;
        else if (part && typeof part === 'object' && 'text' in part && 'lengths' in part)
          indexBytes += (part as JoinedStrings).text.length * 2 + (part as JoinedStrings).lengths.byteLength;
      }
    cursor = await cursor.continue();
  }
  for (const { terms, positions } of await db.getAll('indexTail')) {
    indexBytes += terms.length * 2 + positions.byteLength + 8;
  }
  let textBytes = 0;
  const docs = await db.getAll('searchDocs');
  for (const doc of docs) {
    textBytes += doc.textLength * 2;
    // the summaries are part of the index too
    indexBytes += JSON.stringify(doc).length * 2;
  }
  return { indexBytes, textBytes, docs: docs.length };
}
