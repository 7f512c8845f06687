import { useCallback, useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { archivePageUrl } from '@/utils/archive-io/archive-page';
import { t } from '@/utils/ui/i18n';
import { libraryUrl, type ListContext } from '@/utils/ui/list-context';
import { onSyncPulled } from '@/utils/ui/sync-live';
import { archiveStatsText, useArchiveStats } from './ArchiveStats';
import { ArchiveView } from './ArchiveView';

/**
 * The library: the whole archive in a tab (from the popup, the reader and the context menu), with
 * facets, sort, multi-select and bulk actions. Its address keeps the search, filters and order, so the
 * reader's "back to the list" and a reload return to the same list.
 */
export function LibraryApp({ initial }: { initial: ListContext }) {
  const [stats, refreshStats] = useArchiveStats();
  // clips that sync brought in while the library is open appear in its list and its count
  const [pulls, setPulls] = useState(0);
  useEffect(
    () =>
      onSyncPulled(() => {
        setPulls((n) => n + 1);
        refreshStats();
      }),
    [refreshStats],
  );
  useEffect(() => {
    document.title = `${t('ui_library')} · ${t('ui_brand')}`;
  }, []);

  const keepInAddress = useCallback((context: ListContext) => {
    history.replaceState(null, '', libraryUrl(context));
  }, []);

  return (
    <div className="library-page">
      <header className="library-header">
        <h1>
          <img className="brand-icon" src="/icon/32.png" alt="" width={24} height={24} />
          {t('ui_brand')}
          <span className="library-title">{t('ui_library')}</span>
        </h1>
        {stats && (
          <span className="archive-count" data-testid="archive-count">
            {archiveStatsText(stats)}
          </span>
        )}
        <nav className="button-row" aria-label={t('ui_library')}>
          <a className="button quiet" href={archivePageUrl()} data-testid="library-archive-io">
            {t('ui_export_import')}
          </a>
          <button type="button" className="quiet" onClick={() => void browser.runtime.openOptionsPage()}>
            {t('ui_settings')}
          </button>
        </nav>
      </header>
      <main className="library-body">
        <ArchiveView
          mode="library"
          refreshKey={pulls}
          onChanged={refreshStats}
          initial={initial}
          onContextChange={keepInAddress}
        />
      </main>
    </div>
  );
}
