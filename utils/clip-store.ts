/**
 * Reads and writes clips. Every write is one IndexedDB transaction, so a service worker killed
 * mid-save leaves either the old archive or the new one, never half a record.
 */
import type { Article, Clip, ClipSummary, ClipVersion } from './article';
import { toSummary } from './article';
import type { JianbaoDatabase } from './db';
import type { ClipOutcome } from './messages';
import { CLIP_WRITE_STORES, compactIndex, indexClip, unindexClip } from './search-index';

/** Earlier texts kept per clip; older ones are dropped. */
export const MAX_VERSIONS = 5;

export interface SaveOptions {
  /** replace an existing clip of the same canonical URL (otherwise report it as existing) */
  update: boolean;
  now?: Date;
  newId?: () => string;
}

export function newClip(article: Article, now: Date, id: string): Clip {
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
  };
}

/** The clip after clipping its page again: new text, first clip time kept, old text kept as a version. */
export function updatedClip(previous: Clip, article: Article, now: Date): Clip {
  const sameText = previous.textContent === article.textContent && previous.title === article.title;
  const earlier: ClipVersion = {
    savedAt: previous.updatedAt,
    title: previous.title,
    contentHtml: previous.contentHtml,
    textContent: previous.textContent,
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
  };
}

export async function saveArticle(
  db: JianbaoDatabase,
  article: Article,
  options: SaveOptions,
): Promise<ClipOutcome> {
  const now = options.now ?? new Date();
  const tx = db.transaction(CLIP_WRITE_STORES, 'readwrite');
  const clips = tx.objectStore('clips');
  const existing = await clips.index('canonicalUrl').get(article.canonicalUrl);
  let outcome: ClipOutcome;
  if (existing && !options.update) {
    outcome = { status: 'exists', clip: toSummary(existing) };
  } else if (existing) {
    const clip = updatedClip(existing, article, now);
    // requests in one transaction run in order; awaiting them together saves turns
    await Promise.all([clips.put(clip), indexClip(tx, clip)]);
    outcome = { status: 'updated', clip: toSummary(clip) };
  } else {
    const clip = newClip(article, now, (options.newId ?? (() => crypto.randomUUID()))());
    await Promise.all([clips.add(clip), indexClip(tx, clip)]);
    outcome = { status: 'saved', clip: toSummary(clip) };
  }
  await tx.done;
  if (outcome.status !== 'exists') afterWrite(db);
  return outcome;
}

/** Segments the index in the background once enough new clips have gathered (see compactIndex). */
function afterWrite(db: JianbaoDatabase) {
  compactIndex(db).catch((error) => console.warn('index compaction failed', error));
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
  const tx = db.transaction(CLIP_WRITE_STORES, 'readwrite');
  const existing = await tx.objectStore('clips').get(id);
  if (!existing) {
    await tx.done;
    return null;
  }
  const note = changes.note?.trim().slice(0, MAX_NOTE_LENGTH) || null;
  const clip: Clip = { ...existing, tags: cleanTags(changes.tags), note };
  await tx.objectStore('clips').put(clip);
  await indexClip(tx, clip);
  await tx.done;
  afterWrite(db);
  return toSummary(clip);
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

/** How many clips the archive holds. */
export function countClips(db: JianbaoDatabase): Promise<number> {
  return db.countFromIndex('clips', 'clippedAt');
}

export async function listClips(
  db: JianbaoDatabase,
  offset: number,
  limit: number,
): Promise<{ clips: ClipSummary[]; total: number }> {
  const tx = db.transaction(['clips', 'indexMeta']);
  // the index keeps the count: counting the store in Chromium visits every record
  const state = await tx.objectStore('indexMeta').get('state');
  const total = state?.clips ?? (await tx.objectStore('clips').index('clippedAt').count());
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
      .put({ nextDoc: state?.nextDoc ?? 1, changes: (state?.changes ?? 0) + 1 }, 'state'),
    catalog && 'nextSegment' in catalog
      ? tx.objectStore('segments').put({ nextSegment: catalog.nextSegment, segments: [] }, [0, 0])
      : undefined,
  ]);
  await tx.done;
}
