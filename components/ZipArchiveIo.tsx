import { useState, type ChangeEvent } from 'react';
import { exportZip, importZip, type ZipImportOutcome } from '@/utils/archive-io/zip';
import { workerAssetSource, workerExportSource, workerZipImportTarget } from '@/utils/archive-io/worker-io';
import { describeImportFailure } from '@/utils/archive-io/describe';
import { indexWorkerCount, workerIndexBuilder } from '@/utils/archive-io/index-pool';
import { downloadBlob } from '@/utils/archive-io/download';
import { sanitizeHtml } from '@/utils/model/sanitize';
import { t } from '@/utils/ui/i18n';

function outcomeText(outcome: ZipImportOutcome): string {
  if (outcome.ok) {
    const { added, merged, unchanged } = outcome.summary;
    return t('fidelity_zip_imported', [String(added), String(merged), String(unchanged)]);
  }
  const error = outcome.error;
  switch (error.code) {
    case 'bad-zip':
      return t('fidelity_zip_bad', error.detail);
    case 'missing-asset':
      return t('fidelity_zip_missing_asset', [error.id, error.sha256]);
    case 'bad-asset':
      return t('fidelity_zip_bad_asset', error.name);
    default: {
      const { headline, details } = describeImportFailure(error);
      return [headline, ...details].join('\n');
    }
  }
}

/** Export and import the archive as a ZIP with its kept images and snapshots (format version 2). */
export function ZipArchiveIo() {
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<{ text: string; ok: boolean } | null>(null);

  const runExport = async () => {
    setBusy(true);
    setStatus(null);
    try {
      const archive = await exportZip(workerExportSource(), workerAssetSource());
      downloadBlob(archive.blob, archive.fileName);
      setStatus({
        ok: true,
        text: t('fidelity_zip_exported', [String(archive.count), String(archive.assets), archive.fileName]),
      });
    } catch (error) {
      setStatus({ ok: false, text: t('error_request', String((error as Error)?.message ?? error)) });
    } finally {
      setBusy(false);
    }
  };

  const runImport = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setBusy(true);
    setStatus(null);
    const outcome = await importZip(file, {
      sanitize: (html) => sanitizeHtml(html, window),
      target: workerZipImportTarget(),
      indexBuilder: workerIndexBuilder,
      indexWorkers: indexWorkerCount(),
    });
    setStatus({ ok: outcome.ok, text: outcomeText(outcome) });
    setBusy(false);
  };

  return (
    <section className="io-section" data-testid="zip-io">
      <h2>{t('fidelity_zip_title')}</h2>
      <button type="button" disabled={busy} onClick={() => void runExport()} data-testid="export-zip">
        {t('fidelity_export_zip')}
      </button>{' '}
      <label>
        {t('fidelity_import_zip')}{' '}
        <input
          type="file"
          accept=".zip,application/zip"
          disabled={busy}
          onChange={(event) => void runImport(event)}
          data-testid="import-zip"
        />
      </label>
      {status && (
        <p
          role={status.ok ? 'status' : 'alert'}
          data-testid="zip-status"
          data-ok={status.ok}
          style={{ whiteSpace: 'pre-line' }}
        >
          {status.text}
        </p>
      )}
    </section>
  );
}
