/**
 * A clip as a CouchDB document, and the checks every incoming document passes before it is stored:
 * a size cap, the valibot ClipSchema an import uses, then DOMPurify (through `SanitizeHtml`, since
 * the service worker has no DOM of its own).
 */
import * as v from 'valibot';
import type { Clip } from '../model/article';
import { ClipSchema } from '../model/clip-schema';
import type { RemoteDoc } from './couch-client';
import { revisionsOf } from './revisions';
import type { RevBranch } from './sync-types';

/**
 * Largest incoming document, in characters of JSON. ClipSchema already caps each text at 20 M
 * characters; this stops a document of many such fields (or a 50 MB field) before the schema walks it.
 */
export const MAX_DOC_CHARS = 24 * 1024 * 1024;

/** DOMPurify with Jianbao's allowlist (utils/model/sanitize.ts), over many strings at once. */
export type SanitizeHtml = (html: readonly string[]) => Promise<string[]>;

export function docOfClip(clip: Clip, branch: RevBranch): RemoteDoc {
  const { id, ...fields } = clip;
  return { _id: id, _rev: branch.rev, _revisions: revisionsOf(branch), ...fields };
}

export function tombstoneDoc(id: string, branch: RevBranch): RemoteDoc {
  return { _id: id, _rev: branch.rev, _revisions: revisionsOf(branch), _deleted: true };
}

export type Checked = { ok: true; clip: Clip } | { ok: false; reason: string };

/** The clip a live remote document carries, checked against ClipSchema; not yet sanitized. */
export function checkDoc(doc: RemoteDoc, size: number): Checked {
  if (size > MAX_DOC_CHARS) {
    return {
      ok: false,
      reason: `document is ${(size / 1024 / 1024).toFixed(1)} MB, over the ${MAX_DOC_CHARS / 1024 / 1024} MB cap`,
    };
  }
  const fields: Record<string, unknown> = { id: doc._id };
  for (const [key, value] of Object.entries(doc)) if (!key.startsWith('_')) fields[key] = value;
  const parsed = v.safeParse(ClipSchema, fields);
  if (!parsed.success)
    return { ok: false, reason: `not a clip: ${v.summarize(parsed.issues).slice(0, 300)}` };
  return { ok: true, clip: parsed.output };
}

/** The clips with every HTML string (body and earlier versions) passed through DOMPurify. */
export async function sanitizeClips(clips: readonly Clip[], sanitize: SanitizeHtml): Promise<Clip[]> {
  const html: string[] = [];
  for (const clip of clips)
    html.push(clip.contentHtml, ...clip.versions.map((version) => version.contentHtml));
  const clean = await sanitize(html);
  if (clean.length !== html.length) throw new Error('the sanitizer returned the wrong number of strings');
  let next = 0;
  return clips.map((clip) => ({
    ...clip,
    contentHtml: clean[next++]!,
    versions: clip.versions.map((version) => ({ ...version, contentHtml: clean[next++]! })),
  }));
}
