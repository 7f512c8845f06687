import { useEffect, useMemo, useState } from 'react';
import type { Clip } from '@/utils/model/article';
import { sanitizeHtml } from '@/utils/model/sanitize';
import { ask } from '@/utils/protocol/worker-client';
import { formatDateTime, plural, publishedOf, t } from '@/utils/ui/i18n';
import { libraryUrl, parseListContext, readerUrl } from '@/utils/ui/list-context';
import { articleLang, readingMinutes } from '@/utils/ui/reading';
import { saveSettings, watchSettings, type ReaderSettings } from '@/utils/ui/settings';
import { ClipEditor } from './ClipEditor';
import { ClipMarkdownActions } from './ClipMarkdownActions';
import { CaptureNotes } from './CaptureNotes';
import { ReaderControls } from './ReaderControls';
import { ReExtractPanel } from './ReExtractPanel';
import { VersionHistory } from './VersionHistory';
import { keptImageUrls, withKeptImages } from '@/utils/ui/kept-images';

interface Neighbours {
  previous: string | null;
  next: string | null;
  position: number;
  total: number;
}

/** The reader's look on the page root, so the whole page (not only the article) takes the theme. */
function applyReaderLook(settings: ReaderSettings) {
  const root = document.documentElement;
  root.dataset.scheme = settings.theme === 'dark' ? 'dark' : settings.theme === 'auto' ? '' : 'light';
  root.dataset.readerTheme = settings.theme;
  root.dataset.readerFont = settings.font;
  root.dataset.readerWidth = settings.width;
  root.style.setProperty('--reader-size', `${settings.fontSize}px`);
}

/**
 * One clip, offline, from its stored sanitized HTML (sanitized once more before it is shown), with
 * controls for size, width, typeface and theme that every clip keeps (settings.reader).
 */
export function ReaderApp({
  id,
  search,
  initialLook,
}: {
  id: string;
  search: string;
  initialLook: ReaderSettings;
}) {
  const [clip, setClip] = useState<Clip | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [neighbours, setNeighbours] = useState<Neighbours | null>(null);
  const [look, setLook] = useState(initialLook);
  const context = useMemo(() => parseListContext(search), [search]);

  const [loads, setLoads] = useState(0);
  useEffect(() => {
    ask('clips/get', { id }).then(setClip, (e: Error) => {
      setError(e.message);
      setClip(null);
    });
    ask('archive/neighbours', {
      id,
      query: context.query,
      filters: context.filters,
      sort: context.sort,
    }).then(setNeighbours, () => setNeighbours(null));
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

  // the look follows changes made here and in other reader tabs
  useEffect(() => applyReaderLook(look), [look]);
  useEffect(() => watchSettings((settings) => setLook(settings.reader)), []);
  const changeLook = (change: Partial<ReaderSettings>) => {
    setLook((current) => ({ ...current, ...change }));
    void saveSettings({ reader: change });
  };

  // ← and → walk the result list the clip was opened from
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.target as HTMLElement).matches('input, textarea, select')) return;
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

  const toolbar = (
    <header className="reader-toolbar" data-testid="reader-toolbar">
      <a className="button quiet" href={libraryUrl(context)} data-testid="reader-back">
        ← {t('ui_back_to_library')}
      </a>
      {neighbours && neighbours.position >= 0 && (
        <nav className="reader-nav" data-testid="reader-nav" aria-label={t('ui_reader_nav')}>
          {neighbours.previous && (
            <a
              className="button quiet"
              href={readerUrl(neighbours.previous, context)}
              rel="prev"
              data-testid="reader-previous"
            >
              {t('previous')}
            </a>
          )}
          <span className="reader-position">
            {t('positionOf', [String(neighbours.position + 1), String(neighbours.total)])}
          </span>
          {neighbours.next && (
            <a
              className="button quiet"
              href={readerUrl(neighbours.next, context)}
              rel="next"
              data-testid="reader-next"
            >
              {t('next')}
            </a>
          )}
        </nav>
      )}
      <ReaderControls look={look} onChange={changeLook} />
    </header>
  );

  if (clip === undefined) {
    return (
      <div className="reader-page">
        {toolbar}
        <p className="empty reader-message">{t('loading')}</p>
      </div>
    );
  }
  if (clip === null) {
    return (
      <div className="reader-page">
        {toolbar}
        <p className="empty reader-message" role="alert">
          {error ? t('error_request', error) : t('notFound')}
        </p>
      </div>
    );
  }
  const lang = articleLang(clip);
  const source = clip.source ?? clip.siteName;
  const published = publishedOf(clip) || clip.publishedRaw;
  return (
    <div className="reader-page">
      {toolbar}
      <main>
        <article className="reader" lang={lang} data-testid="reader">
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
          <div className="reader-meta" data-testid="reader-meta" lang={document.documentElement.lang}>
            {published && <span>{t('publishedLabel', published)}</span>}
            {source && <span>{t('sourceLabel', source)}</span>}
            {clip.authors.length > 0 && <span>{t('authorsLabel', clip.authors.join(' '))}</span>}
            {clip.editors.length > 0 && <span>{t('editorsLabel', clip.editors.join(' '))}</span>}
            <span data-testid="reading-time">
              {t('ui_reading_time', String(readingMinutes(clip.textContent)))}
            </span>
          </div>
          <div className="reader-actions" lang={document.documentElement.lang}>
            <a
              className="button quiet"
              href={clip.url}
              target="_blank"
              rel="noopener noreferrer"
              data-testid="reader-original"
              title={clip.url}
            >
              {t('ui_open_original')} ↗
            </a>
            <ClipMarkdownActions clip={clip} />
          </div>
          <CaptureNotes clip={clip} />
          <div
            className="reader-body"
            data-testid="reader-body"
            dangerouslySetInnerHTML={{ __html: bodyHtml }}
          />
        </article>
        <footer className="reader-footer" lang={document.documentElement.lang}>
          <p className="reader-meta">
            {t('clippedAt', formatDateTime(clip.clippedAt))}
            {clip.versions.length > 0 && ` · ${plural('ui_versions', clip.versions.length)}`}
          </p>
          <VersionHistory clip={clip} />
          <ReExtractPanel clip={clip} onSaved={() => setLoads((n) => n + 1)} />
          <ClipEditor id={clip.id} tags={clip.tags} note={clip.note} />
        </footer>
      </main>
    </div>
  );
}
