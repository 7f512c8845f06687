/**
 * The archive database: one typed idb schema, numbered upgrades in one function.
 * Only the service worker writes; pages read through messages.
 */
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { Clip } from './article';

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
}

export type JianbaoDatabase = IDBPDatabase<JianbaoDB>;
type UpgradeTx = IDBPTransaction<JianbaoDB, StoreNames<JianbaoDB>[], 'versionchange'>;

/**
 * Each entry upgrades the database from version i to i+1. Append, never edit: a user's database may
 * be at any earlier version, and every upgrade has a test that opens that version's fixture data.
 */
export const UPGRADES: ReadonlyArray<(db: IDBPDatabase<JianbaoDB>, tx: UpgradeTx) => void> = [
  // 0 → 1: the clips store
  (db) => {
    const clips = db.createObjectStore('clips', { keyPath: 'id' });
    clips.createIndex('canonicalUrl', 'canonicalUrl', { unique: true });
    clips.createIndex('clippedAt', 'clippedAt');
    clips.createIndex('publishedAt', 'publishedAt');
    clips.createIndex('host', 'host');
  },
];

export const DB_VERSION = UPGRADES.length;

export function openArchive(factory?: IDBFactory, name = DB_NAME): Promise<JianbaoDatabase> {
  const open = () =>
    openDB<JianbaoDB>(name, DB_VERSION, {
      upgrade(db, oldVersion, _newVersion, tx) {
        for (let v = oldVersion; v < DB_VERSION; v++) UPGRADES[v]!(db, tx);
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
