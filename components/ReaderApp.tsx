import { useEffect, useMemo, useState } from 'react';
import type { Clip } from '@/utils/article';
import { formatDateTime, t } from '@/utils/i18n';
import { sanitizeHtml } from '@/utils/sanitize';
import { ask } from '@/utils/worker-client';
import { ClipMarkdownActions } from './ClipMarkdownActions';

/** One clip, offline, from its stored sanitized HTML (sanitized once more before it is shown). */
export function ReaderApp({ id }: { id: string }) {
  const [clip, setClip] = useState<Clip | null | undefined>(undefined);
  useEffect(() => {
    ask('clips/get', { id }).then(setClip, () => setClip(null));
  }, [id]);
  const bodyHtml = useMemo(() => (clip ? sanitizeHtml(clip.contentHtml, window) : ''), [clip]);
  useEffect(() => {
    if (clip) document.title = clip.title;
  }, [clip]);

  if (clip === undefined) return null;
  if (clip === null) return <p className="empty">{t('notFound')}</p>;
  const byline = [
    clip.source,
    clip.authors.join(' '),
    clip.editors.length ? `编辑：${clip.editors.join(' ')}` : '',
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <article className="reader" lang={clip.lang ?? undefined}>
      {clip.section.length > 0 && <nav className="reader-section">{clip.section.join(' › ')}</nav>}
      {clip.kicker && <p className="reader-kicker">{clip.kicker}</p>}
      <h1 className="reader-title">{clip.title}</h1>
      {clip.subtitle && <p className="reader-subtitle">{clip.subtitle}</p>}
      <p className="reader-meta">{[formatDateTime(clip.publishedAt), byline].filter(Boolean).join(' · ')}</p>
      <p className="reader-meta">
        <a href={clip.url} target="_blank" rel="noopener noreferrer">
          {t('original')}
        </a>
      </p>
      <ClipMarkdownActions clip={clip} />
      <div className="reader-body" dangerouslySetInnerHTML={{ __html: bodyHtml }} />
    </article>
  );
}
