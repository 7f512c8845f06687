/**
 * The archive database: one typed idb schema, numbered upgrades in one function.
 * Only the service worker writes; pages read through messages.
 */
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { Clip, DatePrecision } from '../model/article';
import type { IndexState, SearchDoc, SegmentRecord, TailRecord } from './search-index';
import { indexClips } from './search-index';

export const DB_NAME = 'jianbao';

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
  /** v2: one record per indexed clip version, keyed by its doc number; the search's list of live clips */
  searchDocs: {
    key: number;
    value: SearchDoc;
    indexes: { id: string };
  };
  /** v2: terms of docs not yet merged into a segment (the save writes here, in its own transaction) */
  indexTail: {
    key: number;
    value: TailRecord;
  };
  /** v2: immutable index segments, [segment, shard] → packed posting lists; [0, 0] is the catalog */
  segments: {
    key: [number, number];
    value: SegmentRecord;
  };
  /** v2: counters of the index ('state') */
  indexMeta: {
    key: string;
    value: IndexState;
  };
}

export type JianbaoDatabase = IDBPDatabase<JianbaoDB>;
type UpgradeTx = IDBPTransaction<JianbaoDB, StoreNames<JianbaoDB>[], 'versionchange'>;

/**
 * Each entry upgrades the database from version i to i+1. Append, never edit: a user's database may
 * be at any earlier version, and every upgrade has a test that opens that version's fixture data.
 */
export const UPGRADES: ReadonlyArray<(db: IDBPDatabase<JianbaoDB>, tx: UpgradeTx) => void | Promise<void>> = [
  // 0 → 1: the clips store
  (db) => {
    const clips = db.createObjectStore('clips', { keyPath: 'id' });
    clips.createIndex('canonicalUrl', 'canonicalUrl', { unique: true });
    clips.createIndex('clippedAt', 'clippedAt');
    clips.createIndex('publishedAt', 'publishedAt');
    clips.createIndex('host', 'host');
  },
  // 1 → 2: the search index; every clip already stored is indexed here, in the upgrade transaction
  async (db, tx) => {
    const docs = db.createObjectStore('searchDocs', { keyPath: 'doc' });
    docs.createIndex('id', 'id', { unique: true });
    db.createObjectStore('indexTail', { keyPath: 'doc' });
    db.createObjectStore('segments');
    db.createObjectStore('indexMeta');
    const clips = await tx.objectStore('clips').getAll();
    // into the tail; compaction folds them into segments later
    await indexClips(tx, clips);
  },
  // 2 → 3: the publish date's precision, read back from how the page stated it (publishedRaw)
  async (_db, tx) => {
    for (let cursor = await tx.objectStore('clips').openCursor(); cursor; cursor = await cursor.continue()) {
      const clip = cursor.value;
      if (clip.publishedPrecision !== undefined) continue;
      await cursor.update({
        ...clip,
        publishedPrecision: statedPrecision(clip.publishedAt, clip.publishedRaw),
      });
    }
  },
];

/** How precise a stored date was, from the text the page showed: never more than it said. */
export function statedPrecision(publishedAt: string | null, raw: string | null): DatePrecision | null {
  if (!publishedAt || !raw) return null;
  if (/\d{1,2}\s*[:：]\s*\d{2}\s*[:：]\s*\d{2}|\d{1,2}时\d{1,2}分\d{1,2}秒|^\d{10}(\d{3})?$/.test(raw))
    return 'second';
  if (/\d{1,2}\s*[:：时]\s*\d{2}/.test(raw)) return 'minute';
  return 'day';
}

export const DB_VERSION = UPGRADES.length;

export function openArchive(
  factory?: IDBFactory,
  name = DB_NAME,
  version = DB_VERSION,
): Promise<JianbaoDatabase> {
  const open = () =>
    openDB<JianbaoDB>(name, version, {
      // Only IndexedDB requests are awaited in here, so the versionchange transaction stays open.
      async upgrade(db, oldVersion, _newVersion, tx) {
        for (let v = oldVersion; v < version; v++) await UPGRADES[v]!(db, tx);
      },
    });
  if (!factory) return open();
  // idb reads the global indexedDB; tests pass their own factory for isolation.
  const previous = globalThis.indexedDB;
  globalThis.indexedDB = factory;
  try {
    return open();
  } finally {
    globalThis.indexedDB = previous;
  }
}
