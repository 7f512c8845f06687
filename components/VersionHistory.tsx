import { useMemo, useState } from 'react';
import type { Clip } from '@/utils/model/article';
import { formatDateTime, t } from '@/utils/ui/i18n';
import { paragraphDiff } from '@/utils/ui/fidelity';

/**
 * The clip's versions (current first) and a paragraph-level diff from the chosen earlier version to
 * the current text: removed paragraphs struck through, added ones highlighted. Text only, never HTML.
 */
export function VersionHistory({ clip }: { clip: Pick<Clip, 'versions' | 'textContent' | 'updatedAt'> }) {
  const [chosen, setChosen] = useState(0);
  const version = clip.versions[Math.min(chosen, clip.versions.length - 1)];
  const diff = useMemo(
    () => (version ? paragraphDiff(version.textContent, clip.textContent) : []),
    [version, clip.textContent],
  );
  if (!version) return null;
  const changed = diff.some((p) => p.kind !== 'same');
  return (
    <details className="versions" data-testid="versions" open>
      <summary>
        {t('fidelity_versions')} ({clip.versions.length + 1})
      </summary>
      <ol className="version-list" data-testid="version-list">
        <li>{t('fidelity_version_current', formatDateTime(clip.updatedAt))}</li>
        {clip.versions.map((v, i) => (
          <li key={v.savedAt + i}>
            <button
              type="button"
              aria-pressed={i === chosen}
              onClick={() => setChosen(i)}
              data-testid="version-choose"
            >
              {t('fidelity_version_item', formatDateTime(v.savedAt))}
            </button>
          </li>
        ))}
      </ol>
      <p className="reader-meta">{t('fidelity_diff_against', formatDateTime(version.savedAt))}</p>
      {!changed && <p data-testid="diff-none">{t('fidelity_diff_none')}</p>}
      <div className="diff" data-testid="diff">
        {diff.map((p, i) =>
          p.kind === 'added' ? (
            <p key={i} className="diff-added" data-kind="added">
              <ins title={t('fidelity_diff_added')}>{p.text}</ins>
            </p>
          ) : p.kind === 'removed' ? (
            <p key={i} className="diff-removed" data-kind="removed">
              <del title={t('fidelity_diff_removed')}>{p.text}</del>
            </p>
          ) : (
            <p key={i} className="diff-same" data-kind="same">
              {p.text}
            </p>
          ),
        )}
      </div>
    </details>
  );
}
