/**
 * Sync records kept in the archive database (stores syncDocs and syncState, see utils/archive/db.ts).
 * Types only, so that db.ts can name them without importing the replicator.
 */

/** A branch of a document's revision tree: its newest revision and the hashes back from it. */
export interface RevBranch {
  /** `N-hash`, CouchDB's revision id */
  rev: string;
  /** revision hashes of this branch, newest first (CouchDB's `_revisions.ids`), at most REVS_LIMIT */
  ancestors: string[];
}

/** Where the local copy of one clip stands in its CouchDB revision tree. */
export interface SyncDocState extends RevBranch {
  /** clip id = CouchDB `_id` */
  id: string;
  /** the local record is deleted (`rev` is a tombstone) */
  deleted: boolean;
  /** 1 while `rev` (and `tombstones`) await a push; a number because IndexedDB cannot index booleans */
  pending: 0 | 1;
  /** hash of the local record at `rev`: a local write that changes it needs a new revision */
  hash: string;
  /** conflict branches this device closed when it merged them: pushed as deleted children */
  tombstones: RevBranch[];
}

export interface SyncCheckpoint {
  kind: 'checkpoint';
  /** which server and database the sequence belongs to */
  target: string;
  since: string;
}

export interface SkippedDoc {
  id: string;
  rev: string;
  reason: string;
  at: string;
}

export interface SyncStatusRecord {
  kind: 'status';
  lastSyncedAt: string | null;
  lastError: { message: string; at: string } | null;
  /** the most recent incoming documents that were refused, newest first */
  skipped: SkippedDoc[];
  pulled: number;
  pushed: number;
}

export interface SyncDevice {
  kind: 'device';
  /** random, made once per profile: names this replica's checkpoint on the server */
  deviceId: string;
}

export type SyncStateRecord = SyncCheckpoint | SyncStatusRecord | SyncDevice;
