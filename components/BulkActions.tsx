import { useState } from 'react';
import { downloadBlob } from '@/utils/archive-io/download';
import { exportArchive } from '@/utils/archive-io/export';
import { workerExportSource } from '@/utils/archive-io/worker-io';
import { ask } from '@/utils/protocol/worker-client';
import { plural, t } from '@/utils/ui/i18n';
import { parseTagList } from '@/utils/ui/tags';

/** What the library offers for the selected clips: add tags, export them, delete them (with Undo). */
export function BulkActions({
  ids,
  onDelete,
  onTagged,
  onError,
}: {
  ids: string[];
  onDelete: () => void;
  onTagged: () => void;
  onError: (message: string) => void;
}) {
  const [tagging, setTagging] = useState(false);
  const [tagText, setTagText] = useState('');
  const [busy, setBusy] = useState(false);

  const addTags = async () => {
    const tags = parseTagList(tagText);
    if (tags.length === 0) return;
    setBusy(true);
    try {
      for (const id of ids) {
        const clip = await ask('clips/get', { id });
        if (!clip) continue;
        const merged = [...new Set([...clip.tags, ...tags])].slice(0, 100);
        await ask('clip/edit', { id, tags: merged, note: clip.note });
      }
      setTagging(false);
      setTagText('');
      onTagged();
    } catch (error) {
      onError((error as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const exportSelected = async () => {
    setBusy(true);
    try {
      const archive = await exportArchive(workerExportSource(), { ids });
      downloadBlob(archive.blob, archive.fileName);
    } catch (error) {
      onError((error as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="bulk-actions" data-testid="bulk-actions" role="group" aria-label={t('ui_bulk_label')}>
      <span className="list-count" data-testid="selected-count">
        {plural('ui_selected', ids.length)}
      </span>
      {tagging ? (
        <form
          className="bulk-tag-form"
          onSubmit={(event) => {
            event.preventDefault();
            void addTags();
          }}
        >
          <input
            data-testid="bulk-tag-input"
            aria-label={t('ui_bulk_tags_label')}
            placeholder={t('tagsPlaceholder')}
            value={tagText}
            autoFocus
            onChange={(e) => setTagText(e.target.value)}
          />
          <button type="submit" className="primary" data-testid="bulk-tag-apply" disabled={busy}>
            {t('ui_bulk_tag_apply')}
          </button>
          <button type="button" className="quiet" onClick={() => setTagging(false)}>
            {t('ui_cancel')}
          </button>
        </form>
      ) : (
        <>
          <button type="button" data-testid="bulk-tag" disabled={busy} onClick={() => setTagging(true)}>
            {t('ui_bulk_tag')}
          </button>
          <button
            type="button"
            data-testid="bulk-export"
            disabled={busy}
            onClick={() => void exportSelected()}
          >
            {t('ui_bulk_export')}
          </button>
          <button
            type="button"
            className="danger"
            data-testid="bulk-delete"
            disabled={busy}
            onClick={onDelete}
          >
            {t('ui_bulk_delete')}
          </button>
        </>
      )}
    </div>
  );
}
