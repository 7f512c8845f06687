import type { ClipOutcome } from '@/utils/protocol/messages';
import { failureMessage, formatDateTime, formatPublished, t } from '@/utils/ui/i18n';

export type ClipState = { phase: 'idle' } | { phase: 'clipping' } | { phase: 'done'; outcome: ClipOutcome };

/** The result of clipping the current tab, at the top of the popup. */
export function ClipStatus({ state, onUpdate }: { state: ClipState; onUpdate: () => void }) {
  if (state.phase === 'idle') return null;
  if (state.phase === 'clipping') {
    return (
      <section className="clip-status" data-testid="clip-status" data-status="clipping" aria-busy="true">
        <progress /> {t('clipping')}
      </section>
    );
  }
  const { outcome } = state;
  if (outcome.status === 'failed') {
    return (
      <section className="clip-status failed" data-testid="clip-status" data-status="failed" role="alert">
        {failureMessage(outcome.error)}
      </section>
    );
  }
  const { clip } = outcome;
  const heading =
    outcome.status === 'exists'
      ? t('alreadySaved', formatDateTime(clip.clippedAt))
      : t(outcome.status === 'saved' ? 'saved' : 'updated');
  return (
    <section
      className={`clip-status ${outcome.status}`}
      data-testid="clip-status"
      data-status={outcome.status}
    >
      <div className="clip-status-heading">{heading}</div>
      <div className="clip-title">{clip.title}</div>
      <div className="clip-meta">
        {[clip.source ?? clip.siteName ?? clip.host, formatPublished(clip.publishedAt)]
          .filter(Boolean)
          .join(' · ')}
      </div>
      {outcome.status === 'exists' && (
        <button type="button" onClick={onUpdate}>
          {t('update')}
        </button>
      )}
    </section>
  );
}
