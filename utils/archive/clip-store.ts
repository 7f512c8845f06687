/**
 * Reads and writes clips. Every write is one IndexedDB transaction, so a service worker killed
 * mid-save leaves either the old archive or the new one, never half a record.
 */
import type {
  Article,
  CaptureNote,
  Clip,
  ClipAsset,
  ClipSnapshot,
  ClipSummary,
  ClipVersion,
} from '../model/article';
import { toSummary } from '../model/article';
import type { JianbaoDatabase } from './db';
import type { ClipOutcome, ImportSummary, JianbaoDB } from './records';
import type { ExportCursor, ExportPage } from '../archive-io/export';
import { mergeClips, sameClip } from '../archive-io/merge';
import {
  BULK_WRITE_STORES,
  BulkIndexer,
  CLIP_WRITE_STORES,
  indexClip,
  indexedFields,
  SegmentPieces,
  STATE_KEY,
  unindexClip,
  type IndexedFields,
  type IndexWriteTx,
} from './search-index';
import { unwrap, type IDBPTransaction, type StoreNames } from 'idb';

export type { ImportSummary } from './records';
import type { AssetRecord } from './assets';
import { ASSET_PREFIX, assetRefs, mapImageSources } from '../model/asset-html';

/** Earlier texts kept per clip; older ones are dropped. */
export const MAX_VERSIONS = 5;

export interface SaveOptions {
  /** replace an existing clip of the same canonical URL (otherwise report it as existing) */
  update: boolean;
  now?: Date;
  newId?: () => string;
  /** what was kept of the page besides the article (images, snapshot) and what was not */
  capture?: Capture;
  /** the blobs `capture` refers to, written in the same transaction as the clip */
  assets?: readonly AssetRecord[];
}

/** The page's evidence kept with a clip: its images, its snapshot, and notes on what was not kept. */
export interface Capture {
  assets: ClipAsset[];
  snapshot: ClipSnapshot | null;
  notes: CaptureNote[];
}

export const NO_CAPTURE: Capture = { assets: [], snapshot: null, notes: [] };

export function newClip(article: Article, now: Date, id: string, capture: Capture = NO_CAPTURE): Clip {
  const at = now.toISOString();
  return {
    ...article,
    id,
    host: new URL(article.url).hostname,
    clippedAt: at,
    updatedAt: at,
    tags: [],
    note: null,
    versions: [],
    ...capture,
    gone: null,
  };
}

/** The clip after clipping its page again: new text, first clip time kept, old text kept as a version. */
export function updatedClip(
  previous: Clip,
  article: Article,
  now: Date,
  capture: Capture = NO_CAPTURE,
): Clip {
  const sameText = previous.textContent === article.textContent && previous.title === article.title;
  const earlier: ClipVersion = {
    savedAt: previous.updatedAt,
    title: previous.title,
    contentHtml: previous.contentHtml,
    textContent: previous.textContent,
    snapshot: previous.snapshot?.sha256 ?? null,
  };
  return {
    ...previous,
    ...article,
    id: previous.id,
    host: previous.host,
    clippedAt: previous.clippedAt,
    updatedAt: now.toISOString(),
    tags: previous.tags,
    note: previous.note,
    versions: sameText ? previous.versions : [earlier, ...previous.versions].slice(0, MAX_VERSIONS),
    ...capture,
    // the page is back
    gone: null,
  };
}

/** Stores blobs not already stored (the key is their hash, so an existing one is the same bytes). */
export async function putAssets(
  store: { getKey(key: string): Promise<string | undefined>; put(value: AssetRecord): Promise<string> },
  records: readonly AssetRecord[],
): Promise<void> {
  const present = await Promise.all(records.map((record) => store.getKey(record.sha256)));
  await Promise.all(records.map((record, i) => (present[i] === undefined ? store.put(record) : undefined)));
}

/**
 * The page of a clip was found gone (404, the site's "deleted" page) when clipped again: the clip
 * keeps its text and is marked, never overwritten. Returns the marked clip, or null when none.
 */
export async function markGone(
  db: JianbaoDatabase,
  canonicalUrl: string,
  status: number | null,
  now = new Date(),
): Promise<ClipSummary | null> {
  const tx = db.transaction('clips', 'readwrite');
  const existing = await tx.store.index('canonicalUrl').get(canonicalUrl);
  if (existing && !existing.gone)
    await tx.store.put({ ...existing, gone: { at: now.toISOString(), status } });
  await tx.done;
  return existing
    ? toSummary({ ...existing, gone: existing.gone ?? { at: now.toISOString(), status } })
    : null;
}

export async function saveArticle(
  db: JianbaoDatabase,
  article: Article,
  options: SaveOptions,
): Promise<ClipOutcome> {
  const now = options.now ?? new Date();
  const tx = db.transaction([...CLIP_WRITE_STORES, 'assets'], 'readwrite');
  const clips = tx.objectStore('clips');
  const existing = await clips.index('canonicalUrl').get(article.canonicalUrl);
  let outcome: ClipOutcome;
  if (existing && !options.update) {
    outcome = { status: 'exists', clip: toSummary(existing) };
  } else if (existing) {
    const clip = updatedClip(existing, article, now, options.capture);
    // requests in one transaction run in order; awaiting them together saves turns
    await Promise.all([
      clips.put(clip),
      indexClip(tx, clip),
      putAssets(tx.objectStore('assets'), options.assets ?? []),
    ]);
    outcome = { status: 'updated', clip: toSummary(clip) };
  } else {
    const clip = newClip(article, now, (options.newId ?? (() => crypto.randomUUID()))(), options.capture);
    await Promise.all([
      clips.add(clip),
      indexClip(tx, clip),
      putAssets(tx.objectStore('assets'), options.assets ?? []),
    ]);
    outcome = { status: 'saved', clip: toSummary(clip) };
  }
  await tx.done;
  if (outcome.status !== 'exists') afterWrite(db);
  return outcome;
}

/**
 * Saves what today's extractor read from a clip's own snapshot: the new fields replace the old (the
 * old text kept as a version, as on a re-clip); address, images, snapshot, notes and marks stay.
 * Kept images are matched by their original address. Returns null when the clip is gone.
 */
export async function saveReextracted(
  db: JianbaoDatabase,
  id: string,
  article: Article,
  now = new Date(),
): Promise<ClipSummary | null> {
  return rewriteClip(db, id, (existing) => {
    const kept = new Map(existing.assets.map((asset) => [asset.src, asset.sha256]));
    const contentHtml = mapImageSources(article.contentHtml, (src) => {
      const sha = kept.get(src);
      return sha ? ASSET_PREFIX + sha : undefined;
    });
    const { assets, snapshot, notes, gone, url, canonicalUrl } = existing;
    return {
      ...updatedClip(existing, { ...article, contentHtml, url, canonicalUrl }, now, {
        assets,
        snapshot,
        notes,
      }),
      gone,
    };
  });
}

/**
 * Replaces clip `id` with `change(existing)` and re-indexes it, in one transaction; returns the new
 * summary, or null when the clip is gone.
 */
async function rewriteClip(
  db: JianbaoDatabase,
  id: string,
  change: (existing: Clip) => Clip,
): Promise<ClipSummary | null> {
  const tx = db.transaction(CLIP_WRITE_STORES, 'readwrite');
  const existing = await tx.objectStore('clips').get(id);
  if (!existing) {
    await tx.done;
    return null;
  }
  const clip = change(existing);
  // requests in one transaction run in order; awaiting them together saves turns
  await Promise.all([tx.objectStore('clips').put(clip), indexClip(tx, clip)]);
  await tx.done;
  afterWrite(db);
  return toSummary(clip);
}

/** Segments the index in the background once enough new clips have gathered (see SearchIndex.compact). */
function afterWrite(db: JianbaoDatabase) {
  db.searchIndex.compact().catch((error) => console.warn('index compaction failed', error));
}

/** Limits of what a user may attach to a clip. */
export const MAX_TAGS = 50;
export const MAX_TAG_LENGTH = 50;
export const MAX_NOTE_LENGTH = 10_000;

/** Tags as the user typed them, trimmed, without duplicates or empties. */
export function cleanTags(tags: string[]): string[] {
  const seen = new Set<string>();
  for (const tag of tags) {
    const clean = tag.replace(/\s+/g, ' ').trim().slice(0, MAX_TAG_LENGTH);
    if (clean) seen.add(clean);
  }
  return [...seen].slice(0, MAX_TAGS);
}

/** Sets a clip's tags and note (and re-indexes it); returns the new summary, or null if it is gone. */
export async function editClip(
  db: JianbaoDatabase,
  id: string,
  changes: { tags: string[]; note: string | null },
): Promise<ClipSummary | null> {
  const note = changes.note?.trim().slice(0, MAX_NOTE_LENGTH) || null;
  return rewriteClip(db, id, (existing) => ({ ...existing, tags: cleanTags(changes.tags), note }));
}

/** Deletes a clip and its index entry; returns the deleted record so that the user can undo. */
export async function deleteClip(db: JianbaoDatabase, id: string): Promise<Clip | null> {
  const tx = db.transaction(CLIP_WRITE_STORES, 'readwrite');
  const existing = await tx.objectStore('clips').get(id);
  if (existing) {
    await tx.objectStore('clips').delete(id);
    await unindexClip(tx, id);
  }
  await tx.done;
  return existing ?? null;
}

/**
 * Puts a deleted clip back (undo). If its page was clipped again meanwhile, the newer clip stays
 * and the restore is refused, so there are never two clips of one canonical URL.
 */
export async function restoreClip(
  db: JianbaoDatabase,
  clip: Clip,
): Promise<{ restored: true; clip: ClipSummary } | { restored: false; reason: 'exists' }> {
  const tx = db.transaction(CLIP_WRITE_STORES, 'readwrite');
  const clips = tx.objectStore('clips');
  const clash = await clips.index('canonicalUrl').getKey(clip.canonicalUrl);
  if (clash !== undefined && clash !== clip.id) {
    await tx.done;
    return { restored: false, reason: 'exists' };
  }
  await clips.put(clip);
  await indexClip(tx, clip);
  await tx.done;
  afterWrite(db);
  return { restored: true, clip: toSummary(clip) };
}

/**
 * How many clips the archive holds, as the search index keeps the count: in Chromium a store's
 * count() reads every record (1.8 GB at 100,000 clips). Counted only when the index has no state.
 */
async function clipCount(
  tx: IDBPTransaction<JianbaoDB, ArrayLike<StoreNames<JianbaoDB>>, IDBTransactionMode>,
): Promise<number> {
  const state = await tx.objectStore('indexMeta').get(STATE_KEY);
  return state?.clips ?? tx.objectStore('clips').count();
}

export async function listClips(
  db: JianbaoDatabase,
  offset: number,
  limit: number,
): Promise<{ clips: ClipSummary[]; total: number }> {
  const tx = db.transaction(['clips', 'indexMeta']);
  const total = await clipCount(tx);
  const clips: ClipSummary[] = [];
  let cursor = await tx.objectStore('clips').index('clippedAt').openCursor(null, 'prev');
  if (cursor && offset > 0) cursor = await cursor.advance(offset);
  while (cursor && clips.length < limit) {
    clips.push(toSummary(cursor.value));
    cursor = await cursor.continue();
  }
  await tx.done;
  return { clips, total };
}

export function getClip(db: JianbaoDatabase, id: string): Promise<Clip | undefined> {
  return db.get('clips', id);
}

/** How many records each object store holds (the settings page's storage breakdown). */
export async function storeCounts(db: JianbaoDatabase): Promise<Record<string, number>> {
  const names = [...db.objectStoreNames];
  const tx = db.transaction(names);
  const counts = await Promise.all(
    names.map((name) => (name === 'clips' ? clipCount(tx) : tx.objectStore(name).count())),
  );
  return Object.fromEntries(names.map((name, i) => [name, counts[i]!]));
}

/**
 * Empties the archive: clips and the whole index, in one transaction. Doc and segment numbers carry
 * on from where they were, so nothing cached under an old number can be mistaken for a new record.
 */
export async function clearArchive(db: JianbaoDatabase): Promise<void> {
  const tx = db.transaction([...CLIP_WRITE_STORES, 'segments'], 'readwrite');
  const [state, catalog] = await Promise.all([
    tx.objectStore('indexMeta').get('state'),
    tx.objectStore('segments').get([0, 0]),
  ]);
  await Promise.all(
    (['clips', 'searchDocs', 'indexTail', 'segments'] as const).map((store) => tx.objectStore(store).clear()),
  );
  await Promise.all([
    tx
      .objectStore('indexMeta')
      .put({ nextDoc: state?.nextDoc ?? 1, changes: (state?.changes ?? 0) + 1, clips: 0 }, 'state'),
    catalog && 'nextSegment' in catalog
      ? tx.objectStore('segments').put({ nextSegment: catalog.nextSegment, segments: [] }, [0, 0])
      : undefined,
  ]);
  await tx.done;
}

/** Text characters per export page sent in a runtime message: far below Chrome's 64 MiB limit. */
export const EXPORT_PAGE_CHARS = 4_000_000;
/** ...and per page sent as a Blob, which no message carries: fewer, larger pages, fewer round trips. */
export const EXPORT_BLOB_PAGE_CHARS = 20_000_000;

function approximateChars(clip: Clip): number {
  let chars = clip.contentHtml.length + clip.textContent.length + (clip.note?.length ?? 0) + 2_000;
  for (const version of clip.versions) chars += version.contentHtml.length + version.textContent.length;
  return chars;
}

/**
 * One page of the whole archive for export, oldest first by clippedAt (id breaks ties): at most
 * `limit` clips and about `maxChars` characters, but always at least one clip.
 * Reads with getAll, not a cursor: in Chromium a cursor step per record costs ~2.5× more.
 */
export async function exportPage(
  db: JianbaoDatabase,
  after: ExportCursor | null,
  limit: number,
  maxChars = EXPORT_PAGE_CHARS,
): Promise<ExportPage> {
  const tx = db.transaction(['clips', 'indexMeta']);
  const store = tx.objectStore('clips');
  const index = store.index('clippedAt');
  // (for the progress bar: the first page's count stands for the whole export)
  const total = after ? null : await clipCount(tx);
  let clips: Clip[] = [];
  if (after) {
    // The rest of the clips with the same clip time as the last one sent (primary keys come sorted).
    const tied = await index.getAllKeys(IDBKeyRange.only(after.clippedAt));
    const rest = tied.filter((id) => id > after.id).slice(0, limit);
    clips = (await Promise.all(rest.map((id) => store.get(id)))).filter((c): c is Clip => !!c);
  }
  if (clips.length < limit) {
    const range = after ? IDBKeyRange.lowerBound(after.clippedAt, true) : null;
    clips.push(...(await index.getAll(range, limit - clips.length)));
  }
  await tx.done;
  let chars = 0;
  let end = 0;
  while (end < clips.length && (end === 0 || chars < maxChars)) chars += approximateChars(clips[end++]!);
  const full = end < clips.length || clips.length === limit;
  clips = clips.slice(0, end);
  const last = clips.at(-1);
  return { clips, next: full && last ? { clippedAt: last.clippedAt, id: last.id } : null, total };
}

/** The assets the clips refer to (these ids, or all clips), images and snapshots apart, sorted. */
export async function assetRefsOf(
  db: JianbaoDatabase,
  ids: readonly string[] | null,
): Promise<{ images: string[]; snapshots: string[] }> {
  const images = new Set<string>();
  const snapshots = new Set<string>();
  const add = (clip: Clip) => {
    const own = new Set([clip.snapshot?.sha256, ...clip.versions.map((v) => v.snapshot)]);
    for (const sha of assetRefs(clip)) (own.has(sha) ? snapshots : images).add(sha);
  };
  if (ids) for (const clip of await getClips(db, ids)) add(clip);
  else {
    let cursor = await db.transaction('clips').store.openCursor();
    while (cursor) {
      add(cursor.value);
      cursor = await cursor.continue();
    }
  }
  return { images: [...images].sort(), snapshots: [...snapshots].sort() };
}

/** The clips with these ids, in this order; ids not in the archive are skipped. */
export async function getClips(db: JianbaoDatabase, ids: readonly string[]): Promise<Clip[]> {
  const tx = db.transaction('clips');
  const clips = await Promise.all(ids.map((id) => tx.store.get(id)));
  await tx.done;
  return clips.filter((clip): clip is Clip => clip !== undefined);
}

/**
 * Writes imported clips (already validated and sanitized) in ONE readwrite transaction: all of them
 * or, on any failure, none. A record whose canonical URL (or else id) is already in the archive is
 * merged into it (see mergeClips); the rest are added as they are. The index is written in the same
 * transaction, as finished segments (BulkIndexer): nothing is left for compaction afterwards.
 * `prebuilt`, the index of exactly these records built ahead, is written as it is when every record
 * is new; otherwise the added clips are indexed here.
 */
export async function importClips(
  db: JianbaoDatabase,
  clips: readonly Clip[],
  prebuilt?: SegmentPieces,
  assets: readonly AssetRecord[] = [],
): Promise<ImportSummary> {
  const writer = await ImportWriter.open(db);
  try {
    const added = await writer.add(clips);
    const addedClips = clips.filter((_, i) => added[i]);
    let index = prebuilt;
    if (!index || addedClips.length !== clips.length) {
      index = new SegmentPieces();
      for (const clip of addedClips) index.add(clip);
      index.close();
    }
    if (addedClips.length > 0) await writer.addIndex([[0, addedClips.length]], index);
    await writer.addAssets(assets);
    return await writer.commit();
  } catch (error) {
    writer.abort();
    throw error;
  }
}

/** Record writes an import lets wait before it takes the next batch (see ImportWriter.writes). */
const MAX_WAITING_WRITES = 500;
/**
 * Record writes made at once while a batch (or the commit) waits for them. One at a time, each
 * waits for a round trip through the IPC and the browser's IndexedDB thread, which on a busy
 * machine takes longer than the write, and the page waited for those round trips; a burst at a
 * time lets them overlap (all of them at once left the writer idle, reading to keep alive).
 */
const WRITE_BURST = 8;

/** An import that sends nothing for this long is given up (its page was closed): nothing is written. */
export const IMPORT_IDLE_MS = 2 * 60_000;

/**
 * An import written as it arrives, batch by batch, into ONE readwrite transaction that stays open
 * until `commit` (all or nothing, however large the file: memory holds two batches, not the archive).
 * IndexedDB commits a transaction as soon as no request is pending, so while the writer waits for
 * the next batch it keeps one request in flight: the last batch's record writes one at a time,
 * then small reads. A failure, `abort`, a worker stopped mid-import
 * or IMPORT_IDLE_MS without news all end the transaction without writing anything.
 *
 * Added clips are indexed by segments built elsewhere (the archive page's workers): `add` says which
 * records the page must index, and `addIndex` takes the segments of runs of them, numbered in that
 * order. Merged clips are indexed here.
 */
export class ImportWriter {
  private readonly summary: ImportSummary = { added: 0, merged: 0, unchanged: 0 };
  /** the added clips' indexed fields, by their order of addition, until their index arrives */
  private readonly awaitingIndex: Array<IndexedFields | undefined> = [];
  private indexedCount = 0;
  private readonly ids = new Set<string>();
  private readonly urls = new Set<string>();
  /** operations waiting for the transaction (see next) */
  private readonly work: Array<() => Promise<void>> = [];
  private closed = false;
  private failure: unknown = null;
  private lastActive = Date.now();
  /**
   * Record writes not yet made. They are made one at a time (WRITE_BURST at once while a batch
   * waits for them), each when the last is done and no operation waits, so that they keep the
   * transaction alive while the page prepares the next batch: each keep-alive read is a round trip
   * through the worker, the IPC and the browser, and an import spent tens of thousands of them
   * waiting.
   */
  private readonly writes: Array<() => IDBRequest> = [];
  /** reads made only to keep the transaction open while waiting (the import benchmark prints it) */
  private idleReads = 0;
  /** waiting for `writes` to hold at most `left` */
  private drained: Array<{ left: number; resolve(): void }> = [];

  private constructor(
    private readonly db: JianbaoDatabase,
    private readonly tx: IDBPTransaction<JianbaoDB, Array<StoreNames<JianbaoDB>>, 'readwrite'>,
    private readonly indexer: BulkIndexer,
    private readonly idleMs: number,
    /** whether the archive held no clip when the import began: then no record can meet a stored clip */
    private readonly startedEmpty: boolean,
  ) {
    tx.done.catch((error) => {
      this.failure ??= error ?? new Error('the import transaction was aborted');
      // a failed record write ends it too: whoever waits for the writes learns it now
      this.abort();
    });
    // called in the continuation of BulkIndexer.start's reads: the transaction is active here
    this.next();
  }

  static async open(
    db: JianbaoDatabase,
    { idleMs = IMPORT_IDLE_MS }: { idleMs?: number } = {},
  ): Promise<ImportWriter> {
    // the search's doc table as the import finds it, for the import's docs to be added to it at the
    // end rather than read back (SearchIndex.keepAfterBulkWrite): what a search would read anyway;
    // and its keep, if one is due, done first, lest it overwrite the one the import keeps
    await db.searchIndex.docTable();
    await db.searchIndex.settled();
    const tx = db.transaction([...BULK_WRITE_STORES, 'assets'], 'readwrite');
    // merged clips are cut into segments of at most BUILD_PIECE docs
    const [indexer, firstKey] = await Promise.all([
      BulkIndexer.start(tx, Number.MAX_SAFE_INTEGER, { keepDocs: true }),
      // whether the archive holds any clip: a key is enough (count() would read every record)
      tx.objectStore('clips').getAllKeys(null, 1),
    ]);
    return new ImportWriter(db, tx, indexer, idleMs, firstKey.length === 0);
  }

  /** How many added clips still wait for their prebuilt index. */
  get unindexed(): number {
    return this.awaitingIndex.length - this.indexedCount;
  }

  /**
   * Runs the next waiting operation, or else keeps the transaction alive with one small read. A
   * transaction accepts requests only inside its own requests' events, so this is only ever called
   * there (or in their promise continuations): an operation queued from a message handler waits
   * for the next such event, and the transaction never has a moment with nothing pending.
   */
  private next(): void {
    if (this.closed) return;
    try {
      this.step();
    } catch (error) {
      // the transaction ended under us (a failed request aborted it)
      this.failure ??= error;
      this.abort();
    }
  }

  private step(): void {
    const job = this.work.shift();
    if (job) {
      void job().then(() => this.next());
      return;
    }
    if (this.writes.length > 0) {
      // while a batch waits for the writes to drain, a few at once; else one at a time, so that
      // the rest keeps the transaction open while the page prepares the next batch
      const burst = this.drained.length > 0 ? Math.min(WRITE_BURST, this.writes.length) : 1;
      let left = burst;
      for (let i = 0; i < burst; i++) {
        const write = this.writes.shift()!;
        // a failed write aborts the transaction, which the next operation reports (tx.done)
        write().onsuccess = () => {
          if (--left === 0) this.next();
        };
      }
      for (const waiting of this.drained) if (this.writes.length <= waiting.left) waiting.resolve();
      this.drained = this.drained.filter((waiting) => this.writes.length > waiting.left);
      return;
    }
    if (Date.now() - this.lastActive > this.idleMs) {
      this.failure ??= new Error('the import was abandoned (no data for too long)');
      this.abort();
      return;
    }
    this.idleReads++;
    const request = unwrap(this.tx.objectStore('indexMeta')).get(STATE_KEY);
    request.onsuccess = () => this.next();
  }

  /** How many reads only kept the transaction open so far. */
  get keepAliveReads(): number {
    return this.idleReads;
  }

  /** Resolves once at most `left` record writes wait to be made (or the import is over). */
  private written(left = 0): Promise<void> {
    if (this.writes.length <= left || this.closed) return Promise.resolve();
    return new Promise((resolve) => this.drained.push({ left, resolve }));
  }

  /** Queues `op` (whose requests must all be IndexedDB ones) to run in the transaction, in order. */
  private run<T>(op: () => Promise<T>): Promise<T> {
    this.lastActive = Date.now();
    if (this.closed) return Promise.reject(this.failure ?? new Error('the import is over'));
    return new Promise<T>((resolve, reject) => {
      this.work.push(async () => {
        try {
          if (this.failure) throw this.failure;
          resolve(await op());
        } catch (error) {
          reject(error);
        } finally {
          this.lastActive = Date.now();
        }
      });
    });
  }

  /**
   * Writes a batch of records; for each, whether the page must index it: it was added (new to the
   * archive, rather than merged into a stored clip or unchanged). Lookups for the whole batch are in
   * flight together: thousands of requests at once in one transaction are far faster than one round
   * trip each. The records are written afterwards (see `writes`).
   */
  async add(clips: readonly Clip[]): Promise<boolean[]> {
    // memory holds the records of about two batches waiting to be written, at most
    await this.written(MAX_WAITING_WRITES);
    return this.run(async () => {
      const problem = duplicateInBatch(clips);
      if (problem) throw new Error(problem);
      for (const [i, clip] of clips.entries()) {
        if (this.ids.has(clip.id)) throw new Error(`record ${i} of a batch repeats the id ${clip.id}`);
        if (this.urls.has(clip.canonicalUrl))
          throw new Error(`record ${i} of a batch repeats the canonical URL ${clip.canonicalUrl}`);
      }
      for (const clip of clips) {
        this.ids.add(clip.id);
        this.urls.add(clip.canonicalUrl);
      }
      const store = this.tx.objectStore('clips');
      const rawStore = unwrap(store);
      const byUrl = store.index('canonicalUrl');
      // into an empty archive (a restore), the records can only meet each other, which the sets above
      // rule out: two lookups per record (20,000 reads for 10,000 clips) are saved
      const sameUrl = this.startedEmpty
        ? []
        : await Promise.all(clips.map((clip) => byUrl.get(clip.canonicalUrl)));
      const sameId = this.startedEmpty
        ? []
        : await Promise.all(clips.map((clip, i) => (sameUrl[i] ? undefined : store.get(clip.id))));
      // Two records can meet the same stored clip (one by URL, one by id): merge in turn.
      const current = new Map<string, Clip>();
      const added: boolean[] = [];
      for (const [i, incoming] of clips.entries()) {
        const existing = sameUrl[i] ?? sameId[i];
        added.push(!existing);
        if (!existing) {
          this.writes.push(() => rawStore.add(incoming));
          this.summary.added++;
          this.awaitingIndex.push(indexedFields(incoming));
          continue;
        }
        const base = current.get(existing.id) ?? existing;
        const merged = mergeClips(base, incoming);
        if (sameClip(merged, base)) {
          this.summary.unchanged++;
          continue;
        }
        current.set(existing.id, merged);
        this.summary.merged++;
      }
      const byId = this.tx.objectStore('searchDocs').index('id');
      const previousDocs = await Promise.all([...current.keys()].map((id) => byId.getKey(id)));
      [...current.values()].forEach((clip, i) => {
        this.writes.push(() => rawStore.put(clip));
        this.indexer.add(clip, previousDocs[i]);
      });
      // answered before the records are written (see `writes`), so that the page sends the next
      // batch meanwhile
      return added;
    });
  }

  /**
   * The prebuilt index (SegmentPieces, docs 1…n) of the added clips numbered (in their order of
   * addition) by `runs`, [first, count] each, in the pieces' doc order: written now, under the
   * next doc numbers.
   */
  addIndex(runs: ReadonlyArray<readonly [number, number]>, pieces: SegmentPieces): Promise<void> {
    return this.run(async () => {
      const clips: IndexedFields[] = [];
      for (const [first, count] of runs) {
        for (let n = first; n < first + count; n++) {
          const clip = this.awaitingIndex[n];
          if (!clip || clips.length >= pieces.count)
            throw new Error(`the index for clip ${n} does not match the clips added`);
          clips.push(clip);
        }
      }
      if (clips.length === 0 || clips.length !== pieces.count)
        throw new Error('the index does not match the clips added');
      for (const [first, count] of runs) this.awaitingIndex.fill(undefined, first, first + count);
      this.indexedCount += pieces.count;
      this.indexer.addPieces(pieces, clips);
    });
  }

  /** Kept images and snapshots (hashes checked), written with the records. */
  addAssets(assets: readonly AssetRecord[]): Promise<void> {
    return this.run(() => putAssets(this.tx.objectStore('assets'), assets));
  }

  /** Writes the index's last segment and counters and commits: every record, or on failure none. */
  async commit(): Promise<ImportSummary> {
    await this.written();
    const table = await this.run(async () => {
      if (this.unindexed > 0) throw new Error(`${this.unindexed} imported clips have no index`);
      await this.indexer.finish();
      const kept = await this.db.searchIndex.keepAfterBulkWrite(this.tx, this.indexer.change!);
      this.closed = true;
      return kept;
    });
    await this.tx.done;
    if (table) this.db.searchIndex.adopt(table);
    return this.summary;
  }

  /** Whether the import has ended (committed, aborted or failed). */
  get over(): boolean {
    return this.closed;
  }

  /** Ends the import; nothing of it is written. */
  abort(): void {
    this.closed = true;
    this.failure ??= new Error('the import was aborted');
    this.writes.length = 0;
    for (const { resolve } of this.drained.splice(0)) resolve();
    for (const job of this.work.splice(0)) void job();
    try {
      this.tx.abort();
    } catch {
      // already finished or aborted
    }
  }
}

/** The first repeated id or canonical URL among records to import, described; null when none. */
export function duplicateInBatch(clips: readonly Pick<Clip, 'id' | 'canonicalUrl'>[]): string | null {
  const ids = new Map<string, number>();
  const urls = new Map<string, number>();
  for (const [index, clip] of clips.entries()) {
    const sameId = ids.get(clip.id);
    if (sameId !== undefined) return `records ${sameId} and ${index} have the same id ${clip.id}`;
    const sameUrl = urls.get(clip.canonicalUrl);
    if (sameUrl !== undefined) {
      return `records ${sameUrl} and ${index} have the same canonical URL ${clip.canonicalUrl}`;
    }
    ids.set(clip.id, index);
    urls.set(clip.canonicalUrl, index);
  }
  return null;
}

/**
 * Writes what another replica did (sync: clips to put, ids to delete) inside the caller's readwrite
 * transaction, which must include BULK_WRITE_STORES, with the index updated as an import does.
 */
export async function writeReplicatedClips(
  tx: IndexWriteTx,
  puts: readonly Clip[],
  deletes: readonly string[],
): Promise<void> {
  const clips = tx.objectStore('clips');
  // one at a time: unindexClip reads and writes the index counter
  for (const id of deletes) await Promise.all([clips.delete(id), unindexClip(tx, id)]);
  if (puts.length === 0) return;
  const byId = tx.objectStore('searchDocs').index('id');
  const [indexer, previousDocs] = await Promise.all([
    BulkIndexer.start(tx, puts.length),
    Promise.all(puts.map((clip) => byId.getKey(clip.id))),
  ]);
  puts.forEach((clip, i) => indexer.add(clip, previousDocs[i]));
  await Promise.all([...puts.map((clip) => clips.put(clip)), indexer.finish()]);
}

/** After replicated writes have committed: segment the index in the background as after any write. */
export function afterReplicatedWrite(db: JianbaoDatabase): void {
  afterWrite(db);
}
