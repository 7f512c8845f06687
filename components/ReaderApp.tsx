import { useEffect, useMemo, useState } from 'react';
import * as v from 'valibot';
import type { Clip } from '@/utils/model/article';
import { formatDateTime, formatPublished, t } from '@/utils/ui/i18n';
import { SearchFiltersSchema } from '@/utils/protocol/messages';
import type { SearchFilters } from '@/utils/archive/search';
import { sanitizeHtml } from '@/utils/model/sanitize';
import { ask, readerUrl } from '@/utils/protocol/worker-client';
import { ClipEditor } from './ClipEditor';
import { ClipMarkdownActions } from './ClipMarkdownActions';
import { CaptureNotes } from './CaptureNotes';
import { VersionHistory } from './VersionHistory';
import { ReExtractPanel } from './ReExtractPanel';
import { keptImageUrls, withKeptImages } from '@/utils/ui/kept-images';

/** The search and filters the reader was opened from (optional URL parameters `q` and `f`). */
export function readerContext(search: string): { query: string; filters: SearchFilters } {
  const params = new URLSearchParams(search);
  let filters: SearchFilters = {};
  try {
    const parsed = v.safeParse(SearchFiltersSchema, JSON.parse(params.get('f') ?? '{}'));
    if (parsed.success) filters = parsed.output;
  } catch {
    // a hand-edited address: read without the result list
  }
  return { query: params.get('q') ?? '', filters };
}

interface Neighbours {
  previous: string | null;
  next: string | null;
  position: number;
  total: number;
}

/** One clip, offline, from its stored sanitized HTML (sanitized once more before it is shown). */
export function ReaderApp({ id, search }: { id: string; search: string }) {
  const [clip, setClip] = useState<Clip | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [neighbours, setNeighbours] = useState<Neighbours | null>(null);
  const context = useMemo(() => readerContext(search), [search]);

  const [loads, setLoads] = useState(0);
  useEffect(() => {
    ask('clips/get', { id }).then(setClip, (e: Error) => {
      setError(e.message);
      setClip(null);
    });
    ask('archive/neighbours', { id, query: context.query, filters: context.filters }).then(
      setNeighbours,
      () => setNeighbours(null),
    );
  }, [id, context, loads]);
  const sanitized = useMemo(() => (clip ? sanitizeHtml(clip.contentHtml, window) : ''), [clip]);
  // kept images as blob: URLs; until they arrive (and for images not kept) no src at all
  const [imageUrls, setImageUrls] = useState<ReadonlyMap<string, string>>(new Map());
  useEffect(() => {
    let urls: Map<string, string> | undefined;
    let live = true;
    keptImageUrls(sanitized).then(
      (found) => (live ? setImageUrls((urls = found)) : found.forEach((url) => URL.revokeObjectURL(url))),
      () => undefined,
    );
    return () => {
      live = false;
      urls?.forEach((url) => URL.revokeObjectURL(url));
    };
  }, [sanitized]);
  const bodyHtml = useMemo(() => withKeptImages(sanitized, imageUrls), [sanitized, imageUrls]);
  useEffect(() => {
    if (clip) document.title = clip.title;
  }, [clip]);

  // ← and → walk the result list the clip was opened from
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.target as HTMLElement).matches('input, textarea')) return;
      const target =
        event.key === 'ArrowLeft'
          ? neighbours?.previous
          : event.key === 'ArrowRight'
            ? neighbours?.next
            : null;
      if (target) location.href = readerUrl(target, context);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [neighbours, context]);

  if (clip === undefined) return <p className="empty">{t('loading')}</p>;
  if (clip === null) {
    return (
      <p className="empty" role="alert">
        {error ? t('error_request', error) : t('notFound')}
      </p>
    );
  }
  const nav = neighbours && neighbours.position >= 0 && (
    <nav className="reader-nav" data-testid="reader-nav">
      {neighbours.previous ? (
        <a href={readerUrl(neighbours.previous, context)} rel="prev" data-testid="reader-previous">
          {t('previous')}
        </a>
      ) : (
        <span />
      )}
      <span className="reader-position">
        {t('positionOf', [String(neighbours.position + 1), String(neighbours.total)])}
      </span>
      {neighbours.next ? (
        <a href={readerUrl(neighbours.next, context)} rel="next" data-testid="reader-next">
          {t('next')}
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
  return (
    <article className="reader" lang={clip.lang ?? 'zh-CN'} data-testid="reader">
      {nav}
      {clip.section.length > 0 && <p className="reader-section">{clip.section.join(' › ')}</p>}
      {clip.kicker && (
        <p className="reader-kicker" data-testid="reader-kicker">
          {clip.kicker}
        </p>
      )}
      <h1 className="reader-title" data-testid="reader-title">
        {clip.title}
      </h1>
      {clip.subtitle && <p className="reader-subtitle">{clip.subtitle}</p>}
      <div className="reader-meta" data-testid="reader-meta">
        {clip.publishedAt && <span>{t('publishedLabel', formatPublished(clip.publishedAt))}</span>}
        {!clip.publishedAt && clip.publishedRaw && <span>{t('publishedLabel', clip.publishedRaw)}</span>}
        {(clip.source ?? clip.siteName) && <span>{t('sourceLabel', (clip.source ?? clip.siteName)!)}</span>}
        {clip.authors.length > 0 && <span>{t('authorsLabel', clip.authors.join(' '))}</span>}
        {clip.editors.length > 0 && <span>{t('editorsLabel', clip.editors.join(' '))}</span>}
      </div>
      <p className="reader-meta">
        <a href={clip.url} target="_blank" rel="noopener noreferrer" data-testid="reader-original">
          {clip.url}
        </a>
      </p>
      <CaptureNotes clip={clip} />
      <ClipMarkdownActions clip={clip} />
      <div className="reader-body" data-testid="reader-body" dangerouslySetInnerHTML={{ __html: bodyHtml }} />
      <footer className="reader-footer">
        <p className="reader-meta">
          {t('clippedAt', formatDateTime(clip.clippedAt))}
          {clip.versions.length > 0 && ` · ${t('earlierVersions', String(clip.versions.length))}`}
        </p>
        <VersionHistory clip={clip} />
        <ReExtractPanel clip={clip} onSaved={() => setLoads((n) => n + 1)} />
        <ClipEditor id={clip.id} tags={clip.tags} note={clip.note} />
        {nav}
      </footer>
    </article>
  );
}
