import { useCallback, useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { formatBytes, t } from '@/utils/ui/i18n';
import type { ClipOutcome } from '@/utils/protocol/messages';
import { ask } from '@/utils/protocol/worker-client';
import { ArchiveIoLinks } from './ArchiveIoLinks';
import { ArchiveView } from './ArchiveView';
import { ClipEditor } from './ClipEditor';
import { ClipStatus, type ClipState } from './ClipStatus';

/** Opening the popup clips the active tab at once; below the result, the searchable archive. */
export function PopupApp() {
  const [clipState, setClipState] = useState<ClipState>({ phase: 'idle' });
  const [refreshKey, setRefreshKey] = useState(0);
  const [stats, setStats] = useState<{ count: number; bytes: number | null } | null>(null);

  const refreshStats = useCallback(async () => {
    const [{ total }, estimate] = await Promise.all([
      ask('clips/list', { offset: 0, limit: 1 }),
      navigator.storage?.estimate?.().catch(() => undefined),
    ]);
    setStats({ count: total, bytes: estimate?.usage ?? null });
  }, []);

  const clip = useCallback(async (update: boolean) => {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    // Opened as a tab of its own (not from the toolbar): just show the archive.
    if (!tab || tab.url?.startsWith(browser.runtime.getURL('/'))) return;
    setClipState({ phase: 'clipping' });
    const outcome = await ask('clip/tab', { tabId: tab.id, mode: 'page', update }).catch(
      (error: unknown): ClipOutcome => ({
        // The worker was stopped mid-clip (the browser may do so at any time); its write is one
        // transaction, so nothing half-written exists and a second click starts afresh.
        status: 'failed',
        error: { code: 'interrupted', detail: String(error) },
      }),
    );
    setClipState({ phase: 'done', outcome });
    setRefreshKey((n) => n + 1);
  }, []);

  useEffect(() => {
    void clip(false);
    // Ask the browser not to evict the archive under storage pressure (extensions are usually granted it).
    void navigator.storage?.persist?.().catch(() => false);
  }, [clip]);

  useEffect(() => {
    void refreshStats().catch(() => setStats(null));
  }, [refreshStats, refreshKey]);

  const current =
    clipState.phase === 'done' && clipState.outcome.status !== 'failed' ? clipState.outcome.clip : null;
  return (
    <main className="popup">
      <ClipStatus state={clipState} onUpdate={() => void clip(true)} />
      {current && (
        <CurrentClipEditor
          id={current.id}
          key={`${current.id}:${current.updatedAt}`}
          onSaved={() => setRefreshKey((n) => n + 1)}
        />
      )}
      <header className="archive-header">
        <h1>剪报</h1>
        {stats && (
          <span data-testid="archive-count">
            {stats.bytes === null
              ? t('archiveCount', String(stats.count))
              : t('archiveStats', [String(stats.count), formatBytes(stats.bytes)])}
          </span>
        )}
      </header>
      <ArchiveIoLinks />
      <ArchiveView refreshKey={refreshKey} onChanged={() => void refreshStats()} />
    </main>
  );
}

/** Tags and note of the clip just made, loaded from the archive. */
function CurrentClipEditor({ id, onSaved }: { id: string; onSaved: () => void }) {
  const [clip, setClip] = useState<{ tags: string[]; note: string | null } | null>(null);
  useEffect(() => {
    ask('clips/get', { id }).then(setClip, () => setClip(null));
  }, [id]);
  if (!clip) return null;
  return (
    <details className="current-clip-editor">
      <summary>
        {t('tags')} · {t('note')}
      </summary>
      <ClipEditor id={id} tags={clip.tags} note={clip.note} onSaved={onSaved} />
    </details>
  );
}
