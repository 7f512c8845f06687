import { useCallback, useEffect, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import type { Clip, ClipSummary } from '@/utils/model/article';
import { openArchivePage } from '@/utils/archive-io/archive-page';
import { message } from '@/utils/archive-io/describe';
import { takeFirstPage } from '@/utils/ui/first-page';
import { formatDateTime, formatPublished, t } from '@/utils/ui/i18n';
import { RESULT_PAGE, type Facets, type SearchFilters, type SearchHit } from '@/utils/archive/search';
import { ask, readerUrl } from '@/utils/protocol/worker-client';
import { FilterBar } from './FilterBar';
import { Highlighted } from './Highlighted';
import { VirtualList } from './VirtualList';

const PAGE_SIZE = RESULT_PAGE;
const ROW_HEIGHT = 78;
const TYPING_PAUSE_MS = 120;
const UNDO_MS = 10_000;

type Row = SearchHit | (ClipSummary & { titleMarks?: undefined; snippet?: undefined });

interface Listing {
  /** which query/filters/refresh this listing belongs to; answers for older ones are dropped */
  generation: number;
  total: number;
  approximate: boolean;
  rows: Map<number, Row>;
}

/** Search box, filter chips and the virtualised result list of the archive. */
export function ArchiveView({ refreshKey, onChanged }: { refreshKey: number; onChanged: () => void }) {
  const [query, setQuery] = useState('');
  const [settledQuery, setSettledQuery] = useState('');
  const [filters, setFilters] = useState<SearchFilters>({});
  const [facets, setFacets] = useState<Facets | null>(null);
  const [listing, setListing] = useState<Listing>({
    generation: 0,
    total: 0,
    approximate: false,
    rows: new Map(),
  });
  const [loaded, setLoaded] = useState(false);
  const [active, setActive] = useState(-1);
  const [error, setError] = useState<string | null>(null);
  const [deleted, setDeleted] = useState<{ clip: Clip; timer: ReturnType<typeof setTimeout> } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const searchBox = useRef<HTMLInputElement>(null);
  const generation = useRef(0);
  const pending = useRef(new Set<number>());
  const [localRefresh, setLocalRefresh] = useState(0);

  useEffect(() => {
    const timer = setTimeout(() => setSettledQuery(query), TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [query]);

  const browsing = settledQuery.trim() === '' && !Object.values(filters).some(Boolean);

  const fetchPage = useCallback(
    async (page: number, forGeneration: number) => {
      const offset = page * PAGE_SIZE;
      // Unfiltered browsing reads the clip-time index directly: the popup paints before the search
      // has loaded its list of documents.
      const answer = browsing
        ? await ((page === 0 && takeFirstPage()) || ask('clips/list', { offset, limit: PAGE_SIZE })).then(
            (r) => ({
              total: r.total,
              approximate: false,
              hits: r.clips as Row[],
            }),
          )
        : await ask('archive/search', { query: settledQuery, filters, offset, limit: PAGE_SIZE });
      if (forGeneration !== generation.current) return;
      setListing((previous) => {
        const rows = previous.generation === forGeneration ? new Map(previous.rows) : new Map<number, Row>();
        answer.hits.forEach((hit, i) => rows.set(offset + i, hit));
        return { generation: forGeneration, total: answer.total, approximate: answer.approximate, rows };
      });
    },
    [browsing, settledQuery, filters],
  );

  // a new query, filter or archive change starts the listing again
  useEffect(() => {
    const current = ++generation.current;
    pending.current = new Set([0]);
    setActive(-1);
    fetchPage(0, current).then(
      () => {
        setLoaded(true);
        setError(null);
      },
      (e: Error) => setError(e.message),
    );
  }, [fetchPage, refreshKey, localRefresh]);

  // the chips wait for the list: it is what the user came for, and facets read every clip's summary
  useEffect(() => {
    if (!loaded) return;
    ask('archive/facets', {}).then(setFacets, () => setFacets(null));
  }, [loaded, refreshKey, localRefresh]);

  // mark the first paint of the list, for the popup-open benchmark
  useEffect(() => {
    if (!loaded) return;
    requestAnimationFrame(() => {
      if (performance.getEntriesByName('jianbao:first-list').length === 0)
        performance.mark('jianbao:first-list');
    });
  }, [loaded]);

  const onNeedRange = useCallback(
    (start: number, end: number) => {
      const current = generation.current;
      for (let page = Math.floor(start / PAGE_SIZE); page * PAGE_SIZE < end; page++) {
        if (pending.current.has(page)) continue;
        pending.current.add(page);
        fetchPage(page, current).catch((e: Error) => setError(e.message));
      }
    },
    [fetchPage],
  );

  const open = (row: Row | undefined) => {
    if (!row) return;
    void browser.tabs.create({ url: readerUrl(row.id, { query: settledQuery, filters }) });
  };

  const remove = async (row: Row) => {
    try {
      const clip = await ask('clip/delete', { id: row.id });
      if (!clip) return;
      if (deleted) clearTimeout(deleted.timer);
      setDeleted({ clip, timer: setTimeout(() => setDeleted(null), UNDO_MS) });
      setNotice(null);
      setLocalRefresh((n) => n + 1);
      onChanged();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const undo = async () => {
    if (!deleted) return;
    clearTimeout(deleted.timer);
    setDeleted(null);
    try {
      const outcome = await ask('clip/restore', { clip: deleted.clip });
      if (!outcome.restored) setNotice(t('restoreClash'));
      setLocalRefresh((n) => n + 1);
      onChanged();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  // keyboard: "/" focuses the search, arrows move through the results, Enter opens one
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement;
      const typing = target.matches('input:not([type=search]), textarea');
      if (event.key === '/' && !target.matches('input, textarea')) {
        event.preventDefault();
        searchBox.current?.focus();
      } else if (typing) {
        return;
      } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        const step = event.key === 'ArrowDown' ? 1 : -1;
        setActive((index) => Math.max(0, Math.min(listing.total - 1, index + step)));
      } else if (event.key === 'Enter' && listing.total > 0 && !target.matches('button, a, summary')) {
        // Enter opens the selected result, or the first one straight from the search box
        event.preventDefault();
        open(listing.rows.get(Math.max(0, active)));
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  });

  const renderRow = (row: Row | undefined, index: number) => {
    if (!row) return <div className="clip-row placeholder" aria-busy="true" />;
    const meta = [row.source ?? row.siteName ?? row.host, formatPublished(row.publishedAt)]
      .filter(Boolean)
      .join(' · ');
    return (
      <div className="clip-row" data-clip-id={row.id}>
        <a
          href={readerUrl(row.id, { query: settledQuery, filters })}
          target="_blank"
          rel="noopener noreferrer"
          onMouseEnter={() => setActive(index)}
        >
          <span className="clip-title">
            <Highlighted text={row.title} marks={row.titleMarks ?? []} />
            {row.changed && (
              <span className="mark-changed" data-testid="mark-changed">
                {t('fidelity_changed_mark')}
              </span>
            )}
            {row.gone && (
              <span className="mark-gone" data-testid="mark-gone">
                {t('fidelity_gone_mark')}
              </span>
            )}
          </span>
          <span className="clip-meta">
            {meta}
            {meta ? ' · ' : ''}
            {t('clippedAt', formatDateTime(row.clippedAt))}
          </span>
          {row.snippet && (
            <span className="clip-snippet">
              <Highlighted text={row.snippet.text} marks={row.snippet.highlights} />
            </span>
          )}
        </a>
        <button
          type="button"
          className="delete"
          title={t('deleteClip')}
          aria-label={`${t('deleteClip')} ${row.title}`}
          data-action="delete"
          onClick={() => void remove(row)}
        >
          ×
        </button>
      </div>
    );
  };

  const searching = !browsing;
  return (
    <section className="archive">
      <input
        ref={searchBox}
        type="search"
        className="search-box"
        data-testid="search-box"
        value={query}
        placeholder={t('searchPlaceholder')}
        aria-label={t('searchLabel')}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && query) {
            e.preventDefault();
            setQuery('');
          }
        }}
      />
      <FilterBar facets={facets} filters={filters} onChange={setFilters} />
      {searching && loaded && (
        <p className="result-count">
          <span data-testid="result-count" aria-live="polite">
            {listing.total === 0
              ? t('noResults')
              : t(listing.approximate ? 'resultsApprox' : 'resultsCount', String(listing.total))}
          </span>
          {listing.total > 0 && (
            <button
              type="button"
              className="link-button"
              data-testid="export-result"
              onClick={() => void openArchivePage({ exportSearch: { query: settledQuery, filters } })}
            >
              {message('io_export_result')}
            </button>
          )}
        </p>
      )}
      {error && (
        <p className="error" role="alert">
          {t('error_request', error)}
        </p>
      )}
      {loaded && !searching && listing.total === 0 ? (
        <p className="empty">{t('archiveEmpty')}</p>
      ) : (
        <VirtualList
          count={listing.total}
          rowHeight={ROW_HEIGHT}
          itemAt={(index) => listing.rows.get(index)}
          renderRow={renderRow}
          onNeedRange={onNeedRange}
          activeIndex={active}
          testId="clip-list"
        />
      )}
      {deleted && (
        <div className="undo-bar" data-testid="undo-bar" role="status">
          <span>{t('deleted', deleted.clip.title)}</span>
          <button type="button" data-testid="undo" onClick={() => void undo()}>
            {t('undo')}
          </button>
        </div>
      )}
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
    </section>
  );
}
