import { useCallback, useEffect, useRef, useState, type ChangeEvent } from 'react';
import type { ImportSummary } from '@/utils/archive/clip-store';
import { takeExportSearch, type ArchivePageExport } from '@/utils/archive-io/archive-page';
import { describeImportFailure, message } from '@/utils/archive-io/describe';
import { downloadBlob } from '@/utils/archive-io/download';
import { exportArchive } from '@/utils/archive-io/export';
import { importArchiveFile, type ImportPhase } from '@/utils/archive-io/import';
import { workerExportSource, workerImportTarget } from '@/utils/archive-io/worker-io';
import { indexWorkerCount, workerIndexBuilder } from '@/utils/archive-io/index-pool';
import { sanitizeHtml } from '@/utils/model/sanitize';
import { ask } from '@/utils/protocol/worker-client';

type Task =
  | { kind: 'idle' }
  | { kind: 'exporting'; done: number; total: number }
  | { kind: 'importing'; phase: ImportPhase; done: number; total: number }
  | { kind: 'exported'; count: number; fileName: string }
  | { kind: 'imported'; summary: ImportSummary }
  | { kind: 'failed'; headline: string; details: string[]; unchanged: boolean };

/** Progress is shown only for work that takes longer than this, so quick jobs do not flicker. */
const PROGRESS_DELAY_MS = 1_000;

function useShownAfter(active: boolean, delayMs: number): boolean {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (!active) {
      setShown(false);
      return;
    }
    const timer = setTimeout(() => setShown(true), delayMs);
    return () => clearTimeout(timer);
  }, [active, delayMs]);
  return shown;
}

function progressText(task: Task): string {
  if (task.kind === 'exporting') return message('io_exporting', task.done, task.total);
  if (task.kind !== 'importing') return '';
  if (task.phase === 'reading') return message('io_reading');
  if (task.phase === 'checking') return message('io_checking');
  if (task.phase === 'sending') return message('io_sending', task.done, task.total);
  return message('io_saving', task.total);
}

/**
 * The archive page (a full tab, so a file picker or a download cannot close it as they can close
 * the action popup): export the archive as JSON, import a JSON file.
 */
export function ArchiveIoApp({ autoExport }: { autoExport: ArchivePageExport }) {
  const [total, setTotal] = useState<number | null>(null);
  const [task, setTask] = useState<Task>({ kind: 'idle' });
  const busy = task.kind === 'exporting' || task.kind === 'importing';
  const showProgress = useShownAfter(busy, PROGRESS_DELAY_MS);

  const refresh = useCallback(async () => {
    setTotal((await ask('clips/list', { offset: 0, limit: 1 })).total);
  }, []);

  const runExport = useCallback(async (ids?: readonly string[]) => {
    setTask({ kind: 'exporting', done: 0, total: 0 });
    try {
      const archive = await exportArchive(workerExportSource(), {
        ids,
        onProgress: (done, all) => setTask({ kind: 'exporting', done, total: all }),
      });
      downloadBlob(archive.blob, archive.fileName);
      setTask({ kind: 'exported', count: archive.count, fileName: archive.fileName });
    } catch (error) {
      const detail = String((error as Error)?.message ?? error);
      setTask({
        kind: 'failed',
        headline: message('io_export_failed', detail),
        details: [],
        unchanged: false,
      });
    }
  }, []);

  /** The popup's current search/filter result: its ids are resolved here, where the export runs. */
  const exportSearchResult = useCallback(async () => {
    const search = await takeExportSearch();
    if (!search) return;
    setTask({ kind: 'exporting', done: 0, total: 0 });
    const ids = await ask('archive/search-ids', search).catch((error: Error) => error);
    if (ids instanceof Error) {
      setTask({
        kind: 'failed',
        headline: message('io_export_failed', ids.message),
        details: [],
        unchanged: false,
      });
      return;
    }
    await runExport(ids);
  }, [runExport]);

  const started = useRef(false);
  useEffect(() => {
    document.title = message('io_title');
    void refresh();
    // The popup's "Export JSON" opens this page with ?export=all or =search; it starts once.
    if (autoExport && !started.current) {
      started.current = true;
      if (autoExport === 'all') void runExport();
      else void exportSearchResult();
    }
  }, [autoExport, refresh, runExport, exportSearchResult]);

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    setTask({ kind: 'importing', phase: 'reading', done: 0, total: 0 });
    const outcome = await importArchiveFile(file, {
      sanitize: (html) => sanitizeHtml(html, window),
      target: workerImportTarget(),
      indexBuilder: workerIndexBuilder,
      indexWorkers: indexWorkerCount(),
      onProgress: (phase, done, all) => setTask({ kind: 'importing', phase, done, total: all }),
    });
    input.value = '';
    if (outcome.ok) setTask({ kind: 'imported', summary: outcome.summary });
    else setTask({ kind: 'failed', ...describeImportFailure(outcome.error), unchanged: true });
    await refresh();
  };

  return (
    <main className="page archive-io">
      <h1>{message('io_title')}</h1>
      <section>
        <h2>{message('io_export_json')}</h2>
        <p className="hint" data-testid="archive-total">
          {total === null ? '' : message('io_export_hint', total)}
        </p>
        <button type="button" data-testid="export-json" disabled={busy} onClick={() => void runExport()}>
          {message('io_export_json')}
        </button>
      </section>
      <section>
        <h2>{message('io_import_json')}</h2>
        <p className="hint">{message('io_import_hint')}</p>
        <label className="file-button">
          <span>{message('io_import_json')}</span>
          <input
            type="file"
            accept=".json,application/json"
            data-testid="import-file"
            disabled={busy}
            onChange={(event) => void onFile(event)}
          />
        </label>
      </section>
      <IoStatus task={task} showProgress={showProgress} />
    </main>
  );
}

function IoStatus({ task, showProgress }: { task: Task; showProgress: boolean }) {
  switch (task.kind) {
    case 'idle':
      return null;
    case 'exporting':
    case 'importing':
      return (
        <section className="io-status" data-testid="io-status" data-state="busy" aria-busy="true">
          {showProgress && (
            <>
              <progress value={task.total ? task.done : undefined} max={task.total || undefined} />{' '}
              {progressText(task)}
            </>
          )}
        </section>
      );
    case 'exported':
      return (
        <section className="io-status" data-testid="io-status" data-state="exported" role="status">
          {message('io_exported', task.count, task.fileName)}
        </section>
      );
    case 'imported':
      return (
        <section className="io-status" data-testid="io-status" data-state="imported" role="status">
          {message('io_imported', task.summary.added, task.summary.merged, task.summary.unchanged)}
        </section>
      );
    case 'failed':
      return (
        <section className="io-status failed" data-testid="io-status" data-state="failed" role="alert">
          <p>{task.headline}</p>
          {task.details.length > 0 && (
            <ul>
              {task.details.map((detail, i) => (
                <li key={i}>{detail}</li>
              ))}
            </ul>
          )}
          {task.unchanged && <p>{message('io_unchanged')}</p>}
        </section>
      );
  }
}
