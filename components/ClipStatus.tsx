import type { ClipSummary } from '@/utils/model/article';
import type { ClipOutcome } from '@/utils/protocol/messages';
import { readerUrl } from '@/utils/ui/list-context';
import { failureMessage, formatDateTime, publishedOf, t } from '@/utils/ui/i18n';

export type ClipState =
  | { phase: 'idle' }
  /** the settings ask to see the page before saving it */
  | { phase: 'ready'; title: string }
  | { phase: 'clipping' }
  | { phase: 'done'; outcome: ClipOutcome }
  /** the clip just saved was taken back with Undo */
  | { phase: 'undone'; title: string };

/** What a screen reader hears when a clip ends (failures are announced by their role="alert"). */
export function announcementOf(state: ClipState): string {
  if (state.phase === 'undone') return t('ui_clip_removed');
  if (state.phase !== 'done' || state.outcome.status === 'failed') return '';
  const { status, clip } = state.outcome;
  return t(
    status === 'saved'
      ? 'ui_announce_saved'
      : status === 'updated'
        ? 'ui_announce_updated'
        : 'ui_announce_exists',
    clip.title,
  );
}

/** The result of clipping the current tab, at the top of the popup: what was saved, and what next. */
export function ClipStatus({
  state,
  onClip,
  onUpdate,
  onUndo,
}: {
  state: ClipState;
  onClip: () => void;
  onUpdate: () => void;
  onUndo: (clip: ClipSummary) => void;
}) {
  if (state.phase === 'idle') return null;
  if (state.phase === 'ready' || state.phase === 'undone') {
    return (
      <section className="clip-status ready" data-testid="clip-status" data-status={state.phase}>
        <div className="clip-status-heading">
          {state.phase === 'ready' ? t('ui_preview_heading') : t('ui_clip_removed')}
        </div>
        <div className="clip-title" title={state.title}>
          {state.title}
        </div>
        <div className="button-row">
          <button type="button" className="primary" data-testid="clip-now" onClick={onClip}>
            {state.phase === 'ready' ? t('ui_preview_clip') : t('ui_clip_again')}
          </button>
        </div>
      </section>
    );
  }
  if (state.phase === 'clipping') {
    return (
      <section
        className="clip-status clipping"
        data-testid="clip-status"
        data-status="clipping"
        aria-busy="true"
      >
        <progress aria-label={t('clipping')} /> {t('clipping')}
      </section>
    );
  }
  const { outcome } = state;
  if (outcome.status === 'failed') {
    return (
      <section className="clip-status failed" data-testid="clip-status" data-status="failed" role="alert">
        <span className="status-icon" aria-hidden="true" data-icon="!" />
        <div>{failureMessage(outcome.error)}</div>
      </section>
    );
  }
  const { clip } = outcome;
  const heading =
    outcome.status === 'exists'
      ? t('alreadySaved', formatDateTime(clip.clippedAt))
      : t(outcome.status === 'saved' ? 'ui_saved_heading' : 'ui_updated_heading');
  const reader = readerUrl(clip.id);
  return (
    <section
      className={`clip-status ${outcome.status}`}
      data-testid="clip-status"
      data-status={outcome.status}
    >
      <span className="status-icon" aria-hidden="true" data-icon="✓" />
      <div className="clip-status-heading">{heading}</div>
      <div className="clip-title" title={clip.title}>
        <a href={reader} target="_blank" rel="noopener noreferrer" data-testid="clip-status-title">
          {clip.title}
        </a>
      </div>
      <div className="clip-meta">
        {[clip.source ?? clip.siteName ?? clip.host, publishedOf(clip)].filter(Boolean).join(' · ')}
      </div>
      <div className="button-row">
        <a className="button" href={reader} target="_blank" rel="noopener noreferrer" data-testid="clip-open">
          {t('ui_open_reader')}
        </a>
        <a className="button quiet" href={clip.url} target="_blank" rel="noopener noreferrer">
          {t('ui_open_original')}
        </a>
        {outcome.status === 'saved' && (
          <button type="button" className="quiet" data-testid="clip-undo" onClick={() => onUndo(clip)}>
            {t('ui_undo_clip')}
          </button>
        )}
        {outcome.status === 'exists' && (
          <button type="button" data-testid="clip-update" onClick={onUpdate}>
            {t('update')}
          </button>
        )}
      </div>
    </section>
  );
}
