import { useState } from 'react';
import { t } from '@/utils/ui/i18n';
import { ask } from '@/utils/protocol/worker-client';
import { parseTagList } from '@/utils/ui/tags';

/** Tags and note of one clip, saved through the worker. */
export function ClipEditor({
  id,
  tags,
  note,
  onSaved,
}: {
  id: string;
  tags: string[];
  note: string | null;
  onSaved?: () => void;
}) {
  const [tagText, setTagText] = useState(tags.join(', '));
  const [noteText, setNoteText] = useState(note ?? '');
  const [state, setState] = useState<'idle' | 'saving' | 'saved' | { error: string }>('idle');

  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    setState('saving');
    try {
      await ask('clip/edit', {
        id,
        tags: parseTagList(tagText),
        note: noteText.trim() ? noteText.slice(0, 20_000) : null,
      });
      setState('saved');
      onSaved?.();
    } catch (error) {
      setState({ error: String((error as Error).message ?? error) });
    }
  };

  return (
    <form className="clip-editor" data-testid="clip-editor" onSubmit={(e) => void save(e)}>
      <label>
        <span>{t('tags')}</span>
        <input
          name="tags"
          value={tagText}
          placeholder={t('tagsPlaceholder')}
          onChange={(e) => {
            setTagText(e.target.value);
            setState('idle');
          }}
        />
      </label>
      <label>
        <span>{t('note')}</span>
        <textarea
          name="note"
          rows={2}
          value={noteText}
          placeholder={t('notePlaceholder')}
          onChange={(e) => {
            setNoteText(e.target.value);
            setState('idle');
          }}
        />
      </label>
      <div className="clip-editor-actions">
        <button type="submit" disabled={state === 'saving'}>
          {t('saveEdits')}
        </button>
        {state === 'saved' && <span data-testid="edits-saved">{t('editsSaved')}</span>}
        {typeof state === 'object' && <span role="alert">{t('error_request', state.error)}</span>}
      </div>
    </form>
  );
}
