/**
 * Answers archive queries in the service worker: index lookup, filters, verification, ranking and
 * snippets. The index (./search-index/) says which clips contain every bigram or word of the query,
 * with phrases' bigrams at consecutive positions; the clips listed are then confirmed against their
 * text (they are read for their snippets anyway), so results are exact. Ranking: clips whose title or
 * kicker contains every term first, then those whose title or kicker contains some, then the rest;
 * newest clip first within each. Everything but the page shown is read from the doc table.
 */
import { toSummary, type Clip, type ClipSummary } from '../model/article';
import type { JianbaoDatabase } from './db';
import { docsMatching, type DocSet, type DocTable, type IndexSnapshot } from './search-index';
import {
  normalize,
  parseQuery,
  searchFields,
  snippetOf,
  textMatches,
  type QueryTerm,
  type Snippet,
} from './search-text';

export interface SearchFilters {
  /** the label lists show: source, else site name, else host */
  source?: string;
  section?: string;
  tag?: string;
  /** inclusive YYYY-MM-DD bounds; publish dates are the article's own calendar date */
  publishedFrom?: string;
  publishedTo?: string;
  /** inclusive YYYY-MM-DD bounds in the browser's time zone */
  clippedFrom?: string;
  clippedTo?: string;
}

/** How a result list is ordered: 'relevance' is title hits first, then newest clip first. */
export type SortOrder =
  'relevance' | 'clipped-desc' | 'clipped-asc' | 'published-desc' | 'published-asc' | 'title' | 'source';

export interface SearchHit extends ClipSummary {
  /** where the query hit in the title, for highlighting */
  titleMarks: Array<[number, number]>;
  /** the first hit outside the title, or the start of the text */
  snippet: Snippet | null;
}

export interface SearchResult {
  total: number;
  hits: SearchHit[];
  /** `total` counts candidates not yet checked against their text: it may be a little high */
  approximate: boolean;
}

export interface Facet {
  value: string;
  count: number;
}

export interface Facets {
  sources: Facet[];
  sections: Facet[];
  tags: Facet[];
}

/** The calendar day of a clip time in the browser's time zone ('' for no time). */
function localDate(time: number): string {
  const date = new Date(time);
  if (Number.isNaN(date.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** A row test for `filters` over one table (label lookups done once, not per row). */
function rowFilter(table: DocTable, filters: SearchFilters): ((row: number) => boolean) | null {
  const tests: Array<(row: number) => boolean> = [];
  const has = (column: DocTable['sections'], id: number) => (row: number) => {
    for (let i = column.start[row]!; i < column.start[row + 1]!; i++) if (column.ids[i] === id) return true;
    return false;
  };
  const labelTest = (label: string | undefined, test: (id: number) => (row: number) => boolean) => {
    if (!label) return;
    const id = table.labelId(label);
    tests.push(id < 0 ? () => false : test(id));
  };
  labelTest(filters.source, (id) => (row) => table.sourceLabelId(row) === id);
  labelTest(filters.section, (id) => has(table.sections, id));
  labelTest(filters.tag, (id) => has(table.tags, id));
  const { publishedFrom, publishedTo, clippedFrom, clippedTo } = filters;
  if (publishedFrom || publishedTo) {
    tests.push((row) => {
      const day = table.published.at(row).slice(0, 10);
      return !!day && !(publishedFrom && day < publishedFrom) && !(publishedTo && day > publishedTo);
    });
  }
  if (clippedFrom || clippedTo) {
    tests.push((row) => {
      const day = localDate(table.clipped[row]!);
      return !(clippedFrom && day < clippedFrom) && !(clippedTo && day > clippedTo);
    });
  }
  if (tests.length === 0) return null;
  return (row) => tests.every((test) => test(row));
}

/**
 * Reads the table of live docs ahead of the first search (the worker calls it when it starts). A
 * search does not need it to have run: it is one record and the docs written since.
 */
export async function warmUp(db: JianbaoDatabase): Promise<void> {
  await db.searchIndex.docTable();
}

/** The page size the popup asks for: the rows that fit in it, and a few more. */
export const RESULT_PAGE = 12;

/** A row's title, kicker, source, site name, sections and tags, normalised: where a single character is sought. */
function metadataOf(table: DocTable, row: number): string {
  const labels = (column: DocTable['sections']) => {
    const values: string[] = [];
    for (let i = column.start[row]!; i < column.start[row + 1]!; i++)
      values.push(table.labels[column.ids[i]!]!);
    return values.join(' ');
  };
  const rest = [
    table.label(table.source[row]!) ?? '',
    table.label(table.siteName[row]!) ?? '',
    labels(table.sections),
    labels(table.tags),
  ].join('\n');
  return `${table.heads.at(row)}\n${normalize(rest)}`;
}

/**
 * A query's ranked candidates (rows of one doc table), checked against their text lazily, in rank
 * order, as far as pages have been asked for: a popular phrase can have thousands of candidates, and
 * reading each clip costs a request, so only what is shown (and what comes before it) is ever read.
 */
interface ResultList {
  table: DocTable;
  /** every candidate (before filters), newest clip first: what facets count */
  pool: Int32Array;
  ranking: Ranking;
  terms: QueryTerm[];
  /** terms the index cannot confirm alone (phrases, mixed scripts): their candidates' text is checked */
  toCheck: QueryTerm[];
  /** how many of the ranking have been resolved, and the rows that passed */
  resolved: number;
  verified: number[];
  /** clips read for the text check, kept for the page's snippets */
  read: Map<string, Clip>;
}

/** Candidates in rank order, worked out only as far as asked. */
interface Ranking {
  /** how many candidates pass the filters */
  readonly length: number;
  /** the row at rank `k` (k < length) */
  at(k: number): number;
  /** whether the row at rank `k` holds every term in its title or kicker (its text needs no check) */
  headHit(k: number): boolean;
  /** every row, in rank order */
  all(): Int32Array;
}

/** A ranking fully worked out (a chosen sort order). */
class SortedRanking implements Ranking {
  constructor(private readonly rows: Int32Array) {}
  get length() {
    return this.rows.length;
  }
  at(k: number) {
    return this.rows[k]!;
  }
  headHit() {
    return false;
  }
  all() {
    return this.rows;
  }
}

const WALK_STEP = 512;

/**
 * Best match first: rows whose title or kicker holds every term, then some, then none; newest clip
 * first within each. Walks the newest-first pool only until the rank asked for is known: when the
 * first tier fills a page early (a common word found in many titles), the rest is never looked at.
 */
class TierRanking implements Ranking {
  private next = 0;
  private readonly tiers: [number[], number[], number[]] = [[], [], []];

  constructor(
    private readonly pool: Int32Array,
    /** the row's tier, or -1 when it fails the filters */
    private readonly tierOf: (row: number) => number,
    readonly length: number,
  ) {}

  private walkUntil(k: number) {
    const first = this.tiers[0];
    while (first.length <= k && this.next < this.pool.length) {
      const end = Math.min(this.pool.length, this.next + WALK_STEP);
      for (let i = this.next; i < end; i++) {
        const row = this.pool[i]!;
        const tier = this.tierOf(row);
        if (tier >= 0) this.tiers[tier]!.push(row);
      }
      this.next = end;
    }
  }

  at(k: number): number {
    this.walkUntil(k);
    const [first, second, third] = this.tiers;
    if (k < first.length) return first[k]!;
    return k < first.length + second.length
      ? second[k - first.length]!
      : third[k - first.length - second.length]!;
  }

  headHit(k: number): boolean {
    this.walkUntil(k);
    return k < this.tiers[0].length;
  }

  all(): Int32Array {
    this.walkUntil(Infinity);
    return Int32Array.from(this.tiers.flat());
  }
}

const collator = new Intl.Collator('zh-CN', { numeric: true });

/** Orders for the library's sort menu; ties (and clips without a publish time) keep newest clip first. */
function sortRows(table: DocTable, rows: Int32Array, sort: Exclude<SortOrder, 'relevance'>): Int32Array {
  // rows ascend newest clip first: a row number is its rank in that order, and breaks every tie
  if (sort === 'clipped-desc') return rows.sort();
  if (sort === 'clipped-asc') return rows.sort().reverse();
  const list = [...rows];
  if (sort === 'title') {
    const titles = new Map(list.map((row) => [row, table.titles.at(row)]));
    list.sort((a, b) => collator.compare(titles.get(a)!, titles.get(b)!) || a - b);
  } else if (sort === 'source') {
    const labels = new Map<number, string>();
    for (const row of list) labels.set(row, table.labels[table.sourceLabelId(row)]!);
    list.sort((a, b) => collator.compare(labels.get(a)!, labels.get(b)!) || a - b);
  } else {
    const times = new Map<number, number>();
    for (const row of list)
      times.set(row, table.published.at(row) ? Date.parse(table.published.at(row)) : NaN);
    const direction = sort === 'published-desc' ? -1 : 1;
    list.sort((a, b) => {
      const [x, y] = [times.get(a)!, times.get(b)!];
      if (Number.isNaN(x) || Number.isNaN(y))
        return Number.isNaN(x) === Number.isNaN(y) ? a - b : Number.isNaN(x) ? 1 : -1;
      return (x - y) * direction || a - b;
    });
  }
  return Int32Array.from(list);
}

/** The result list of a query, kept (in the database's SearchIndex) while the index is unchanged. */
async function resultList(
  db: JianbaoDatabase,
  query: string,
  filters: SearchFilters,
  sort: SortOrder = 'relevance',
): Promise<ResultList> {
  const index = db.searchIndex;
  const snapshot = await index.snapshot();
  const table = await index.docTable(snapshot.state);
  const key = JSON.stringify([
    snapshot.state.changes,
    table.changes,
    snapshot.catalog.segments.length,
    query,
    filters,
    sort,
  ]);
  return index.memo(key, () => rankedList(db, snapshot, table, query, filters, sort));
}

/** The rows (ascending: newest clip first) of the live docs among `docs`. */
function rowsOf(table: DocTable, docs: DocSet): Int32Array {
  if (docs.size > table.size / 8) {
    // a common term matches much of the archive: walking every row costs less than sorting
    const rows = new Int32Array(docs.size);
    let n = 0;
    for (let row = 0; row < table.size; row++) if (docs.has(table.docs[row]!)) rows[n++] = row;
    return rows.subarray(0, n);
  }
  const rows = new Int32Array(docs.size);
  let n = 0;
  for (const doc of docs) {
    const row = table.rowOf(doc);
    if (row >= 0) rows[n++] = row;
  }
  return rows.subarray(0, n).sort();
}

async function rankedList(
  db: JianbaoDatabase,
  snapshot: IndexSnapshot,
  table: DocTable,
  query: string,
  filters: SearchFilters,
  sort: SortOrder,
): Promise<ResultList> {
  const index = db.searchIndex;
  const terms = parseQuery(query);
  let pool: Int32Array;
  const indexed = terms.filter((t) => !t.short);
  if (indexed.length > 0) {
    // every bigram, phrase and word group of every term must hold: looked up as one term, the
    // rarest list of them all leads, and a common term's docs are never gathered on their own
    const all: QueryTerm = {
      ...indexed[0]!,
      indexTerms: [...new Set(indexed.flatMap((t) => t.indexTerms))],
      phrases: indexed.flatMap((t) => t.phrases),
      anyOf: indexed.flatMap((t) => t.anyOf),
    };
    pool = rowsOf(table, await docsMatching(index, snapshot, all));
  } else pool = Int32Array.from({ length: table.size }, (_, row) => row);
  const shortTerms = terms.filter((t) => t.short);
  // a single CJK character is matched in titles and metadata only: in bodies it is everywhere
  if (shortTerms.length > 0)
    pool = pool.filter((row) => {
      const metadata = metadataOf(table, row);
      return shortTerms.every((t) => textMatches(metadata, t));
    });
  const passes = rowFilter(table, filters);
  let length = pool.length;
  if (passes) {
    length = 0;
    for (const row of pool) if (passes(row)) length++;
  }
  const tierOf = (row: number) => {
    if (passes && !passes(row)) return -1;
    if (terms.length === 0) return 0;
    const head = table.heads.at(row);
    let inHead = 0;
    for (const term of terms) if (textMatches(head, term)) inHead++;
    return inHead === terms.length ? 0 : inHead > 0 ? 1 : 2;
  };
  const tiers = new TierRanking(pool, tierOf, length);
  return {
    table,
    pool,
    // a chosen order replaces the tiers, so no prefix is known to need no text check
    ranking: sort === 'relevance' ? tiers : new SortedRanking(sortRows(table, tiers.all(), sort)),
    terms,
    // Positions modulo 256 make a false phrase rare, not impossible; the clips shown are read for
    // their snippets anyway, so phrases are confirmed in the text too, at almost no extra cost.
    toCheck: terms.filter((t) => (t.needsCheck || t.phrases.length > 0) && !t.short),
    resolved: 0,
    verified: [],
    read: new Map(),
  };
}

async function readClips(db: JianbaoDatabase, ids: string[]): Promise<Map<string, Clip>> {
  const tx = db.transaction('clips');
  const clips = await Promise.all(ids.map((id) => tx.store.get(id)));
  return new Map(clips.filter((c): c is Clip => !!c).map((c) => [c.id, c]));
}

function fullTextOf(clip: Clip): string {
  const { head, rest } = searchFields(clip);
  return normalize([...head, ...rest].join('\n'));
}

const CHECK_BATCH = 32;

/** Resolves candidates in rank order until `count` results are known (or none are left). */
async function verifyUpTo(db: JianbaoDatabase, list: ResultList, count: number): Promise<void> {
  const { ranking, table } = list;
  while (list.verified.length < count && list.resolved < ranking.length) {
    const at = list.resolved;
    // clips whose title or kicker holds every term need no reading (the check there was exact)
    if (list.toCheck.length === 0 || ranking.headHit(at)) {
      list.verified.push(ranking.at(at));
      list.resolved++;
      continue;
    }
    const end = Math.min(
      ranking.length,
      at + Math.min(CHECK_BATCH, Math.max(4, count - list.verified.length)),
    );
    const batch: number[] = [];
    for (let k = at; k < end; k++) batch.push(ranking.at(k));
    const clips = await readClips(
      db,
      batch.map((row) => table.ids.at(row)),
    );
    for (const row of batch) {
      const clip = clips.get(table.ids.at(row));
      if (clip) {
        list.read.set(clip.id, clip);
        // normalised once per clip, not once per term checked
        const text = fullTextOf(clip);
        if (list.toCheck.every((t) => textMatches(text, t))) list.verified.push(row);
      }
      list.resolved++;
    }
  }
}

function totalOf(list: ResultList): { total: number; approximate: boolean } {
  const unresolved = list.ranking.length - list.resolved;
  return { total: list.verified.length + unresolved, approximate: unresolved > 0 && list.toCheck.length > 0 };
}

/** The snippet: the first field after the title where the query hits, else the start of the body. */
function snippetFor(clip: Clip, terms: QueryTerm[]): Snippet | null {
  if (terms.length) {
    const { head, rest } = searchFields(clip);
    for (const field of [head[1]!, ...rest]) {
      const snippet = field ? snippetOf(field, terms) : null;
      if (snippet) return snippet;
    }
  }
  const text = clip.textContent.replace(/\s+/g, ' ').trim();
  return text ? { text: text.length > 90 ? `${text.slice(0, 90)}…` : text, highlights: [] } : null;
}

export async function searchArchive(
  db: JianbaoDatabase,
  request: { query: string; filters: SearchFilters; offset: number; limit: number; sort?: SortOrder },
): Promise<SearchResult> {
  const list = await resultList(db, request.query, request.filters, request.sort);
  await verifyUpTo(db, list, request.offset + request.limit);
  const page = list.verified.slice(request.offset, request.offset + request.limit);
  const ids = page.map((row) => list.table.ids.at(row));
  // the page's summaries and the clips its snippets come from, at once
  const [docs, clips] = await Promise.all([
    db.searchIndex.readDocs(page.map((row) => list.table.docs[row]!)),
    readClips(
      db,
      ids.filter((id) => !list.read.has(id)),
    ),
  ]);
  for (const [id, clip] of list.read) clips.set(id, clip);
  // the clips are only kept for the page that follows their check
  list.read = new Map();
  const { terms } = list;
  const hits = docs.map((doc): SearchHit => {
    const clip = clips.get(doc.id);
    return {
      ...toSummary(doc),
      titleMarks: terms.length ? (snippetOf(doc.title, terms, doc.title.length)?.highlights ?? []) : [],
      snippet: clip ? snippetFor(clip, terms) : null,
    };
  });
  return { ...totalOf(list), hits };
}

/** Every clip id of a query's result, in rank order, each checked against its text (for exporting it). */
export async function searchResultIds(
  db: JianbaoDatabase,
  request: { query: string; filters: SearchFilters; sort?: SortOrder },
): Promise<string[]> {
  const list = await resultList(db, request.query, request.filters, request.sort);
  while (list.resolved < list.ranking.length) {
    await verifyUpTo(db, list, list.verified.length + 256);
    // the clips read for the check are dropped as it goes: a result can be the whole archive
    list.read = new Map();
  }
  return list.verified.map((row) => list.table.ids.at(row));
}

/** The clips before and after `id` in the result list of `query` and `filters`. */
export async function neighbours(
  db: JianbaoDatabase,
  id: string,
  query: string,
  filters: SearchFilters,
  sort?: SortOrder,
): Promise<{ previous: string | null; next: string | null; position: number; total: number }> {
  const list = await resultList(db, query, filters, sort);
  const row = list.table.ids.indexOf(id);
  const candidate = row < 0 ? -1 : list.ranking.all().indexOf(row);
  if (candidate < 0) return { previous: null, next: null, position: -1, total: totalOf(list).total };
  // resolve candidates through this clip (it may fail its text check), then one result more
  while (list.resolved <= candidate && list.resolved < list.ranking.length) {
    await verifyUpTo(db, list, list.verified.length + 1);
  }
  const at = list.verified.indexOf(row);
  if (at < 0) return { previous: null, next: null, position: -1, total: totalOf(list).total };
  await verifyUpTo(db, list, at + 2);
  const idAt = (i: number) =>
    i >= 0 && i < list.verified.length ? list.table.ids.at(list.verified[i]!) : null;
  return { previous: idAt(at - 1), next: idAt(at + 1), position: at, total: totalOf(list).total };
}

/**
 * The values the filter chips offer, most used first, with counts. Each group is counted among the
 * clips the query and the OTHER groups' filters leave, so chips narrow each other (a source's count
 * is what choosing it would show) and a chosen chip's siblings stay offered. With a query the counts
 * are of its candidates before the text check (exact for words, an upper bound for phrases).
 * Counted over the doc table's label ids: no summary is read.
 */
export async function facets(
  db: JianbaoDatabase,
  request: { query?: string; filters?: SearchFilters } = {},
): Promise<Facets> {
  const filters = request.filters ?? {};
  const query = request.query?.trim() ?? '';
  const list = query ? await resultList(db, query, {}) : null;
  const table = list?.table ?? (await db.searchIndex.docTable());
  // every popup opened on an unchanged archive asks for the same counts: a walk of every row, once
  const key = JSON.stringify(['facets', table.changes, table.nextDoc, query, filters]);
  return db.searchIndex.memo(key, () => countFacets(table, list?.pool, filters));
}

function countFacets(table: DocTable, rows: Int32Array | undefined, filters: SearchFilters): Facets {
  const countAmong = (
    group: 'source' | 'section' | 'tag',
    idsOf: (row: number, add: (id: number) => void) => void,
  ) => {
    const passes = rowFilter(table, { ...filters, [group]: undefined });
    const counts = new Uint32Array(table.labels.length);
    const add = (id: number) => counts[id]!++;
    const count = (row: number) => {
      if (!passes || passes(row)) idsOf(row, add);
    };
    if (rows) for (const row of rows) count(row);
    else for (let row = 0; row < table.size; row++) count(row);
    const found: Facet[] = [];
    counts.forEach((n, id) => {
      if (n > 0) found.push({ value: table.labels[id]!, count: n });
    });
    return found.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  };
  const each = (column: DocTable['sections']) => (row: number, add: (id: number) => void) => {
    for (let i = column.start[row]!; i < column.start[row + 1]!; i++) add(column.ids[i]!);
  };
  return {
    sources: countAmong('source', (row, add) => add(table.sourceLabelId(row))),
    sections: countAmong('section', each(table.sections)),
    tags: countAmong('tag', each(table.tags)),
  };
}
