import { useCallback, useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import type { ClipSummary } from '@/utils/article';
import { t } from '@/utils/i18n';
import type { ClipOutcome } from '@/utils/messages';
import { ask } from '@/utils/worker-client';
import { ArchiveIoLinks } from './ArchiveIoLinks';
import { ClipList } from './ClipList';
import { ClipStatus, type ClipState } from './ClipStatus';

const PAGE_SIZE = 50;

/** Opening the popup clips the active tab at once, then lists the archive. */
export function PopupApp() {
  const [clipState, setClipState] = useState<ClipState>({ phase: 'idle' });
  const [clips, setClips] = useState<ClipSummary[]>([]);
  const [total, setTotal] = useState(0);

  const refresh = useCallback(async () => {
    const page = await ask('clips/list', { offset: 0, limit: PAGE_SIZE });
    setClips(page.clips);
    setTotal(page.total);
  }, []);

  const clip = useCallback(
    async (update: boolean) => {
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
      await refresh();
    },
    [refresh],
  );

  useEffect(() => {
    void refresh();
    void clip(false);
  }, [clip, refresh]);

  const loadMore = async () => {
    const page = await ask('clips/list', { offset: clips.length, limit: PAGE_SIZE });
    setClips([...clips, ...page.clips]);
    setTotal(page.total);
  };

  return (
    <main className="popup">
      <ClipStatus state={clipState} onUpdate={() => void clip(true)} />
      <header className="archive-header">
        <h1>剪报</h1>
        <span data-testid="archive-count">{t('archiveCount', String(total))}</span>
      </header>
      <ArchiveIoLinks />
      <ClipList clips={clips} />
      {clips.length < total && (
        <button type="button" onClick={() => void loadMore()}>
          {t('loadMore')}
        </button>
      )}
    </main>
  );
}
