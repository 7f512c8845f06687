/**
 * What an imported record does to a clip already in the archive with the same canonical URL (or id).
 * Pure, so the rules are tested without a database; importClips applies them in one transaction.
 */
import type { Clip, ClipVersion } from '../model/article';
import { canonicalClip } from './format';

/** Earlier texts kept per clip, as when a page is clipped again (utils/archive/clip-store MAX_VERSIONS). */
export const MERGE_MAX_VERSIONS = 5;

export function sameClip(a: Clip, b: Clip): boolean {
  return JSON.stringify(canonicalClip(a)) === JSON.stringify(canonicalClip(b));
}

function time(iso: string): number {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? 0 : ms;
}

const sameText = (a: Pick<ClipVersion, 'title' | 'contentHtml' | 'textContent'>, b: typeof a) =>
  a.title === b.title && a.textContent === b.textContent && a.contentHtml === b.contentHtml;

/**
 * Notes: equal or one empty → the one there is; one contains the other (an edited note) → the
 * longer; both differ → both kept, the newer first, so no one's writing is lost.
 */
export function mergeNotes(newer: string | null, older: string | null): string | null {
  if (!newer) return older;
  if (!older || newer.includes(older)) return newer;
  if (older.includes(newer)) return older;
  return `${newer}\n\n${older}`;
}

/**
 * The newer `updatedAt` wins (the archive's record on a tie); the other text becomes an earlier
 * version; tags are united; the first clip time is kept. Importing the same record twice is a no-op.
 */
export function mergeClips(existing: Clip, incoming: Clip): Clip {
  const incomingIsNewer = time(incoming.updatedAt) > time(existing.updatedAt);
  const [newer, older] = incomingIsNewer ? [incoming, existing] : [existing, incoming];

  const candidates: ClipVersion[] = [
    ...newer.versions,
    ...older.versions,
    {
      savedAt: older.updatedAt,
      title: older.title,
      contentHtml: older.contentHtml,
      textContent: older.textContent,
      snapshot: older.snapshot?.sha256 ?? null,
    },
  ];
  const versions: ClipVersion[] = [];
  for (const version of candidates) {
    if (sameText(version, newer) || versions.some((kept) => sameText(kept, version))) continue;
    versions.push(version);
  }
  // Newest first, as updatedClip keeps them; a stable sort keeps the archive's order on ties.
  versions.sort((a, b) => time(b.savedAt) - time(a.savedAt));

  const tags = [...existing.tags];
  for (const tag of incoming.tags) if (!tags.includes(tag)) tags.push(tag);

  return {
    ...newer,
    id: existing.id,
    clippedAt: time(incoming.clippedAt) < time(existing.clippedAt) ? incoming.clippedAt : existing.clippedAt,
    updatedAt: newer.updatedAt,
    tags,
    note: mergeNotes(newer.note, older.note),
    versions: versions.slice(0, MERGE_MAX_VERSIONS),
    // a page found gone stays marked whichever record is newer
    gone: newer.gone ?? older.gone,
  };
}
