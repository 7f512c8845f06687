/**
 * How stored HTML refers to kept images: `<img src="assets/<sha256>">` (the same path as in a ZIP
 * export). Pure string functions over serialised, sanitized HTML, for the worker (no DOM) and pages.
 */
import type { ClipSnapshot } from './article';

export const ASSET_PREFIX = 'assets/';
const ASSET_SRC = /\bsrc="assets\/([0-9a-f]{64})"/g;

/** Every asset a clip refers to: images in its HTML (current and earlier versions) and its snapshots. */
export function assetRefs(clip: {
  contentHtml: string;
  snapshot: ClipSnapshot | null;
  versions: { contentHtml: string; snapshot: string | null }[];
}): string[] {
  const refs = new Set<string>();
  for (const html of [clip.contentHtml, ...clip.versions.map((v) => v.contentHtml)]) {
    for (const m of html.matchAll(ASSET_SRC)) refs.add(m[1]!);
  }
  if (clip.snapshot) refs.add(clip.snapshot.sha256);
  for (const version of clip.versions) if (version.snapshot) refs.add(version.snapshot);
  return [...refs];
}

/** The kept images an HTML string refers to. */
export function imageRefs(html: string): string[] {
  return [...new Set([...html.matchAll(ASSET_SRC)].map((m) => m[1]!))];
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  quot: '"',
  lt: '<',
  gt: '>',
  nbsp: '\u00a0',
  '#39': "'",
};
const decodeAttribute = (value: string) =>
  value.replace(/&(amp|quot|lt|gt|nbsp|#39);/g, (_, e: string) => ENTITIES[e]!);
const encodeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/**
 * Changes the src of each <img> in serialised HTML: `map(src)` gives the new src, `null` to remove the
 * element, `''` to drop the src (the alt text shows), `undefined` to leave it. A tag is matched as a
 * run of attributes whose values are double-quoted (how the DOM serialises them, `"` escaped inside),
 * so a `>` in an alt text cannot end it early. New values are escaped, so no markup can appear.
 */
export function mapImageSources(html: string, map: (src: string) => string | null | undefined): string {
  return html.replace(/<img((?:\s+[^\s"'>/=]+(?:="[^"]*")?)*)\s*\/?>/gi, (tag, attrs: string) => {
    const src = /\ssrc="([^"]*)"/i.exec(attrs);
    if (!src) return tag;
    const target = map(decodeAttribute(src[1]!));
    if (target === undefined) return tag;
    if (target === null) return '';
    return tag.replace(src[0], target === '' ? '' : ` src="${encodeAttribute(target)}"`);
  });
}
