import { openArchivePage } from '@/utils/archive-io/archive-page';
import { message } from '@/utils/archive-io/describe';

/**
 * Export and import run in the archive page, a full tab: a file picker or a download started from
 * the action popup can close the popup (always in Firefox) and take the unfinished work with it.
 * With `selectionIds` (the current search/filter result) "Export JSON" exports just those clips.
 */
export function ArchiveIoLinks({ selectionIds }: { selectionIds?: readonly string[] }) {
  return (
    <nav className="popup-io-links">
      <button
        type="button"
        data-testid="popup-export-json"
        onClick={() => void openArchivePage(selectionIds ? { exportIds: selectionIds } : { exportAll: true })}
      >
        {selectionIds ? message('io_export_selection', selectionIds.length) : message('io_export_json')}
      </button>
      <button type="button" data-testid="popup-open-archive-io" onClick={() => void openArchivePage()}>
        {message('io_open')}
      </button>
    </nav>
  );
}
