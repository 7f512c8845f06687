import type { ClipSummary } from '@/utils/article';
import { formatDateTime, t } from '@/utils/i18n';
import { readerUrl } from '@/utils/worker-client';

/** The archive, newest first. Page-derived strings are rendered as text only. */
export function ClipList({ clips }: { clips: ClipSummary[] }) {
  if (clips.length === 0) return <p className="empty">{t('archiveEmpty')}</p>;
  return (
    <ul className="clip-list" data-testid="clip-list">
      {clips.map((clip) => (
        <li key={clip.id} data-clip-id={clip.id}>
          <a href={readerUrl(clip.id)} target="_blank" rel="noopener noreferrer">
            <span className="clip-title">{clip.title}</span>
            <span className="clip-meta">
              {[clip.source ?? clip.siteName ?? clip.host, formatDateTime(clip.publishedAt)]
                .filter(Boolean)
                .join(' · ')}
            </span>
            <span className="clip-meta">{t('clippedAt', formatDateTime(clip.clippedAt))}</span>
          </a>
        </li>
      ))}
    </ul>
  );
}
