import { useCallback, useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import type { ClipSummary } from '@/utils/model/article';
import { openArchivePage } from '@/utils/archive-io/archive-page';
import { message } from '@/utils/archive-io/describe';
import type { ClipOutcome } from '@/utils/protocol/messages';
import { ask } from '@/utils/protocol/worker-client';
import { t } from '@/utils/ui/i18n';
import { openLibrary } from '@/utils/ui/list-context';
import type { Settings } from '@/utils/ui/settings';
import { onSyncPulled } from '@/utils/ui/sync-live';
import { archiveStatsText, useArchiveStats } from './ArchiveStats';
import { ArchiveView } from './ArchiveView';
import { ClipEditor } from './ClipEditor';
import { announcementOf, ClipStatus, type ClipState } from './ClipStatus';

/**
 * Opening the popup clips the active tab at once (or, if the settings say so, offers to); the card
 * says what happened, with Open, Original and Undo; below it, the searchable archive.
 */
export function PopupApp({ settings }: { settings: Settings }) {
  const [clipState, setClipState] = useState<ClipState>({ phase: 'idle' });
  const [asTab, setAsTab] = useState(false);
  const [refreshKey, setRefreshKey] = useState(0);
  const [stats, refreshStats] = useArchiveStats();

  const clip = useCallback(
    async (options: { update: boolean; confirmed: boolean }) => {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      // Opened as a tab of its own (not from the toolbar): just show the archive, page-wide.
      if (!tab || tab.url?.startsWith(browser.runtime.getURL('/'))) {
        setAsTab(true);
        return;
      }
      if (settings.toolbarAction === 'preview' && !options.confirmed) {
        setClipState({ phase: 'ready', title: tab.title || tab.url || '' });
        return;
      }
      setClipState({ phase: 'clipping' });
      let outcome = await ask('clip/tab', { tabId: tab.id, mode: 'page', update: options.update }).catch(
        (error: unknown): ClipOutcome => ({
          // The worker was stopped mid-clip (the browser may do so at any time); its write is one
          // transaction, so nothing half-written exists and a second click starts afresh.
          status: 'failed',
          error: { code: 'interrupted', detail: String(error) },
        }),
      );
      if (outcome.status === 'saved' && settings.defaultTags.length > 0) {
        const tagged = await ask('clip/edit', {
          id: outcome.clip.id,
          tags: settings.defaultTags,
          note: null,
        }).catch(() => null);
        if (tagged) outcome = { ...outcome, clip: tagged };
      }
      setClipState({ phase: 'done', outcome });
      setRefreshKey((n) => n + 1);
    },
    [settings],
  );

  const undo = useCallback(async (saved: ClipSummary) => {
    const deleted = await ask('clip/delete', { id: saved.id }).catch(() => null);
    if (deleted) setClipState({ phase: 'undone', title: saved.title });
    setRefreshKey((n) => n + 1);
  }, []);

  useEffect(() => {
    void clip({ update: false, confirmed: false });
    // Ask the browser not to evict the archive under storage pressure (extensions are usually granted it).
    void navigator.storage?.persist?.().catch(() => false);
  }, [clip]);

  // clips that sync brought in while the popup is open appear in its list
  useEffect(() => onSyncPulled(() => setRefreshKey((n) => n + 1)), []);

  useEffect(() => {
    if (refreshKey > 0) refreshStats();
  }, [refreshStats, refreshKey]);

  const current =
    clipState.phase === 'done' && clipState.outcome.status !== 'failed' ? clipState.outcome.clip : null;
  return (
    <main className={asTab ? 'popup as-tab' : 'popup'}>
      <header className="popup-header">
        <h1>
          <img className="brand-icon" src="/icon/32.png" alt="" width={20} height={20} />
          {t('ui_brand')}
        </h1>
        {stats && (
          <span className="archive-count" data-testid="archive-count" title={archiveStatsText(stats)}>
            {archiveStatsText(stats)}
          </span>
        )}
        <nav aria-label={t('ui_brand')}>
          <button
            type="button"
            className="quiet"
            data-testid="popup-open-library"
            onClick={() => void openLibrary()}
          >
            {t('ui_library')}
          </button>
          <button
            type="button"
            className="quiet"
            data-testid="popup-export-json"
            title={message('io_export_json')}
            onClick={() => void openArchivePage({ exportAll: true })}
          >
            {t('ui_export')}
          </button>
          <button
            type="button"
            className="quiet"
            data-testid="popup-open-settings"
            onClick={() => void browser.runtime.openOptionsPage()}
          >
            {t('ui_settings')}
          </button>
        </nav>
      </header>
      <ClipStatus
        state={clipState}
        onClip={() => void clip({ update: false, confirmed: true })}
        onUpdate={() => void clip({ update: true, confirmed: true })}
        onUndo={(saved) => void undo(saved)}
      />
      {/* present from the start, so screen readers announce what is put into it */}
      <div className="visually-hidden" role="status" aria-live="polite" data-testid="popup-live">
        {announcementOf(clipState)}
      </div>
      {current && (
        <CurrentClipEditor
          id={current.id}
          key={`${current.id}:${current.updatedAt}`}
          onSaved={() => setRefreshKey((n) => n + 1)}
        />
      )}
      <ArchiveView mode="popup" refreshKey={refreshKey} onChanged={refreshStats} />
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
        {clip.tags.length > 0 && `: ${clip.tags.join(', ')}`}
      </summary>
      <ClipEditor id={id} tags={clip.tags} note={clip.note} onSaved={onSaved} />
    </details>
  );
}
