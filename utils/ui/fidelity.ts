/**
 * Extension-page side of snapshots and versions: fetch a kept asset from the worker, re-run today's
 * extractor over a clip's snapshot, say which fields that changes, and diff two texts by paragraph.
 */
import { diffArrays } from 'diff';
import type { Article, Clip } from '../model/article';
import { readSnapshot } from '../model/snapshot';
import { extractSnapshot } from '../extract/in-page';
import { BlobReceiver } from '../archive-io/blob-channel';
import { fetchAsset } from '../archive-io/worker-io';

/** What today's extractor reads from the clip's snapshot; null when the clip kept none. */
export async function reextract(
  clip: Pick<Clip, 'snapshot'>,
  win: Window,
  receiver?: BlobReceiver,
): Promise<Article | null> {
  if (!clip.snapshot) return null;
  const blob = await fetchAsset(clip.snapshot.sha256, receiver);
  if (!blob) return null;
  return extractSnapshot(await readSnapshot(blob), win);
}

export interface FieldChange {
  field: keyof Article;
  before: string;
  after: string;
}

/** The fields a re-extraction compares; the body by its text (stored HTML points at kept images). */
const FIELDS = [
  'title',
  'kicker',
  'subtitle',
  'authors',
  'editors',
  'source',
  'siteName',
  'publishedAt',
  'publishedRaw',
  'section',
  'articleId',
  'lang',
  'excerpt',
  'textContent',
  'pages',
  'extractor',
] as const satisfies ReadonlyArray<keyof Article>;

function shown(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.join(' · ');
  return String(value);
}

/** Fields whose value differs between the stored clip and a re-extraction. */
export function changedFields(clip: Article, article: Article): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of FIELDS) {
    const before = shown(clip[field]);
    const after = shown(article[field]);
    if (before !== after) changes.push({ field, before, after });
  }
  return changes;
}

export type ParagraphChange = { kind: 'same' | 'added' | 'removed'; text: string };

/** Paragraph-level diff (jsdiff's array diff over the \n-separated paragraphs). */
export function paragraphDiff(before: string, after: string): ParagraphChange[] {
  const split = (text: string) => text.split('\n').filter((p) => p.trim() !== '');
  const out: ParagraphChange[] = [];
  for (const part of diffArrays(split(before), split(after))) {
    const kind = part.added ? 'added' : part.removed ? 'removed' : 'same';
    for (const text of part.value) out.push({ kind, text });
  }
  return out;
}
