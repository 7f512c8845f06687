/**
 * Answers archive queries in the service worker: index lookup, filters, verification, ranking and
 * snippets. The index (./search-index/) says which clips contain every bigram or word of the query,
 * with phrases' bigrams at consecutive positions; the clips listed are then confirmed against their
 * text (they are read for their snippets anyway), so results are exact. Ranking: clips whose title or kicker contains every term first,
 * then those whose title or kicker contains some, then the rest; newest clip first within each.
 */
import { toSummary, type Clip, type ClipSummary } from '../model/article';
import type { JianbaoDatabase } from './db';
import type { SearchDoc } from './records';
import { docsMatching, newestFirstOrder, type IndexSnapshot } from './search-index';
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

export function sourceLabel(doc: Pick<SearchDoc, 'source' | 'siteName' | 'host'>): string {
  return doc.source ?? doc.siteName ?? doc.host;
}

function localDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso.slice(0, 10);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function matchesFilters(doc: SearchDoc, filters: SearchFilters): boolean {
  if (filters.source && sourceLabel(doc) !== filters.source) return false;
  if (filters.section && !doc.section.includes(filters.section)) return false;
  if (filters.tag && !doc.tags.includes(filters.tag)) return false;
  if (filters.publishedFrom || filters.publishedTo) {
    const day = doc.publishedAt?.slice(0, 10);
    if (!day) return false;
    if (filters.publishedFrom && day < filters.publishedFrom) return false;
    if (filters.publishedTo && day > filters.publishedTo) return false;
  }
  if (filters.clippedFrom || filters.clippedTo) {
    const day = localDate(doc.clippedAt);
    if (filters.clippedFrom && day < filters.clippedFrom) return false;
    if (filters.clippedTo && day > filters.clippedTo) return false;
  }
  return true;
}

/**
 * Loads the list of live docs ahead of the first search (the worker calls it when it starts), with
 * each one's normalised title and kicker, which ranking reads: a first query matching most of the
 * archive would otherwise pay to normalise every title.
 */
export async function warmUp(db: JianbaoDatabase): Promise<void> {
  const snapshot = await db.searchIndex.snapshot();
  const list = await db.searchIndex.liveDocs(snapshot.state.changes);
  for (const doc of list.newestFirst) headOf(doc);
}

/** The page size the popup asks for: the rows that fit in it, and a few more. */
export const RESULT_PAGE = 12;

const heads = new WeakMap<SearchDoc, string>();
function headOf(doc: SearchDoc): string {
  let head = heads.get(doc);
  if (head === undefined) heads.set(doc, (head = normalize(`${doc.title}\n${doc.kicker ?? ''}`)));
  return head;
}

function metadataOf(doc: SearchDoc): string {
  return normalize(
    [
      doc.title,
      doc.kicker ?? '',
      doc.source ?? '',
      doc.siteName ?? '',
      doc.section.join(' '),
      doc.tags.join(' '),
    ].join('\n'),
  );
}

function fullTextOf(clip: Clip): string {
  const { head, rest } = searchFields(clip);
  return normalize([...head, ...rest].join('\n'));
}

async function readClips(db: JianbaoDatabase, ids: string[]): Promise<Map<string, Clip>> {
  const tx = db.transaction('clips');
  const clips = await Promise.all(ids.map((id) => tx.store.get(id)));
  return new Map(clips.filter((c): c is Clip => !!c).map((c) => [c.id, c]));
}

/**
 * A query's ranked candidates, checked against their text lazily, in rank order, as far as pages
 * have been asked for: a popular phrase can have thousands of candidates, and reading each clip costs
 * a request, so only what is shown (and what comes before it) is ever read.
 */
interface ResultList {
  ranked: SearchDoc[];
  /** the first `headHits` of `ranked` hold every term in their title or kicker */
  headHits: number;
  terms: QueryTerm[];
  /** terms the index cannot confirm alone (phrases, mixed scripts): their candidates' text is checked */
  toCheck: QueryTerm[];
  /** how many of `ranked` have been resolved, and the ones that passed */
  resolved: number;
  verified: SearchDoc[];
  /** clips read for the text check, kept for the page's snippets */
  read: Map<string, Clip>;
}

/** Candidates up to this many are read by doc number when the list of clips is not loaded yet. */
const DIRECT_READ_LIMIT = 500;

const collator = new Intl.Collator('zh-CN', { numeric: true });
const publishedTime = (doc: SearchDoc) => (doc.publishedAt ? Date.parse(doc.publishedAt) : NaN);

/** Orders for the library's sort menu; ties (and clips without a publish time) go newest clip first. */
function sortDocs(docs: SearchDoc[], sort: Exclude<SortOrder, 'relevance'>): SearchDoc[] {
  if (sort === 'clipped-desc') return docs.sort(newestFirstOrder);
  if (sort === 'clipped-asc') return docs.sort((a, b) => newestFirstOrder(b, a));
  if (sort === 'title')
    return docs.sort((a, b) => collator.compare(a.title, b.title) || newestFirstOrder(a, b));
  if (sort === 'source') {
    return docs.sort((a, b) => collator.compare(sourceLabel(a), sourceLabel(b)) || newestFirstOrder(a, b));
  }
  const times = new Map(docs.map((d) => [d, publishedTime(d)]));
  const direction = sort === 'published-desc' ? -1 : 1;
  return docs.sort((a, b) => {
    const [x, y] = [times.get(a)!, times.get(b)!];
    if (Number.isNaN(x) || Number.isNaN(y))
      return Number.isNaN(x) === Number.isNaN(y) ? newestFirstOrder(a, b) : Number.isNaN(x) ? 1 : -1;
    return (x - y) * direction || newestFirstOrder(a, b);
  });
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
  const key = JSON.stringify([
    snapshot.state.changes,
    snapshot.catalog.segments.length,
    query,
    filters,
    sort,
  ]);
  return index.memo(key, () => rankedList(db, snapshot, query, filters, sort));
}

async function rankedList(
  db: JianbaoDatabase,
  snapshot: IndexSnapshot,
  query: string,
  filters: SearchFilters,
  sort: SortOrder,
): Promise<ResultList> {
  const index = db.searchIndex;
  const terms = parseQuery(query);
  let pool: SearchDoc[];
  if (terms.some((t) => !t.short)) {
    let candidates: Set<number> | undefined;
    for (const term of terms) {
      if (term.short) continue;
      const docs = await docsMatching(index, snapshot, term);
      if (candidates) {
        const [fewer, more] = docs.size < candidates.size ? [docs, candidates] : [candidates, docs];
        candidates = new Set([...fewer].filter((d) => more.has(d)));
      } else candidates = docs;
      if (candidates.size === 0) break;
    }
    const matching = candidates!;
    // once loaded, the list is kept up to date by reading only the docs added since
    const known = index.docListLoaded ? await index.liveDocs(snapshot.state.changes) : undefined;
    if (!known && matching.size <= DIRECT_READ_LIMIT) {
      // a worker just woken has not loaded the list of clips yet (100,000 summaries take a while):
      // a selective query reads its few candidates' summaries instead of waiting for it
      pool = (await index.readDocs([...matching])).sort(newestFirstOrder);
    } else {
      const list = known ?? (await index.liveDocs(snapshot.state.changes));
      // the pool keeps newest-first order: a common term matches most of the archive, and picking its
      // docs out of the sorted list costs less than sorting them again
      pool =
        matching.size > list.newestFirst.length / 8
          ? list.newestFirst.filter((d) => matching.has(d.doc))
          : [...matching]
              .map((d) => list.byDoc.get(d))
              .filter((d): d is SearchDoc => !!d)
              .sort(newestFirstOrder);
    }
  } else pool = (await index.liveDocs(snapshot.state.changes)).newestFirst;
  const shortTerms = terms.filter((t) => t.short);
  // tiers partition the newest-first pool, which keeps its order within each: no sort needed
  const byTier: [SearchDoc[], SearchDoc[], SearchDoc[]] = [[], [], []];
  for (const doc of pool) {
    if (!matchesFilters(doc, filters)) continue;
    // a single CJK character is matched in titles and metadata only: in bodies it is everywhere
    if (shortTerms.length && !shortTerms.every((t) => textMatches(metadataOf(doc), t))) continue;
    if (terms.length === 0) {
      byTier[0].push(doc);
      continue;
    }
    const head = headOf(doc);
    const inHead = terms.filter((t) => textMatches(head, t)).length;
    byTier[inHead === terms.length ? 0 : inHead > 0 ? 1 : 2].push(doc);
  }
  const sorted = sort !== 'relevance';
  const result: ResultList = {
    // a chosen order replaces the tiers, so no prefix is known to need no text check
    ranked: sorted ? sortDocs(byTier.flat(), sort) : byTier.flat(),
    headHits: sorted ? 0 : byTier[0].length,
    terms,
    // Positions modulo 256 make a false phrase rare, not impossible; the clips shown are read for
    // their snippets anyway, so phrases are confirmed in the text too, at almost no extra cost.
    toCheck: terms.filter((t) => (t.needsCheck || t.phrases.length > 0) && !t.short),
    resolved: 0,
    verified: [],
    read: new Map(),
  };
  return result;
}

const CHECK_BATCH = 32;

/** Resolves candidates in rank order until `count` results are known (or none are left). */
async function verifyUpTo(db: JianbaoDatabase, list: ResultList, count: number): Promise<void> {
  while (list.verified.length < count && list.resolved < list.ranked.length) {
    const at = list.resolved;
    // clips whose title or kicker holds every term need no reading (the check there was exact)
    if (list.toCheck.length === 0 || at < list.headHits) {
      list.verified.push(list.ranked[at]!);
      list.resolved++;
      continue;
    }
    const batch = list.ranked.slice(
      at,
      at + Math.min(CHECK_BATCH, Math.max(4, count - list.verified.length)),
    );
    const clips = await readClips(
      db,
      batch.map((d) => d.id),
    );
    for (const doc of batch) {
      const clip = clips.get(doc.id);
      if (clip) list.read.set(doc.id, clip);
      if (clip && list.toCheck.every((t) => textMatches(fullTextOf(clip), t))) list.verified.push(doc);
      list.resolved++;
    }
  }
}

function totalOf(list: ResultList): { total: number; approximate: boolean } {
  const unresolved = list.ranked.length - list.resolved;
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
  const clips = await readClips(
    db,
    page.map((d) => d.id).filter((id) => !list.read.has(id)),
  );
  for (const [id, clip] of list.read) clips.set(id, clip);
  // the clips are only kept for the page that follows their check
  list.read = new Map();
  const { terms } = list;
  const hits = page.map((doc): SearchHit => {
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
  while (list.resolved < list.ranked.length) {
    await verifyUpTo(db, list, list.verified.length + 256);
    // the clips read for the check are dropped as it goes: a result can be the whole archive
    list.read = new Map();
  }
  return list.verified.map((doc) => doc.id);
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
  const candidate = list.ranked.findIndex((d) => d.id === id);
  if (candidate < 0) return { previous: null, next: null, position: -1, total: totalOf(list).total };
  // resolve candidates through this clip (it may fail its text check), then one result more
  while (list.resolved <= candidate && list.resolved < list.ranked.length) {
    await verifyUpTo(db, list, list.verified.length + 1);
  }
  const at = list.verified.findIndex((d) => d.id === id);
  if (at < 0) return { previous: null, next: null, position: -1, total: totalOf(list).total };
  await verifyUpTo(db, list, at + 2);
  return {
    previous: list.verified[at - 1]?.id ?? null,
    next: list.verified[at + 1]?.id ?? null,
    position: at,
    total: totalOf(list).total,
  };
}

function countValues(values: string[]): Facet[] {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}

/**
 * The values the filter chips offer, most used first, with counts. Each group is counted among the
 * clips the query and the OTHER groups' filters leave, so chips narrow each other (a source's count
 * is what choosing it would show) and a chosen chip's siblings stay offered. With a query the counts
 * are of its candidates before the text check (exact for words, an upper bound for phrases).
 */
export async function facets(
  db: JianbaoDatabase,
  request: { query?: string; filters?: SearchFilters } = {},
): Promise<Facets> {
  const filters = request.filters ?? {};
  const query = request.query?.trim() ?? '';
  const snapshot = await db.searchIndex.snapshot();
  const docs = query
    ? (await resultList(db, query, {})).ranked
    : (await db.searchIndex.liveDocs(snapshot.state.changes)).newestFirst;
  const countAmong = (group: 'source' | 'section' | 'tag', valuesOf: (doc: SearchDoc) => string[]) => {
    const others: SearchFilters = { ...filters, [group]: undefined };
    const filtering = Object.values(others).some(Boolean);
    return countValues((filtering ? docs.filter((d) => matchesFilters(d, others)) : docs).flatMap(valuesOf));
  };
  return {
    sources: countAmong('source', (d) => [sourceLabel(d)]),
    sections: countAmong('section', (d) => [...new Set(d.section)]),
    tags: countAmong('tag', (d) => [...new Set(d.tags)]),
  };
}
