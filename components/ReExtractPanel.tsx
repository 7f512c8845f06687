import { useState } from 'react';
import type { Article, Clip } from '@/utils/model/article';
import { t } from '@/utils/ui/i18n';
import { changedFields, reextract, type FieldChange } from '@/utils/ui/fidelity';
import { ask } from '@/utils/protocol/worker-client';

type State =
  | { step: 'idle' }
  | { step: 'working' }
  | { step: 'none' }
  | { step: 'same' }
  | { step: 'changed'; article: Article; changes: FieldChange[] }
  | { step: 'saved' }
  | { step: 'failed'; message: string };

const clipped = (text: string) => (text.length > 300 ? `${text.slice(0, 300)}…` : text);

/**
 * Re-runs today's extractor over the clip's snapshot (here, in the extension page, with DOMParser:
 * the snapshot's scripts were removed and would not run anyway) and shows the fields that would
 * change; saving keeps the old text as a version.
 */
export function ReExtractPanel({ clip, onSaved }: { clip: Clip; onSaved: () => void }) {
  const [state, setState] = useState<State>({ step: 'idle' });

  const run = async () => {
    setState({ step: 'working' });
    try {
      const article = await reextract(clip, window);
      if (!article) return setState({ step: 'none' });
      const changes = changedFields(clip, article);
      setState(changes.length ? { step: 'changed', article, changes } : { step: 'same' });
    } catch (error) {
      setState({ step: 'failed', message: String((error as Error)?.message ?? error) });
    }
  };
  const save = async (article: Article) => {
    setState({ step: 'working' });
    try {
      await ask('clip/reextract', { id: clip.id, article });
      setState({ step: 'saved' });
      onSaved();
    } catch (error) {
      setState({ step: 'failed', message: String((error as Error)?.message ?? error) });
    }
  };

  return (
    <section className="reextract" data-testid="reextract" data-step={state.step}>
      <button
        type="button"
        onClick={() => void run()}
        disabled={state.step === 'working'}
        data-testid="reextract-run"
      >
        {t('fidelity_reextract')}
      </button>
      {state.step === 'none' && <p>{t('fidelity_reextract_none')}</p>}
      {state.step === 'same' && <p data-testid="reextract-same">{t('fidelity_reextract_same')}</p>}
      {state.step === 'saved' && <p>{t('fidelity_reextract_saved')}</p>}
      {state.step === 'failed' && <p role="alert">{t('error_request', state.message)}</p>}
      {state.step === 'changed' && (
        <>
          <p>{t('fidelity_reextract_changed')}</p>
          <dl className="reextract-changes" data-testid="reextract-changes">
            {state.changes.map((change) => (
              <div key={change.field} data-field={change.field}>
                <dt>{change.field}</dt>
                <dd>
                  <del>{clipped(change.before)}</del> → <ins>{clipped(change.after)}</ins>
                </dd>
              </div>
            ))}
          </dl>
          <button type="button" onClick={() => void save(state.article)} data-testid="reextract-save">
            {t('fidelity_reextract_save')}
          </button>
        </>
      )}
    </section>
  );
}
