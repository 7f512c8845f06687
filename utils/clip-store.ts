/**
 * Reads and writes clips. Every write is one IndexedDB transaction, so a service worker killed
 * mid-save leaves either the old archive or the new one, never half a record.
 */
import type { Article, Clip, ClipSummary, ClipVersion } from './article';
import { toSummary } from './article';
import type { JianbaoDatabase } from './db';
import type { ClipOutcome } from './messages';

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
  const tx = db.transaction('clips', 'readwrite');
  const existing = await tx.store.index('canonicalUrl').get(article.canonicalUrl);
  let outcome: ClipOutcome;
  if (existing && !options.update) {
    outcome = { status: 'exists', clip: toSummary(existing) };
  } else if (existing) {
    const clip = updatedClip(existing, article, now);
    await tx.store.put(clip);
    outcome = { status: 'updated', clip: toSummary(clip) };
  } else {
    const clip = newClip(article, now, (options.newId ?? (() => crypto.randomUUID()))());
    await tx.store.add(clip);
    outcome = { status: 'saved', clip: toSummary(clip) };
  }
  await tx.done;
  return outcome;
}

export async function listClips(
  db: JianbaoDatabase,
  offset: number,
  limit: number,
): Promise<{ clips: ClipSummary[]; total: number }> {
  const tx = db.transaction('clips');
  const total = await tx.store.count();
  const clips: ClipSummary[] = [];
  let cursor = await tx.store.index('clippedAt').openCursor(null, 'prev');
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
