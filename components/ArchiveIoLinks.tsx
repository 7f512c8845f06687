import { openArchivePage } from '@/utils/archive-io/archive-page';
import { message } from '@/utils/archive-io/describe';

/**
 * Export and import run in the archive page, a full tab: a file picker or a download started from
 * the action popup can close the popup (always in Firefox) and take the unfinished work with it.
 * (Exporting the current search result is offered beside the result count, in ArchiveView.)
 */
export function ArchiveIoLinks() {
  return (
    <nav className="popup-io-links">
      <button
        type="button"
        data-testid="popup-export-json"
        onClick={() => void openArchivePage({ exportAll: true })}
      >
        {message('io_export_json')}
      </button>
      <button type="button" data-testid="popup-open-archive-io" onClick={() => void openArchivePage()}>
        {message('io_open')}
      </button>
    </nav>
  );
}
