/**
 * The records the archive keeps and the answers its writers give: one home for the types that the
 * database (db.ts), the clip store, the search index and the message protocol share, so that none of
 * them has to import another for a type.
 */
import type { DBSchema, IDBPDatabase } from 'idb';
import type { Clip, ClipSummary, DatePrecision, ExtractError } from '../model/article';
import type { SyncDocState, SyncStateRecord } from '../sync/sync-types';

/** What the search keeps of a clip: enough to filter, rank and list it without reading the clip. */
export interface SearchDoc {
  doc: number;
  id: string;
  title: string;
  kicker: string | null;
  source: string | null;
  siteName: string | null;
  host: string;
  section: string[];
  tags: string[];
  publishedAt: string | null;
  /** absent in docs written before clips recorded it (lists then show the time to the minute) */
  publishedPrecision?: DatePrecision | null;
  clippedAt: string;
  updatedAt: string;
  url: string;
  /** total length of the indexed text, for the size figures */
  textLength: number;
}

/** A saved clip's terms until compaction folds them into a segment. */
export interface TailRecord {
  doc: number;
  /** the doc's distinct terms, joined by \n */
  terms: string;
  /** for each term in order: its position count (one byte), then the positions (mod 256) */
  positions: Uint8Array;
}

/** One shard of an immutable segment: the postings of the terms whose hash falls in it. */
export interface SegmentShard {
  /** sorted distinct terms, joined by \n */
  keys: string;
  /** the byte length of each term's postings in `data`, as varints (one byte for most terms) */
  lengths: Uint8Array;
  /** each term's postings in doc order: varint doc delta, position count, positions */
  data: Uint8Array;
}

export interface SegmentInfo {
  id: number;
  level: number;
  docs: number;
  /** how many shards its terms are hashed into (a power of two) */
  shards: number;
}

export interface SegmentCatalog {
  /** the next free segment id; compaction and imports reserve theirs by moving it on */
  nextSegment: number;
  segments: SegmentInfo[];
}

/** Strings stored as one: their concatenation and each one's length. */
export interface JoinedStrings {
  text: string;
  lengths: Uint32Array;
}

/**
 * The live docs' columns as the search reads them (see search-index/doc-table.ts), kept so that a
 * worker just woken need not read every SearchDoc: a cache, checked against IndexState on load.
 */
export interface DocTableRecord {
  /** the record's version */
  docTable: number;
  changes: number;
  nextDoc: number;
  docs: Uint32Array;
  clipped: Float64Array;
  ids: JoinedStrings;
  titles: JoinedStrings;
  heads: JoinedStrings;
  published: JoinedStrings;
  source: Uint32Array;
  siteName: Uint32Array;
  host: Uint32Array;
  sectionStart: Uint32Array;
  sectionIds: Uint32Array;
  tagStart: Uint32Array;
  tagIds: Uint32Array;
  labels: JoinedStrings;
}

export type SegmentRecord = SegmentShard | SegmentCatalog | DocTableRecord;

export interface IndexState {
  nextDoc: number;
  /** how many clips are indexed: the archive's size without counting (O(n) in Chromium) */
  clips?: number;
  /** bumped by every index change, so readers know when their cached doc list is stale */
  changes: number;
}

export interface JianbaoDB extends DBSchema {
  clips: {
    key: string;
    value: Clip;
    indexes: {
      /** unique: a URL is clipped once; clipping again updates */
      canonicalUrl: string;
      clippedAt: string;
      publishedAt: string;
      host: string;
    };
  };
  /** one record per indexed clip version, keyed by its doc number; the search's list of live clips */
  searchDocs: {
    key: number;
    value: SearchDoc;
    indexes: { id: string };
  };
  /** terms of saved docs not yet merged into a segment (a save writes here, in its own transaction) */
  indexTail: {
    key: number;
    value: TailRecord;
  };
  /** immutable index segments, [segment, shard] → packed posting lists; [0, 0] is the catalog, [0, 1] the doc table */
  segments: {
    key: [number, number];
    value: SegmentRecord;
  };
  /** counters of the index ('state') */
  indexMeta: {
    key: string;
    value: IndexState;
  };
  /** sync: per clip id, the CouchDB revision the local record stands at and whether it awaits a push */
  syncDocs: {
    key: string;
    value: SyncDocState;
    indexes: { pending: number };
  };
  /** sync: the checkpoint, the status and the device's identity (keys in SyncStateRecord) */
  syncState: {
    key: string;
    value: SyncStateRecord;
  };
  /** kept images and page snapshots, keyed by the SHA-256 of their bytes (see assets.ts) */
  assets: {
    key: string;
    value: AssetRecord;
  };
}

/** A kept image or page snapshot: its bytes as a Blob, addressed by their SHA-256. */
export interface AssetRecord {
  sha256: string;
  /** image/… for images, application/gzip for snapshots */
  type: string;
  bytes: number;
  blob: Blob;
}

/** The database as idb types it, without the objects openArchive attaches (see db.ts). */
export type ArchiveIDB = IDBPDatabase<JianbaoDB>;

/** Why a clip was or was not saved; the popup and the toolbar badge both render it. */
export type ClipOutcome =
  | { status: 'saved'; clip: ClipSummary }
  | { status: 'updated'; clip: ClipSummary }
  /** the canonical URL is already in the archive and the caller did not ask to update */
  | { status: 'exists'; clip: ClipSummary }
  | { status: 'failed'; error: ClipFailure };

export type ClipFailure =
  ExtractError | { code: 'storage-full' | 'storage-failed' | 'interrupted'; detail: string };

export interface ImportSummary {
  added: number;
  merged: number;
  unchanged: number;
}
