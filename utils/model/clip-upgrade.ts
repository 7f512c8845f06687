/** Clip records written before a field existed, brought to today's shape (DB upgrades, older files). */
import type { Clip } from './article';

/** A clip stored (or exported) before images and snapshots were kept, with those fields empty. */
export function withCaptureFields(clip: Clip): Clip {
  const old = clip as Partial<Clip> & Omit<Clip, 'assets' | 'snapshot' | 'notes' | 'gone'>;
  return {
    ...old,
    versions: old.versions.map((version) => ({ ...version, snapshot: version.snapshot ?? null })),
    assets: old.assets ?? [],
    snapshot: old.snapshot ?? null,
    notes: old.notes ?? [],
    gone: old.gone ?? null,
  };
}
