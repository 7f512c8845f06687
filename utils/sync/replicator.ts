/**
 * Replication between the archive (IndexedDB) and one CouchDB database, after CouchDB's documented
 * replication protocol: pull reads `_changes` from a checkpoint kept in a `_local` document and
 * fetches missing leaf revisions with `_bulk_get`; push asks `_revs_diff` what the server lacks and
 * writes it with `_bulk_docs` and `new_edits: false`, so revision trees stay whole and conflicts are
 * detected as CouchDB detects them. Runs in the service worker (or Firefox's background page).
 *
 * Conflicts are resolved deterministically: when a document has several live leaves, every replica
 * merges them in the same order with the import's rules (mergeClips: tags united, the other text kept
 * as an earlier version, both notes kept), writes the merge as a child of the CouchDB winner and
 * closes the other leaves with deleted children. Revision ids are hashes of parent and content, so
 * two replicas resolving the same conflict write the same revisions and converge.
 */
import type { Clip } from '../model/article';
import type { JianbaoDatabase } from '../archive/db';
import { afterReplicatedWrite, writeReplicatedClips } from '../archive/clip-store';
import { BULK_WRITE_STORES } from '../archive/search-index';
import { mergeClips } from '../archive-io/merge';
import { CouchError, type CouchClient, type RemoteDoc } from './couch-client';
import { checkDoc, docOfClip, sanitizeClips, tombstoneDoc, type SanitizeHtml } from './documents';
import { branchContains, branchOf, childBranch, clipHash, compareLeaves, hash128 } from './revisions';
import type { RevBranch, SkippedDoc, SyncCheckpoint, SyncDocState, SyncStatusRecord } from './sync-types';

export interface Replica {
  db: JianbaoDatabase;
  couch: CouchClient;
  sanitize: SanitizeHtml;
  /** stamped on clips made in this profile: `user@device` or the device */
  clippedBy: string;
  /** names this replica's checkpoint on the server */
  deviceId: string;
  /** documents per `_changes` / `_bulk_get` / `_bulk_docs` round */
  batchSize?: number;
  log?: (message: string) => void;
}

const SYNC_STORES = [...BULK_WRITE_STORES, 'syncDocs', 'syncState'] as const;
const DEFAULT_BATCH = 200;

// ---------------------------------------------------------------------------------------------
// Local changes → pending revisions

/**
 * Gives local writes their revisions: a new clip its first revision (stamped with `clippedBy` if it
 * has no author yet), a changed clip a child revision, a deleted clip a tombstone, a restored clip a
 * child of its tombstone. `ids` null checks every clip: those without a revision, deleted ones, and
 * with `rehash` every clip's content (after an import, which may have merged into stored clips).
 * Returns how many revisions it made.
 */
export async function markLocalChanges(
  db: JianbaoDatabase,
  ids: readonly string[] | null,
  clippedBy: string,
  options: { rehash?: boolean } = {},
): Promise<number> {
  let candidates: string[];
  if (ids) candidates = [...new Set(ids)];
  else {
    const tx = db.transaction(['clips', 'syncDocs']);
    const [clipIds, states] = await Promise.all([
      tx.objectStore('clips').getAllKeys(),
      tx.objectStore('syncDocs').getAll(),
    ]);
    await tx.done;
    const present = new Set(clipIds);
    const known = new Map(states.map((state) => [state.id, state]));
    candidates = options.rehash ? [...clipIds] : clipIds.filter((id) => !known.has(id));
    for (const state of states) if (!state.deleted && !present.has(state.id)) candidates.push(state.id);
  }
  let made = 0;
  for (let start = 0; start < candidates.length; start += 200) {
    const chunk = candidates.slice(start, start + 200);
    const tx = db.transaction(['clips', 'syncDocs'], 'readwrite');
    const clips = tx.objectStore('clips');
    const docs = tx.objectStore('syncDocs');
    const [found, states] = await Promise.all([
      Promise.all(chunk.map((id) => clips.get(id))),
      Promise.all(chunk.map((id) => docs.get(id))),
    ]);
    const writes: Promise<unknown>[] = [];
    chunk.forEach((id, i) => {
      let clip = found[i];
      const state = states[i];
      if (!clip) {
        if (!state || state.deleted) return;
        writes.push(
          docs.put({ ...state, ...childBranch(state, 'deleted'), deleted: true, pending: 1, hash: '' }),
        );
        made++;
        return;
      }
      if (!state && clip.clippedBy === undefined && clippedBy) {
        // not searched, so the index needs no update
        clip = { ...clip, clippedBy };
        writes.push(clips.put(clip));
      }
      const hash = clipHash(clip);
      if (state && !state.deleted && state.hash === hash) return;
      const branch = childBranch(state ?? null, { hash });
      writes.push(
        docs.put({ id, ...branch, deleted: false, pending: 1, hash, tombstones: state?.tombstones ?? [] }),
      );
      made++;
    });
    await Promise.all(writes);
    await tx.done;
  }
  return made;
}

/** How many documents await a push. */
export function pendingCount(db: JianbaoDatabase): Promise<number> {
  return db.countFromIndex('syncDocs', 'pending', 1);
}

// ---------------------------------------------------------------------------------------------
// Push

/** Pushes every pending revision (and the conflict branches it closed); returns how many documents were sent. */
export async function push(replica: Replica): Promise<number> {
  const { db, couch } = replica;
  const batch = replica.batchSize ?? DEFAULT_BATCH;
  const ids = await db.getAllKeysFromIndex('syncDocs', 'pending', 1);
  let sent = 0;
  for (let start = 0; start < ids.length; start += batch) {
    const chunk = ids.slice(start, start + batch);
    const tx = db.transaction(['clips', 'syncDocs']);
    const [states, clips] = await Promise.all([
      Promise.all(chunk.map((id) => tx.objectStore('syncDocs').get(id))),
      Promise.all(chunk.map((id) => tx.objectStore('clips').get(id))),
    ]);
    await tx.done;
    const docs: RemoteDoc[] = [];
    const sentStates: SyncDocState[] = [];
    states.forEach((state, i) => {
      if (!state?.pending) return;
      const clip = clips[i];
      if (!state.deleted && !clip) return; // deleted meanwhile: markLocalChanges gives it a tombstone
      docs.push(state.deleted ? tombstoneDoc(state.id, state) : docOfClip(clip!, state));
      for (const closed of state.tombstones) docs.push(tombstoneDoc(state.id, closed));
      sentStates.push(state);
    });
    if (docs.length === 0) continue;
    const wanted: Record<string, string[]> = {};
    for (const doc of docs) (wanted[doc._id] ??= []).push(doc._rev);
    const diff = await couch.revsDiff(wanted);
    const missing = docs.filter((doc) => diff[doc._id]?.missing.includes(doc._rev));
    if (missing.length > 0) await couch.bulkDocsReplicated(missing);
    sent += missing.length;
    // done only for revisions no local write has replaced since they were read
    const done = db.transaction('syncDocs', 'readwrite');
    await Promise.all(
      sentStates.map(async (sentState) => {
        const now = await done.store.get(sentState.id);
        if (now && now.rev === sentState.rev && now.tombstones.length === sentState.tombstones.length) {
          await done.store.put({ ...now, pending: 0, tombstones: [] });
        }
      }),
    );
    await done.done;
  }
  return sent;
}

// ---------------------------------------------------------------------------------------------
// Pull

/** One leaf revision of a document as this replica sees it. */
interface Leaf {
  branch: RevBranch;
  deleted: boolean;
  /** the record of a live leaf (checked and sanitized when it came from the server) */
  clip: Clip | null;
  local: boolean;
}

type Resolution =
  | { kind: 'keep' }
  | { kind: 'put'; clip: Clip; state: SyncDocState }
  | { kind: 'delete'; state: SyncDocState };

/**
 * What one document becomes, from its local state and the remote leaves read for it. The local
 * record is one of the leaves when the server lists its revision as a leaf (its body is not fetched
 * again) or while it holds a revision the server does not have yet.
 */
export function resolveDocument(
  id: string,
  state: SyncDocState | undefined,
  localClip: Clip | undefined,
  remote: readonly Leaf[],
  remoteLeafRevs: readonly string[],
): Resolution {
  const localIsLeaf = state !== undefined && remoteLeafRevs.includes(state.rev);
  const localUnknown =
    state?.pending === 1 &&
    !remote.some((leaf) => leaf.branch.rev === state.rev || branchContains(leaf.branch, state.rev));
  // a remote leaf the local branch grew from is not a conflict
  const leaves = localUnknown
    ? remote.filter((leaf) => !branchContains(state, leaf.branch.rev))
    : [...remote];
  if (state && (localIsLeaf || localUnknown)) {
    leaves.push({ branch: state, deleted: state.deleted, clip: localClip ?? null, local: true });
  }
  if (leaves.length === 0) return { kind: 'keep' };
  const live = leaves.filter((leaf) => !leaf.deleted && leaf.clip).sort(byWinner);
  if (live.length === 0) {
    const winner = [...leaves].sort(byWinner)[0]!;
    if (winner.local || (state?.deleted && state.rev === winner.branch.rev)) return { kind: 'keep' };
    return {
      kind: 'delete',
      state: { id, ...winner.branch, deleted: true, pending: 0, hash: '', tombstones: [] },
    };
  }
  if (live.length === 1) {
    const winner = live[0]!;
    if (winner.local || (state?.rev === winner.branch.rev && localClip)) return { kind: 'keep' };
    const clip = winner.clip!;
    return {
      kind: 'put',
      clip,
      state: { id, ...winner.branch, deleted: false, pending: 0, hash: clipHash(clip), tombstones: [] },
    };
  }
  const merged = mergeLeaves(live.map((leaf) => leaf.clip!));
  const hash = clipHash(merged);
  return {
    kind: 'put',
    clip: merged,
    state: {
      id,
      ...childBranch(live[0]!.branch, { hash }),
      deleted: false,
      pending: 1,
      hash,
      tombstones: live.slice(1).map((leaf) => childBranch(leaf.branch, 'deleted')),
    },
  };
}

const byWinner = (a: Leaf, b: Leaf) =>
  compareLeaves({ rev: a.branch.rev, deleted: a.deleted }, { rev: b.branch.rev, deleted: b.deleted });

/** Folds records in the given order with the import's merge rules; the same order gives the same record. */
function mergeLeaves(clips: readonly Clip[]): Clip {
  return clips.slice(1).reduce((merged, next) => mergeClips(merged, next), clips[0]!);
}

function skipped(id: string, rev: string, reason: string): SkippedDoc {
  return { id, rev, reason, at: new Date().toISOString() };
}

/** The checkpoint's name on the server: one per device and database. */
function checkpointId(replica: Replica): string {
  return `jianbao-${hash128(`${replica.deviceId}\n${checkpointTarget(replica)}`)}`;
}

function checkpointTarget(replica: Replica): string {
  const { serverUrl, database } = replica.couch.target;
  return `${serverUrl.replace(/\/+$/, '')}/${database}`;
}

/**
 * Where to read `_changes` from: the local checkpoint when the server's `_local` copy agrees,
 * else from the start (safe: applying a known revision again changes nothing). A database this
 * replica has not synced with, or one that lost its copy (recreated), gets every document offered
 * again (`_revs_diff` sends only what it lacks).
 */
async function startingPoint(replica: Replica): Promise<{ since: string; remoteRev?: string }> {
  const { db, couch } = replica;
  const target = checkpointTarget(replica);
  const local = (await db.get('syncState', 'checkpoint')) as SyncCheckpoint | undefined;
  const remote = await couch.getLocal<{ last_seq?: string }>(checkpointId(replica));
  const localSince = local?.target === target ? local.since : '0';
  if (remote?.last_seq !== undefined && String(remote.last_seq) === localSince) {
    return { since: localSince, remoteRev: remote._rev };
  }
  // a database new to this replica, or one recreated on the server: it may lack what is here
  if (local?.target !== target || !remote) await markAllPending(db);
  return { since: '0', remoteRev: remote?._rev };
}

async function markAllPending(db: JianbaoDatabase): Promise<void> {
  const tx = db.transaction('syncDocs', 'readwrite');
  let cursor = await tx.store.openCursor();
  while (cursor) {
    if (!cursor.value.pending) await cursor.update({ ...cursor.value, pending: 1 });
    cursor = await cursor.continue();
  }
  await tx.done;
}

export interface PullResult {
  /** documents whose local record changed */
  applied: number;
  skipped: SkippedDoc[];
}

/** Pulls every change since the checkpoint, a batch at a time, saving the checkpoint after each. */
export async function pull(replica: Replica, options: { signal?: AbortSignal } = {}): Promise<PullResult> {
  const { db, couch } = replica;
  const batch = replica.batchSize ?? DEFAULT_BATCH;
  const target = checkpointTarget(replica);
  const remoteCheckpoint = checkpointId(replica);
  const result: PullResult = { applied: 0, skipped: [] };
  let { since, remoteRev } = await startingPoint(replica);
  for (;;) {
    options.signal?.throwIfAborted();
    const changes = await couch.changes(since, batch);
    const rows = changes.results.filter((row) => !row.id.startsWith('_design/'));
    const nextSince = String(changes.last_seq);
    if (rows.length > 0) {
      const outcome = await pullBatch(
        replica,
        rows.map((row) => ({ id: row.id, revs: row.changes.map((c) => c.rev) })),
        {
          target,
          since: nextSince,
        },
      );
      result.applied += outcome.applied;
      result.skipped.push(...outcome.skipped);
    } else {
      await db.put('syncState', { kind: 'checkpoint', target, since: nextSince }, 'checkpoint');
    }
    // written at least once, so that a database recreated on the server is recognised by its absence
    if (nextSince !== since || !remoteRev) {
      const saved = await couch.putLocal(remoteCheckpoint, {
        ...(remoteRev ? { _rev: remoteRev } : {}),
        last_seq: nextSince,
      });
      remoteRev = saved.rev;
    }
    const done = changes.results.length < batch || nextSince === since;
    since = nextSince;
    if (done) break;
  }
  if (result.applied > 0) afterReplicatedWrite(db);
  return result;
}

/** Fetches, checks and applies the leaves of one batch of changed documents, with the checkpoint. */
async function pullBatch(
  replica: Replica,
  rows: ReadonlyArray<{ id: string; revs: string[] }>,
  checkpoint: { target: string; since: string },
): Promise<PullResult> {
  const { db, couch, sanitize } = replica;
  const log = replica.log ?? ((message: string) => console.warn(message));
  const ids = rows.map((row) => row.id);
  const read = db.transaction('syncDocs');
  const before = await Promise.all(ids.map((id) => read.store.get(id)));
  await read.done;
  // every leaf but the one whose record is already here
  const requests = rows.flatMap((row, i) =>
    row.revs.filter((rev) => rev !== before[i]?.rev).map((rev) => ({ id: row.id, rev })),
  );
  const answers = await couch.bulkGet(requests);

  const skippedDocs: SkippedDoc[] = [];
  const remote = new Map<string, Leaf[]>();
  const unchecked: Array<{ id: string; branch: RevBranch; clip: Clip }> = [];
  answers.forEach((answer, i) => {
    const { id, rev } = requests[i]!;
    if (!('ok' in answer) || !answer.ok || typeof answer.ok !== 'object') {
      const reason = 'error' in answer ? `${answer.error.error}: ${answer.error.reason}` : 'no document';
      skippedDocs.push(skipped(id, rev, `could not be read: ${reason}`.slice(0, 300)));
      return;
    }
    const doc = answer.ok;
    if (doc._id !== id || doc._rev !== rev) {
      skippedDocs.push(skipped(id, rev, 'the server answered with another document'));
      return;
    }
    const branch = branchOf(rev, validRevisions(doc._revisions));
    if (doc._deleted === true) {
      (remote.get(id) ?? remote.set(id, []).get(id)!).push({
        branch,
        deleted: true,
        clip: null,
        local: false,
      });
      return;
    }
    const checked = checkDoc(doc, JSON.stringify(doc).length);
    if (!checked.ok) {
      skippedDocs.push(skipped(id, rev, checked.reason));
      return;
    }
    unchecked.push({ id, branch, clip: checked.clip });
  });
  const clean = await sanitizeClips(
    unchecked.map((entry) => entry.clip),
    sanitize,
  );
  unchecked.forEach((entry, i) => {
    (remote.get(entry.id) ?? remote.set(entry.id, []).get(entry.id)!).push({
      branch: entry.branch,
      deleted: false,
      clip: clean[i]!,
      local: false,
    });
  });
  for (const entry of skippedDocs) log(`sync: skipped ${entry.id} ${entry.rev}: ${entry.reason}`);

  const applied = await applyBatch(db, rows, remote, checkpoint);
  if (skippedDocs.length > 0) await recordSkipped(db, skippedDocs);
  return { applied, skipped: skippedDocs };
}

function validRevisions(value: unknown): { start: number; ids: string[] } | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { start, ids } = value as { start?: unknown; ids?: unknown };
  if (typeof start !== 'number' || !Array.isArray(ids) || !ids.every((id) => typeof id === 'string'))
    return undefined;
  return { start, ids: ids as string[] };
}

/**
 * Writes the batch in ONE transaction: the clips with their index entries (clip-store's write path),
 * their revision states and the checkpoint. A worker stopped mid-batch leaves the previous checkpoint
 * and the previous records, and the batch is read again.
 */
async function applyBatch(
  db: JianbaoDatabase,
  rows: ReadonlyArray<{ id: string; revs: string[] }>,
  remote: Map<string, Leaf[]>,
  checkpoint: { target: string; since: string },
): Promise<number> {
  const tx = db.transaction(SYNC_STORES, 'readwrite');
  const clips = tx.objectStore('clips');
  const docs = tx.objectStore('syncDocs');
  try {
    const leafRevs = new Map(rows.map((row) => [row.id, row.revs]));
    const ids = [...leafRevs.keys()];
    const [states, locals] = await Promise.all([
      Promise.all(ids.map((id) => docs.get(id))),
      Promise.all(ids.map((id) => clips.get(id))),
    ]);
    const puts = new Map<string, Clip>();
    const deletes = new Set<string>();
    const newStates = new Map<string, SyncDocState>();
    ids.forEach((id, i) => {
      const resolution = resolveDocument(id, states[i], locals[i], remote.get(id) ?? [], leafRevs.get(id)!);
      if (resolution.kind === 'keep') return;
      newStates.set(id, resolution.state);
      if (resolution.kind === 'put') puts.set(id, resolution.clip);
      else if (locals[i]) deletes.add(id);
    });
    await resolveUrlClashes(tx, puts, deletes, newStates);
    await writeReplicatedClips(tx, [...puts.values()], [...deletes]);
    await Promise.all([
      ...[...newStates.values()].map((state) => docs.put(state)),
      tx.objectStore('syncState').put({ kind: 'checkpoint', ...checkpoint }, 'checkpoint'),
    ]);
    await tx.done;
    return newStates.size;
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // already aborted by the failed request
    }
    await tx.done.catch(() => undefined);
    throw error;
  }
}

type SyncTx = Parameters<typeof writeReplicatedClips>[0];

/**
 * Two devices that clip the same page make two clips of one canonical URL, which the archive keeps
 * unique. The clip with the smaller id survives with both merged into it; the other is deleted with
 * a tombstone. Every replica makes the same choice and the same merge.
 */
async function resolveUrlClashes(
  tx: SyncTx,
  puts: Map<string, Clip>,
  deletes: Set<string>,
  states: Map<string, SyncDocState>,
): Promise<void> {
  const clips = tx.objectStore('clips');
  const docs = tx.objectStore('syncDocs');
  const byUrl = new Map<string, string>();
  // every lookup in flight at once: one round trip per batch, not per clip
  const entries = [...puts];
  const owners = await Promise.all(
    entries.map(([, clip]) => clips.index('canonicalUrl').getKey(clip.canonicalUrl)),
  );
  for (const [i, [id, clip]] of entries.entries()) {
    let other = byUrl.get(clip.canonicalUrl);
    if (other === undefined) {
      const stored = owners[i];
      if (stored !== undefined && stored !== id && !deletes.has(stored)) other = stored;
    }
    if (other === undefined || other === id) {
      byUrl.set(clip.canonicalUrl, id);
      continue;
    }
    const otherClip = puts.get(other) ?? (await clips.get(other));
    const otherState = states.get(other) ?? (await docs.get(other));
    if (!otherClip) {
      byUrl.set(clip.canonicalUrl, id);
      continue;
    }
    const [survivor, loser] = id < other ? [id, other] : [other, id];
    const pair = new Map([
      [id, { clip, state: states.get(id) }],
      [other, { clip: otherClip, state: otherState }],
    ]);
    const merged = { ...mergeLeaves([pair.get(survivor)!.clip, pair.get(loser)!.clip]), id: survivor };
    const hash = clipHash(merged);
    const survivorState = pair.get(survivor)!.state;
    const loserState = pair.get(loser)!.state;
    states.set(survivor, {
      id: survivor,
      ...childBranch(survivorState ?? null, { hash }),
      deleted: false,
      pending: 1,
      hash,
      tombstones: survivorState?.tombstones ?? [],
    });
    if (loserState) {
      states.set(loser, {
        id: loser,
        ...childBranch(loserState, 'deleted'),
        deleted: true,
        pending: 1,
        hash: '',
        tombstones: loserState.tombstones,
      });
    } else states.delete(loser);
    puts.delete(loser);
    if (await clips.getKey(loser)) deletes.add(loser);
    puts.set(survivor, merged);
    byUrl.set(clip.canonicalUrl, survivor);
  }
}

const MAX_SKIPPED = 20;

async function recordSkipped(db: JianbaoDatabase, entries: SkippedDoc[]): Promise<void> {
  const tx = db.transaction('syncState', 'readwrite');
  const status = await readStatus(tx.store);
  await tx.store.put(
    { ...status, skipped: [...entries.reverse(), ...status.skipped].slice(0, MAX_SKIPPED) },
    'status',
  );
  await tx.done;
}

export async function readStatus(store: { get(key: string): Promise<unknown> }): Promise<SyncStatusRecord> {
  const status = (await store.get('status')) as SyncStatusRecord | undefined;
  return status ?? { kind: 'status', lastSyncedAt: null, lastError: null, skipped: [], pulled: 0, pushed: 0 };
}

// ---------------------------------------------------------------------------------------------
// One round

export interface SyncRoundResult {
  pulled: number;
  pushed: number;
  skipped: SkippedDoc[];
}

/**
 * One full round: revisions for local changes, pull, then push (what pull merged goes out in the
 * same round). Records the outcome in the status either way.
 */
export async function syncRound(
  replica: Replica,
  options: { pushOnly?: boolean; signal?: AbortSignal } = {},
): Promise<SyncRoundResult> {
  const { db } = replica;
  try {
    await markLocalChanges(db, null, replica.clippedBy);
    const pulled = options.pushOnly ? { applied: 0, skipped: [] } : await pull(replica, options);
    const pushed = await push(replica);
    const tx = db.transaction('syncState', 'readwrite');
    const status = await readStatus(tx.store);
    await tx.store.put(
      {
        ...status,
        lastSyncedAt: new Date().toISOString(),
        lastError: null,
        pulled: status.pulled + pulled.applied,
        pushed: status.pushed + pushed,
      },
      'status',
    );
    await tx.done;
    return { pulled: pulled.applied, pushed, skipped: pulled.skipped };
  } catch (error) {
    const message =
      error instanceof CouchError
        ? `${error.kind}: ${error.message}`
        : String((error as Error)?.message ?? error);
    const tx = db.transaction('syncState', 'readwrite');
    const status = await readStatus(tx.store);
    await tx.store.put({ ...status, lastError: { message, at: new Date().toISOString() } }, 'status');
    await tx.done;
    throw error;
  }
}
