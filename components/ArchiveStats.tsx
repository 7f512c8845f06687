import { useCallback, useEffect, useState } from 'react';
import { ask } from '@/utils/protocol/worker-client';
import { afterPaint } from '@/utils/ui/after-paint';
import { formatBytes, plural, t } from '@/utils/ui/i18n';

export interface ArchiveStats {
  count: number;
  /** what the browser says the extension's storage uses; null where it does not say */
  bytes: number | null;
}

/** The number of clips and the storage used, and a function to read them again after a change. */
export function useArchiveStats(): [ArchiveStats | null, () => void] {
  const [stats, setStats] = useState<ArchiveStats | null>(null);
  const refresh = useCallback(() => {
    Promise.all([
      ask('clips/list', { offset: 0, limit: 1 }),
      navigator.storage?.estimate?.().catch(() => undefined),
    ]).then(
      ([{ total }, estimate]) => setStats({ count: total, bytes: estimate?.usage ?? null }),
      () => setStats(null),
    );
  }, []);
  // first after the page's first frame (the popup's list): neither figure is what it opened for
  useEffect(() => afterPaint(refresh), [refresh]);
  return [stats, refresh];
}

/** "10 clips · 101 kB" */
export function archiveStatsText(stats: ArchiveStats): string {
  const clips = plural('ui_clips', stats.count);
  return stats.bytes === null ? clips : t('ui_clips_size', [clips, formatBytes(stats.bytes)]);
}
