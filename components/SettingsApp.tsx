import { Children, useCallback, useEffect, useState, type ReactNode } from 'react';
import { archivePageUrl } from '@/utils/archive-io/archive-page';
import { plural, t, uiLocale, type MessageKey } from '@/utils/ui/i18n';
import { libraryUrl } from '@/utils/ui/list-context';
import { saveSettings, type Settings, type UiLanguage } from '@/utils/ui/settings';
import { ask } from '@/utils/protocol/worker-client';
import { parseTagList } from '@/utils/ui/tags';
import { archiveStatsText } from './ArchiveStats';
import { KeepImagesSwitch } from './KeepImagesSwitch';
import { SyncSettings } from './SyncSettings';

/**
 * The settings page (options_ui). Each section is a <SettingsSection>; other areas mount their own
 * sections in the places marked below.
 */
export function SettingsApp({ initial }: { initial: Settings }) {
  const [settings, setSettings] = useState(initial);
  const [status, setStatus] = useState('');

  const change = async (patch: Omit<Parameters<typeof saveSettings>[0], 'reader'>) => {
    // shown at once (controlled inputs would otherwise snap back until storage answers), then stored
    setSettings((current) => ({ ...current, ...patch }));
    setSettings(await saveSettings(patch));
    setStatus(t('ui_settings_saved'));
  };

  useEffect(() => {
    document.title = t('ui_settings_title');
  }, []);

  return (
    <main className="page settings" data-testid="settings">
      <header className="page-header">
        <h1>{t('ui_settings_title')}</h1>
        <a className="button" href={libraryUrl()} data-testid="settings-open-library">
          {t('ui_settings_open_library')}
        </a>
      </header>

      <SettingsSection id="general" title={t('ui_settings_general')}>
        <label className="field">
          <span>{t('ui_settings_language')}</span>
          <select
            data-testid="setting-language"
            value={settings.uiLanguage}
            onChange={(e) => {
              // every string on the page changes: show it afresh in the new language
              void change({ uiLanguage: e.target.value as UiLanguage }).then(() => location.reload());
            }}
          >
            <option value="auto">{t('ui_settings_language_auto')}</option>
            <option value="zh_CN" lang="zh-CN">
              {t('ui_settings_language_zh')}
            </option>
            <option value="en" lang="en">
              {t('ui_settings_language_en')}
            </option>
          </select>
        </label>
      </SettingsSection>

      <SettingsSection id="clipping" title={t('ui_settings_clipping')}>
        <fieldset className="field">
          <legend>{t('ui_settings_toolbar')}</legend>
          {(['save', 'preview'] as const).map((action) => (
            <label className="choice" key={action}>
              <input
                type="radio"
                name="toolbarAction"
                value={action}
                data-testid={`setting-toolbar-${action}`}
                checked={settings.toolbarAction === action}
                onChange={() => void change({ toolbarAction: action })}
              />
              {t(action === 'save' ? 'ui_settings_toolbar_save' : 'ui_settings_toolbar_preview')}
            </label>
          ))}
        </fieldset>
        <DefaultTagsField
          tags={settings.defaultTags}
          onSave={(defaultTags) => void change({ defaultTags })}
        />
      </SettingsSection>

      <SettingsSection id="images" title={t('ui_settings_images')}>
        <KeepImagesSwitch />
      </SettingsSection>

      <SettingsSection id="sync" title={t('ui_settings_sync')}>
        <SyncSettings />
      </SettingsSection>

      <SettingsSection id="storage" title={t('ui_settings_storage')}>
        <StorageUsage />
      </SettingsSection>

      <p className="settings-status" role="status" data-testid="settings-status">
        {status}
      </p>
    </main>
  );
}

/** One titled section of the settings page; `id` makes it linkable (options.html#sync). */
export function SettingsSection({
  id,
  title,
  children,
}: {
  id: string;
  title: string;
  children?: ReactNode;
}) {
  // a section whose content another area has not mounted yet is left out
  if (Children.toArray(children).length === 0) return null;
  return (
    <section className="settings-section" id={id} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {children}
    </section>
  );
}

function DefaultTagsField({ tags, onSave }: { tags: string[]; onSave: (tags: string[]) => void }) {
  const [text, setText] = useState(tags.join(', '));
  return (
    <label className="field">
      <span>{t('ui_settings_default_tags')}</span>
      <input
        data-testid="setting-default-tags"
        value={text}
        onChange={(e) => setText(e.target.value)}
        onBlur={() => onSave(parseTagList(text))}
        aria-describedby="default-tags-hint"
      />
      <small id="default-tags-hint" className="hint">
        {t('ui_settings_default_tags_hint')}
      </small>
    </label>
  );
}

/** Names for the archive's object stores; a store another feature adds shows under its own name. */
const STORE_LABELS: Record<string, MessageKey> = {
  clips: 'ui_store_clips',
  searchDocs: 'ui_store_search',
  indexTail: 'ui_store_search',
  segments: 'ui_store_search',
  indexMeta: 'ui_store_search',
};

function StorageUsage() {
  const [usage, setUsage] = useState<{
    bytes: number | null;
    kinds: Array<[string, number]>;
  } | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [cleared, setCleared] = useState(false);

  const load = useCallback(async () => {
    const [counts, estimate] = await Promise.all([
      ask('archive/store-counts', {}),
      navigator.storage?.estimate?.().catch(() => undefined),
    ]);
    const kinds = new Map<string, number>();
    for (const [store, count] of Object.entries(counts)) {
      const label = STORE_LABELS[store] ? t(STORE_LABELS[store]) : store;
      kinds.set(label, (kinds.get(label) ?? 0) + count);
    }
    setUsage({ bytes: estimate?.usage ?? null, kinds: [...kinds] });
  }, []);

  useEffect(() => {
    void load().catch(() => setUsage(null));
  }, [load]);

  const clearAll = async () => {
    await ask('archive/clear', {});
    setConfirming(false);
    setCleared(true);
    await load();
  };

  const clips = usage?.kinds.find(([label]) => label === t('ui_store_clips'))?.[1] ?? 0;
  return (
    <>
      {usage && (
        <>
          <p data-testid="storage-usage">{archiveStatsText({ count: clips, bytes: usage.bytes })}</p>
          <table className="storage-table" data-testid="storage-breakdown">
            <caption className="visually-hidden">{t('ui_storage_breakdown')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('ui_storage_kind')}</th>
                <th scope="col">{t('ui_storage_records')}</th>
              </tr>
            </thead>
            <tbody>
              {usage.kinds.map(([label, count]) => (
                <tr key={label}>
                  <th scope="row">{label}</th>
                  <td>{count.toLocaleString(uiLocale())}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <div className="danger-zone">
        {!confirming ? (
          <button
            type="button"
            className="danger"
            data-testid="delete-everything"
            disabled={clips === 0}
            onClick={() => setConfirming(true)}
          >
            {t('ui_delete_everything')}
          </button>
        ) : (
          <div className="confirm-panel" role="group" aria-labelledby="confirm-delete-text">
            <p id="confirm-delete-text">{t('ui_delete_everything_confirm', plural('ui_clips', clips))}</p>
            <div className="button-row">
              <a
                className="button primary"
                href={archivePageUrl('all')}
                target="_blank"
                rel="noopener noreferrer"
                data-testid="export-first"
              >
                {t('ui_export_first')}
              </a>
              <button
                type="button"
                className="danger"
                data-testid="confirm-delete-everything"
                onClick={() => void clearAll()}
              >
                {t('ui_delete_everything_now')}
              </button>
              <button type="button" className="quiet" onClick={() => setConfirming(false)}>
                {t('ui_cancel')}
              </button>
            </div>
          </div>
        )}
        <p role="status" data-testid="delete-everything-status">
          {cleared ? t('ui_deleted_everything') : ''}
        </p>
      </div>
    </>
  );
}
