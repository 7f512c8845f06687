import type { CaptureNote, Clip } from '@/utils/model/article';
import { formatDateTime, t, type MessageKey } from '@/utils/ui/i18n';

const NOTE_KEYS: Record<CaptureNote['code'], MessageKey> = {
  'image-no-permission': 'fidelity_note_image_no_permission',
  'image-too-large': 'fidelity_note_image_too_large',
  'image-clip-cap': 'fidelity_note_image_clip_cap',
  'image-failed': 'fidelity_note_image_failed',
  'pages-limit': 'fidelity_note_pages_limit',
  'pages-timeout': 'fidelity_note_pages_timeout',
  'pages-failed': 'fidelity_note_pages_failed',
  'snapshot-too-large': 'fidelity_note_snapshot_too_large',
};

/** What the clip did not keep of its page, and whether the page was gone when last clipped (text only). */
export function CaptureNotes({ clip }: { clip: Pick<Clip, 'notes' | 'gone' | 'pages'> }) {
  return (
    <>
      {clip.gone && (
        <p className="reader-gone" role="status" data-testid="reader-gone">
          {t('fidelity_gone', formatDateTime(clip.gone.at))}
        </p>
      )}
      {clip.pages.length > 1 && (
        <p className="reader-meta" data-testid="reader-pages">
          {t('fidelity_pages', String(clip.pages.length))}
        </p>
      )}
      {clip.notes.length > 0 && (
        <details className="reader-notes" data-testid="reader-notes">
          <summary>
            {t('fidelity_notes_title')} ({clip.notes.length})
          </summary>
          <ul>
            {clip.notes.map((note, i) => (
              <li key={i} data-code={note.code}>
                {t(NOTE_KEYS[note.code], note.url ?? '')}
              </li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}
