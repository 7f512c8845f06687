import { useCallback, useEffect, useRef, useState, type MouseEvent } from 'react';
import { browser } from 'wxt/browser';
import type { Clip, ClipSummary } from '@/utils/model/article';
import { openArchivePage } from '@/utils/archive-io/archive-page';
import { message } from '@/utils/archive-io/describe';
import { afterPaint } from '@/utils/ui/after-paint';
import { firstPageNow, takeFirstPage } from '@/utils/ui/first-page';
import { formatDateTime, publishedOf, t } from '@/utils/ui/i18n';
import { readerUrl, type ListContext } from '@/utils/ui/list-context';
import {
  RESULT_PAGE,
  type Facets,
  type SearchFilters,
  type SearchHit,
  type SortOrder,
} from '@/utils/archive/search';
import { SORT_ORDERS } from '@/utils/protocol/messages';
import { ask } from '@/utils/protocol/worker-client';
import { BulkActions } from './BulkActions';
import { FilterBar } from './FilterBar';
import { Highlighted } from './Highlighted';
import { VirtualList } from './VirtualList';

const PAGE_SIZE = RESULT_PAGE;
/** row heights: title and meta; a search adds the snippet line */
const ROW_HEIGHT = { popup: [50, 68], library: [58, 76] } as const;
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

/**
 * Search box, filter chips and the virtualised result list of the archive: compact in the popup; in
 * the library page (`mode="library"`) with a sidebar of facets, a sort menu and multi-select with
 * bulk tag, export and delete (with Undo).
 */
export function ArchiveView({
  mode,
  refreshKey,
  onChanged,
  initial,
  onContextChange,
}: {
  mode: 'popup' | 'library';
  refreshKey: number;
  onChanged: () => void;
  /** the search, filters and order to start with (the library's address) */
  initial?: ListContext;
  /** told of every settled search, filter or order (the library keeps it in its address) */
  onContextChange?: (context: ListContext) => void;
}) {
  const library = mode === 'library';
  const [query, setQuery] = useState(initial?.query ?? '');
  const [settledQuery, setSettledQuery] = useState(initial?.query ?? '');
  const [filters, setFilters] = useState<SearchFilters>(initial?.filters ?? {});
  const [sort, setSort] = useState<SortOrder>(initial?.sort ?? 'relevance');
  const [facets, setFacets] = useState<Facets | null>(null);
  // the popup's early first page, when it has come before this first render: drawn at once, as the
  // generation (1) of the listing effect's first run, which then has nothing to fetch
  const [early] = useState(() => (initial ? undefined : firstPageNow()));
  const [listing, setListing] = useState<Listing>(() => ({
    generation: early ? 1 : 0,
    total: early?.total ?? 0,
    approximate: false,
    rows: new Map(early?.clips.map((clip, i) => [i, clip])),
  }));
  const [loaded, setLoaded] = useState(early !== undefined);
  const [active, setActive] = useState(-1);
  const [error, setError] = useState<string | null>(null);
  const [deleted, setDeleted] = useState<{ clips: Clip[]; timer: ReturnType<typeof setTimeout> } | null>(
    null,
  );
  const [notice, setNotice] = useState<string | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const searchBox = useRef<HTMLInputElement>(null);
  const listBox = useRef<HTMLDivElement>(null);
  const generation = useRef(0);
  const earlyDrawn = useRef(early !== undefined);
  const pending = useRef(new Set<number>());
  /** set when the keyboard moved the active row: focus follows it once the row is drawn */
  const focusActive = useRef(false);
  const [localRefresh, setLocalRefresh] = useState(0);

  useEffect(() => {
    const timer = setTimeout(() => setSettledQuery(query), TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [query]);

  const filtering = Object.values(filters).some(Boolean);
  const searching = settledQuery.trim() !== '' || filtering;
  // Unfiltered browsing in clip order reads the clip-time index directly: the popup paints before
  // the search has loaded its list of documents.
  const browsing = !searching && (sort === 'relevance' || sort === 'clipped-desc');
  const context: ListContext = { query: settledQuery, filters, sort };

  useEffect(() => {
    onContextChange?.({ query: settledQuery, filters, sort });
  }, [onContextChange, settledQuery, filters, sort]);

  const fetchPage = useCallback(
    async (page: number, forGeneration: number) => {
      const offset = page * PAGE_SIZE;
      const answer = browsing
        ? await ((page === 0 && takeFirstPage()) || ask('clips/list', { offset, limit: PAGE_SIZE })).then(
            (r) => ({
              total: r.total,
              approximate: false,
              hits: r.clips as Row[],
            }),
          )
        : await ask('archive/search', { query: settledQuery, filters, offset, limit: PAGE_SIZE, sort });
      if (forGeneration !== generation.current) return;
      setListing((previous) => {
        const rows = previous.generation === forGeneration ? new Map(previous.rows) : new Map<number, Row>();
        answer.hits.forEach((hit, i) => rows.set(offset + i, hit));
        return { generation: forGeneration, total: answer.total, approximate: answer.approximate, rows };
      });
    },
    [browsing, settledQuery, filters, sort],
  );

  // a new query, filter, order or archive change starts the listing again
  useEffect(() => {
    const current = ++generation.current;
    pending.current = new Set([0]);
    setActive(-1);
    if (earlyDrawn.current) {
      // the first page is drawn already: only take the early answer, so that a refresh asks afresh
      earlyDrawn.current = false;
      void takeFirstPage();
      return;
    }
    fetchPage(0, current).then(
      () => {
        setLoaded(true);
        setError(null);
      },
      (e: Error) => setError(e.message),
    );
  }, [fetchPage, refreshKey, localRefresh]);

  // the chips wait for the list to be drawn: it is what the user came for, and counting facets
  // walks the whole doc table (an older request's answer is dropped)
  useEffect(() => {
    if (!loaded) return;
    let current = true;
    const cancel = afterPaint(() =>
      ask('archive/facets', { query: settledQuery, filters }).then(
        (answer) => current && setFacets(answer),
        () => current && setFacets(null),
      ),
    );
    return () => {
      current = false;
      cancel();
    };
  }, [loaded, settledQuery, filters, refreshKey, localRefresh]);

  // a selection is of the clips shown: a new search or filter starts without one
  useEffect(() => setSelected(new Set()), [settledQuery, filters]);

  // mark the first paint of the list, for the popup-open benchmark
  useEffect(() => {
    if (!loaded) return;
    requestAnimationFrame(() => {
      if (performance.getEntriesByName('jianbao:first-list').length === 0)
        performance.mark('jianbao:first-list');
    });
  }, [loaded]);

  // keyboard focus follows the active row once the virtual list has drawn it
  useEffect(() => {
    if (!focusActive.current || active < 0) return;
    const link = listBox.current?.querySelector<HTMLElement>(`li[data-index="${active}"] a.row-link`);
    if (link) {
      link.focus();
      focusActive.current = false;
    }
  });

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
    void browser.tabs.create({ url: readerUrl(row.id, context) });
  };

  const refreshAfterChange = () => {
    setLocalRefresh((n) => n + 1);
    onChanged();
  };

  /** Deletes clips; their records are kept for Undo for a while. */
  const remove = async (ids: string[]) => {
    try {
      const clips: Clip[] = [];
      for (const id of ids) {
        const clip = await ask('clip/delete', { id });
        if (clip) clips.push(clip);
      }
      if (clips.length === 0) return;
      if (deleted) clearTimeout(deleted.timer);
      setDeleted({ clips, timer: setTimeout(() => setDeleted(null), UNDO_MS) });
      setSelected(new Set());
      setNotice(null);
      refreshAfterChange();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const undo = async () => {
    if (!deleted) return;
    clearTimeout(deleted.timer);
    setDeleted(null);
    try {
      let clashes = 0;
      for (const clip of deleted.clips) {
        const outcome = await ask('clip/restore', { clip });
        if (!outcome.restored) clashes++;
      }
      if (clashes) setNotice(t('restoreClash'));
      refreshAfterChange();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const onDeleteClick = (event: MouseEvent, row: Row) => {
    // the second click of a double click would land on the next row's ×, slid under the pointer
    if (event.detail > 1) return;
    // from the keyboard (detail 0), focus goes to Undo rather than dozens of Tabs away from it
    if (event.detail === 0) focusUndo.current = true;
    void remove([row.id]);
  };

  const undoButton = useRef<HTMLButtonElement>(null);
  const focusUndo = useRef(false);
  useEffect(() => {
    if (deleted && focusUndo.current) undoButton.current?.focus();
    focusUndo.current = false;
  }, [deleted]);

  const moveActive = (step: number) => {
    focusActive.current = true;
    setActive((index) => Math.max(0, Math.min(listing.total - 1, index + step)));
  };

  // keyboard: "/" focuses the search, arrows move through the results, Enter opens one
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement;
      const typing = target.matches('input:not([type=search]):not([type=checkbox]), textarea, select');
      if (event.key === '/' && !target.matches('input, textarea, select')) {
        event.preventDefault();
        searchBox.current?.focus();
      } else if (typing) {
        return;
      } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        moveActive(event.key === 'ArrowDown' ? 1 : -1);
      } else if (event.key === 'Enter' && listing.total > 0 && target === searchBox.current) {
        // Enter opens the first result straight from the search box
        event.preventDefault();
        open(listing.rows.get(Math.max(0, active)));
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  });

  const toggleSelected = (id: string) =>
    setSelected((previous) => {
      const next = new Set(previous);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const selectAll = async (on: boolean) => {
    if (!on) return setSelected(new Set());
    const ids = await ask('archive/search-ids', { query: settledQuery, filters, sort }).catch(() => null);
    if (ids) setSelected(new Set(ids));
  };

  const hasSnippets = settledQuery.trim() !== '';
  const rowHeight = ROW_HEIGHT[mode][hasSnippets ? 1 : 0];

  const renderRow = (row: Row | undefined, index: number) => {
    if (!row) return <div className="clip-row placeholder" aria-busy="true" />;
    const published = publishedOf(row);
    const clipped = t('clippedAt', formatDateTime(row.clippedAt));
    const source = row.source ?? row.siteName ?? row.host;
    const updated = row.updatedAt > row.clippedAt;
    return (
      <div className="clip-row" data-clip-id={row.id}>
        {library && (
          <input
            type="checkbox"
            className="row-check"
            checked={selected.has(row.id)}
            aria-label={`${t('ui_select')} ${row.title}`}
            data-testid="row-check"
            onChange={() => toggleSelected(row.id)}
          />
        )}
        <a
          className="row-link"
          href={readerUrl(row.id, context)}
          target="_blank"
          rel="noopener noreferrer"
          title={`${row.title}\n${[source, published].filter(Boolean).join(' · ')}\n${clipped}`}
          onMouseEnter={() => setActive(index)}
          onFocus={() => setActive(index)}
        >
          <span className="clip-title-line">
            <span className="clip-title">
              <Highlighted text={row.title} marks={row.titleMarks ?? []} />
            </span>
            {/* the text changed since the first clip (earlier versions kept), else merely clipped again */}
            {(row.changed || updated) && (
              <span
                className="mark-changed"
                data-testid={row.changed ? 'mark-changed' : 'mark-updated'}
                title={t('ui_changed_mark_title')}
              >
                {t(row.changed ? 'fidelity_changed_mark' : 'ui_changed_mark')}
              </span>
            )}
            {row.gone && (
              <span className="mark-gone" data-testid="mark-gone">
                {t('fidelity_gone_mark')}
              </span>
            )}
          </span>
          <span className="clip-meta">
            {[source, published || clipped].filter(Boolean).join(' · ')}
            {library && published && <span className="clip-clipped"> · {clipped}</span>}
          </span>
          {row.snippet && hasSnippets && (
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
          onClick={(event) => onDeleteClick(event, row)}
        >
          ×
        </button>
      </div>
    );
  };

  const filterBar = <FilterBar facets={facets} filters={filters} onChange={setFilters} layout={mode} />;
  const activeFilters = Object.values(filters).filter(Boolean).length;
  return (
    <section className={`archive archive-${mode}`}>
      {library && <aside className="library-sidebar">{filterBar}</aside>}
      <div className="archive-main">
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
        {!library && (
          <details className="popup-filters" open={activeFilters > 0 || undefined}>
            <summary data-testid="popup-filters-toggle">
              {activeFilters ? t('ui_filters_active', String(activeFilters)) : t('ui_filters')}
            </summary>
            {filterBar}
          </details>
        )}
        {library && (
          <div className="list-toolbar" data-testid="list-toolbar">
            <input
              type="checkbox"
              data-testid="select-all"
              aria-label={t('ui_select_all')}
              checked={listing.total > 0 && selected.size >= listing.total}
              onChange={(e) => void selectAll(e.target.checked)}
            />
            {selected.size > 0 ? (
              <BulkActions
                ids={[...selected]}
                onDelete={() => {
                  focusUndo.current = true;
                  void remove([...selected]);
                }}
                onTagged={refreshAfterChange}
                onError={setError}
              />
            ) : (
              <span className="list-count" data-testid="list-count">
                {listing.total === 0 && loaded
                  ? t('noResults')
                  : t(listing.approximate ? 'resultsApprox' : 'resultsCount', String(listing.total))}
              </span>
            )}
            <label className="sort-menu">
              <span>{t('ui_sort')}</span>
              <select data-testid="sort" value={sort} onChange={(e) => setSort(e.target.value as SortOrder)}>
                {SORT_ORDERS.map((order) => (
                  <option key={order} value={order}>
                    {t(`ui_sort_${order.replace('-', '_')}` as Parameters<typeof t>[0])}
                  </option>
                ))}
              </select>
            </label>
          </div>
        )}
        {searching && loaded && !library && (
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
          <div className="list-frame" ref={listBox}>
            <VirtualList
              count={listing.total}
              rowHeight={rowHeight}
              itemAt={(index) => listing.rows.get(index)}
              renderRow={renderRow}
              onNeedRange={onNeedRange}
              activeIndex={active}
              testId="clip-list"
              label={t('ui_list_label')}
            />
          </div>
        )}
        {/* a live region present from the start, so the deletion is announced when the bar appears */}
        <div className="undo-slot" role="status">
          {deleted && (
            <div className="undo-bar" data-testid="undo-bar">
              <span>
                {deleted.clips.length === 1
                  ? t('deleted', deleted.clips[0]!.title)
                  : t('ui_deleted_many', String(deleted.clips.length))}
              </span>
              <button type="button" data-testid="undo" ref={undoButton} onClick={() => void undo()}>
                {t('undo')}
              </button>
            </div>
          )}
        </div>
        {notice && (
          <p className="notice" role="status">
            {notice}
          </p>
        )}
      </div>
    </section>
  );
}
