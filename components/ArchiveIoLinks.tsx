import { browser } from 'wxt/browser';
import { message } from '@/utils/archive-io/describe';

/**
 * Export and import run in the archive page, a full tab: a file picker or a download started from
 * the action popup can close the popup (always in Firefox) and take the unfinished work with it.
 */
export function ArchiveIoLinks() {
  const open = (query: string) => {
    void browser.tabs.create({ url: browser.runtime.getURL(`/manage.html${query}`) });
  };
  return (
    <nav className="popup-io-links">
      <button type="button" data-testid="popup-export-json" onClick={() => open('?export=all')}>
        {message('io_export_json')}
      </button>
      <button type="button" data-testid="popup-open-archive-io" onClick={() => open('')}>
        {message('io_open')}
      </button>
    </nav>
  );
}
