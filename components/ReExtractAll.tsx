import { useState } from 'react';
import { t } from '@/utils/ui/i18n';
import { changedFields, reextract } from '@/utils/ui/fidelity';
import { BlobReceiver } from '@/utils/archive-io/blob-channel';
import { ask } from '@/utils/protocol/worker-client';

interface Summary {
  checked: number;
  changed: number;
  none: number;
  failed: number;
  /** how many clips each field changed in */
  fields: Record<string, number>;
  done: boolean;
}

/**
 * After an update of the extractor: re-extract every clip from its snapshot and save the clips whose
 * fields changed (each keeps its old text as a version), then say what changed.
 */
export function ReExtractAll() {
  const [summary, setSummary] = useState<Summary | null>(null);

  const run = async () => {
    const result: Summary = { checked: 0, changed: 0, none: 0, failed: 0, fields: {}, done: false };
    setSummary({ ...result });
    const receiver = new BlobReceiver(60_000);
    try {
      const ids: string[] = [];
      for (let offset = 0; ; offset += 500) {
        const page = await ask('clips/list', { offset, limit: 500 });
        ids.push(...page.clips.map((c) => c.id));
        if (page.clips.length < 500) break;
      }
      for (const id of ids) {
        try {
          const clip = await ask('clips/get', { id });
          if (!clip) continue;
          const article = await reextract(clip, window, receiver);
          if (!article) {
            result.none++;
          } else {
            result.checked++;
            const changes = changedFields(clip, article);
            if (changes.length) {
              await ask('clip/reextract', { id, article });
              result.changed++;
              for (const change of changes)
                result.fields[change.field] = (result.fields[change.field] ?? 0) + 1;
            }
          }
        } catch {
          result.failed++;
        }
        setSummary({ ...result, fields: { ...result.fields } });
      }
    } finally {
      receiver.close();
      setSummary({ ...result, fields: { ...result.fields }, done: true });
    }
  };

  return (
    <section className="reextract-all" data-testid="reextract-all">
      <button
        type="button"
        onClick={() => void run()}
        disabled={!!summary && !summary.done}
        data-testid="reextract-all-run"
      >
        {t('fidelity_reextract_all')}
      </button>
      {summary && (
        <p data-testid="reextract-all-summary" data-done={summary.done}>
          {t('fidelity_reextract_all_summary', [
            String(summary.checked),
            String(summary.changed),
            String(summary.none),
            String(summary.failed),
          ])}
          {Object.entries(summary.fields)
            .map(([field, n]) => ` ${field}: ${n}`)
            .join(';')}
        </p>
      )}
    </section>
  );
}
