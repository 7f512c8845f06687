/**
 * CouchDB revision ids and the winner rule, as pure functions. Revision hashes are derived from the
 * parent revision and the content, so two devices that make the same merge of the same branches
 * make the same revision, and their replicas converge without a further conflict.
 */
import type { Clip } from '../model/article';
import { canonicalClip } from '../archive-io/format';
import type { RevBranch } from './sync-types';

/** Revision hashes kept per branch (CouchDB keeps 1,000; a clip is edited far less often). */
export const REVS_LIMIT = 100;

export function revGeneration(rev: string): number {
  const n = Number.parseInt(rev, 10);
  return Number.isFinite(n) ? n : 0;
}

export function revHash(rev: string): string {
  return rev.slice(rev.indexOf('-') + 1);
}

/**
 * 128-bit hash (cyrb128) as 32 hex digits, the length of CouchDB's MD5 revisions. Synchronous, so it
 * can run inside an IndexedDB transaction (an await on crypto.subtle would let the transaction end).
 */
export function hash128(text: string): string {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1, h2, h3, h4].map((h) => (h >>> 0).toString(16).padStart(8, '0')).join('');
}

/** The content hash of a clip record (keys in a fixed order). */
export function clipHash(clip: Clip): string {
  return hash128(JSON.stringify(canonicalClip(clip)));
}

/** The child of `parent` (null: a first revision) carrying `contentHash`, or a deletion. */
export function childBranch(parent: RevBranch | null, content: { hash: string } | 'deleted'): RevBranch {
  const generation = parent ? revGeneration(parent.rev) + 1 : 1;
  const what = content === 'deleted' ? 'deleted' : content.hash;
  const hash = hash128(`${parent?.rev ?? ''}\n${what}`);
  return {
    rev: `${generation}-${hash}`,
    ancestors: [hash, ...(parent?.ancestors ?? [])].slice(0, REVS_LIMIT),
  };
}

/** CouchDB's `_revisions` of a branch. */
export function revisionsOf(branch: RevBranch): { start: number; ids: string[] } {
  return { start: revGeneration(branch.rev), ids: branch.ancestors };
}

/** The branch a document's `_rev` and `_revisions` describe (just the rev when `_revisions` is absent). */
export function branchOf(rev: string, revisions?: { start: number; ids: string[] }): RevBranch {
  const ok = revisions && revisions.start === revGeneration(rev) && revisions.ids[0] === revHash(rev);
  return { rev, ancestors: (ok ? revisions.ids : [revHash(rev)]).slice(0, REVS_LIMIT) };
}

/** Whether `rev` is `branch`'s revision or one of its ancestors. */
export function branchContains(branch: RevBranch, rev: string): boolean {
  const back = revGeneration(branch.rev) - revGeneration(rev);
  return back >= 0 && back < branch.ancestors.length && branch.ancestors[back] === revHash(rev);
}

/**
 * CouchDB's deterministic winner among leaves: a live leaf beats a deleted one, then the higher
 * generation, then the greater revision string. Every replica picks the same one.
 */
export function compareLeaves(
  a: { rev: string; deleted: boolean },
  b: { rev: string; deleted: boolean },
): number {
  if (a.deleted !== b.deleted) return a.deleted ? 1 : -1;
  const generation = revGeneration(b.rev) - revGeneration(a.rev);
  if (generation !== 0) return generation;
  return revHash(a.rev) < revHash(b.rev) ? 1 : revHash(a.rev) > revHash(b.rev) ? -1 : 0;
}
