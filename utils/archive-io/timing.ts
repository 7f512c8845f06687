/**
 * Where an import's time goes, on the performance timeline of the context doing the work (the
 * archive page, the service worker) for the benchmark to read: each step a measure named
 * `jianbao-import-cost:<step>`, each count a mark `jianbao-import-count:<what>` whose detail is the
 * number. Nothing reads them in the extension.
 */
export const COST_PREFIX = 'jianbao-import-cost:';
export const COUNT_PREFIX = 'jianbao-import-count:';

/** Records that `what` happened `n` times. */
export function recordCount(what: string, n: number): void {
  performance.mark(COUNT_PREFIX + what, { detail: n });
}

/** Records that `step` took `ms` (summed over many records), ending now. */
export function recordCost(step: string, ms: number): void {
  const end = performance.now();
  performance.measure(COST_PREFIX + step, { start: Math.max(0, end - ms), end });
}

/** Runs `work`, recorded as `step`. */
export async function timed<T>(step: string, work: () => Promise<T>): Promise<T> {
  const start = performance.now();
  try {
    return await work();
  } finally {
    recordCost(step, performance.now() - start);
  }
}
