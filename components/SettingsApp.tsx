import { useEffect, useState, type ReactNode } from 'react';
import { formatBytes, t } from '@/utils/ui/i18n';
import { saveSettings, type Settings, type UiLanguage } from '@/utils/ui/settings';
import { ask } from '@/utils/protocol/worker-client';
import { parseTagList } from '@/utils/ui/tags';

/**
 * The settings page (options_ui). Each section is a <SettingsSection>; other areas mount their own
 * sections in the places marked below.
 */
export function SettingsApp({ initial }: { initial: Settings }) {
  const [settings, setSettings] = useState(initial);
  const [status, setStatus] = useState('');

  const change = async (patch: Parameters<typeof saveSettings>[0]) => {
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
        <a className="button" href="/manage.html" data-testid="settings-open-library">
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
        {/* MOUNT POINT (fidelity issue): the "Keep images offline" switch and its permission request.
            It reads and writes `keepImagesOffline` through utils/ui/settings.ts. */}
      </SettingsSection>

      <SettingsSection id="sync" title={t('ui_settings_sync')}>
        {/* MOUNT POINT (sync issue): <SyncSettings /> from components/SyncSettings.tsx. */}
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

function StorageUsage() {
  const [usage, setUsage] = useState<{ count: number; bytes: number | null } | null>(null);
  useEffect(() => {
    void Promise.all([
      ask('clips/list', { offset: 0, limit: 1 }),
      navigator.storage?.estimate?.().catch(() => undefined),
    ]).then(
      ([{ total }, estimate]) => setUsage({ count: total, bytes: estimate?.usage ?? null }),
      () => setUsage(null),
    );
  }, []);
  if (!usage) return null;
  return (
    <p data-testid="storage-usage">
      {usage.bytes === null
        ? t('archiveCount', String(usage.count))
        : t('archiveStats', [String(usage.count), formatBytes(usage.bytes)])}
    </p>
  );
}
