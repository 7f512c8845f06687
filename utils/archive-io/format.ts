/**
 * The archive file: `{ format, version, exportedAt, count, clips }`. One clip per line, keys in a
 * fixed order, so two exports of the same archive are byte-identical except for `exportedAt`.
 * The JSON Schema for it is schemas/jianbao-archive.v2.schema.json.
 */
import type { Clip } from '../model/article';
import { ArticleSchema, ClipAssetSchema, ClipSchema, ClipVersionSchema } from '../model/clip-schema';

export const ARCHIVE_FORMAT = 'jianbao-archive';
/** The version this build writes; files of this or an older version are read. */
export const ARCHIVE_VERSION = 2;

export interface ArchiveHeader {
  format: typeof ARCHIVE_FORMAT;
  version: typeof ARCHIVE_VERSION;
  exportedAt: string;
  count: number;
}

const CLIP_KEYS = Object.keys(ClipSchema.entries) as Array<keyof Clip>;
const VERSION_KEYS = Object.keys(ClipVersionSchema.entries);
const IMAGE_KEYS = Object.keys(ArticleSchema.entries.images.pipe[0].item.entries);
const ASSET_KEYS = Object.keys(ClipAssetSchema.entries);

/** Same keys, schema order first, then any others in stored order (so nothing stored is dropped). */
function ordered<T extends object>(record: T, keys: readonly string[]): T {
  const out: Record<string, unknown> = {};
  const source = record as Record<string, unknown>;
  for (const key of keys) if (Object.hasOwn(source, key)) out[key] = source[key];
  for (const key of Object.keys(source)) if (!Object.hasOwn(out, key)) out[key] = source[key];
  return out as T;
}

/** The clip with its keys (and those of its images and versions) in the schema's order. */
export function canonicalClip(clip: Clip): Clip {
  const out = ordered(clip, CLIP_KEYS);
  if (Array.isArray(clip.images)) out.images = clip.images.map((image) => ordered(image, IMAGE_KEYS));
  if (Array.isArray(clip.versions)) out.versions = clip.versions.map((v) => ordered(v, VERSION_KEYS));
  if (Array.isArray(clip.assets)) out.assets = clip.assets.map((asset) => ordered(asset, ASSET_KEYS));
  return out;
}

/** One clip as it appears in the file: a single line of JSON. */
export function clipLine(clip: Clip): string {
  return JSON.stringify(canonicalClip(clip));
}

/** The text before the first clip; `count` must be the number of clips that follow. */
export function archiveHead(header: ArchiveHeader): string {
  return (
    `{"format":${JSON.stringify(header.format)},"version":${header.version},` +
    `"exportedAt":${JSON.stringify(header.exportedAt)},"count":${header.count},"clips":[\n`
  );
}

export const ARCHIVE_TAIL = '\n]}\n';

/** `jianbao-YYYYMMDD-HHmm.json` in the user's local time. */
export function archiveFileName(now: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `jianbao-${now.getFullYear()}${p(now.getMonth() + 1)}${p(now.getDate())}-${p(now.getHours())}${p(now.getMinutes())}.json`;
}
