/**
 * The archive database: one typed idb schema, numbered upgrades in one function.
 * Only the service worker writes; pages read through messages.
 */
import { openDB, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { DatePrecision } from '../model/article';
import type { ArchiveIDB, JianbaoDB } from './records';
import { rebuildIndex, SearchIndex } from './search-index';

export type { JianbaoDB } from './records';

export const DB_NAME = 'jianbao';

/** The open archive: the idb database, with the SearchIndex that caches and compacts its index. */
export type JianbaoDatabase = ArchiveIDB & { readonly searchIndex: SearchIndex };
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
  // 1 → 2: the search index's stores (the clips already stored are indexed by 3 → 4)
  (db) => {
    const docs = db.createObjectStore('searchDocs', { keyPath: 'doc' });
    docs.createIndex('id', 'id', { unique: true });
    db.createObjectStore('indexTail', { keyPath: 'doc' });
    db.createObjectStore('segments');
    db.createObjectStore('indexMeta');
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
  // 3 → 4: the index's second layout (Latin words as stems and typed prefixes, folded diacritics,
  // shards with varint lengths only): dropped and built again from the clips, in finished segments
  async (_db, tx) => rebuildIndex(tx),
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

export async function openArchive(
  factory?: IDBFactory,
  name = DB_NAME,
  version = DB_VERSION,
): Promise<JianbaoDatabase> {
  const db = await openIDB(factory, name, version);
  return Object.assign(db, { searchIndex: new SearchIndex(db) });
}

function openIDB(factory: IDBFactory | undefined, name: string, version: number): Promise<ArchiveIDB> {
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
