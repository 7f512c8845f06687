/**
 * Settings → Sync: the CouchDB server, database and credentials; "Test connection" that names what
 * is wrong; host access for that server's origin only, asked from the user's click; the status line.
 * Self-contained: it talks to the worker (sync/* messages) and to browser.permissions, nothing else.
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { browser } from 'wxt/browser';
import type { ConnectionReport } from '@/utils/sync/connection-test';
import { checkSettings, EMPTY_SYNC_SETTINGS, originPattern, type SyncSettings } from '@/utils/sync/settings';
import type { SyncStatus } from '@/utils/sync/sync-service';
import { ask } from '@/utils/protocol/worker-client';
import { t, type MessageKey } from '@/utils/ui/i18n';
import './SyncSettings.css';

type Check =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'report'; report: ConnectionReport }
  | { kind: 'problem'; message: string };

const PROBLEM_KEYS: Record<Exclude<ConnectionReport, { ok: true }>['problem'], MessageKey> = {
  'invalid-url': 'sync_problem_invalid_url',
  insecure: 'sync_problem_insecure',
  'invalid-database': 'sync_problem_invalid_database',
  'no-permission': 'sync_problem_no_permission',
  unreachable: 'sync_problem_unreachable',
  tls: 'sync_problem_tls',
  timeout: 'sync_problem_timeout',
  'not-couchdb': 'sync_problem_not_couchdb',
  unauthorized: 'sync_problem_unauthorized',
  forbidden: 'sync_problem_forbidden',
  'database-missing': 'sync_problem_database_missing',
  'create-refused': 'sync_problem_create_refused',
  'server-error': 'sync_problem_server_error',
};

function reportText(report: ConnectionReport): string {
  if (report.ok) {
    return `${t(report.created ? 'sync_created' : 'sync_connected')} ${report.server} · ${t('sync_documents', String(report.documents))}`;
  }
  return `${t(PROBLEM_KEYS[report.problem])} (${report.detail})`;
}

function formatTime(iso: string | null): string {
  return iso ? new Date(iso).toLocaleString() : t('sync_never');
}

/**
 * Asks for host access to the server's origin. Must run first in a click handler: browsers grant
 * the prompt only from a user gesture. Resolves false when refused (or the URL is not acceptable).
 */
async function requestAccess(settings: SyncSettings): Promise<boolean> {
  const checked = checkSettings(settings);
  if (!checked.ok) return false;
  try {
    return await browser.permissions.request({ origins: [originPattern(checked.origin)] });
  } catch {
    return false;
  }
}

export function SyncSettings() {
  const [settings, setSettings] = useState<SyncSettings>(EMPTY_SYNC_SETTINGS);
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [check, setCheck] = useState<Check>({ kind: 'idle' });
  const [saved, setSaved] = useState(false);
  // the form stays disabled until the stored settings arrive: typing before that (a worker that had
  // to wake up answers late) would be overwritten by them
  const [loaded, setLoaded] = useState(false);

  const refresh = useCallback(() => {
    ask('sync/status', {}).then(setStatus, () => undefined);
  }, []);

  useEffect(() => {
    ask('sync/settings', {})
      .then(setSettings, () => undefined)
      .finally(() => setLoaded(true));
    refresh();
    const timer = setInterval(refresh, 3_000);
    return () => clearInterval(timer);
  }, [refresh]);

  const field = (key: keyof Omit<SyncSettings, 'enabled'>) => ({
    value: settings[key],
    onChange: (event: { currentTarget: HTMLInputElement }) => {
      const value = event.currentTarget.value;
      setSettings((previous) => ({ ...previous, [key]: value }));
      setSaved(false);
    },
  });

  const settingsProblem = (): string | null => {
    const checked = checkSettings(settings);
    return checked.ok ? null : t(PROBLEM_KEYS[checked.problem]);
  };

  const test = async (create: boolean) => {
    const access = requestAccess(settings);
    const problem = settingsProblem();
    if (problem) {
      setCheck({ kind: 'problem', message: problem });
      return;
    }
    setCheck({ kind: 'busy' });
    if (!(await access)) {
      setCheck({ kind: 'problem', message: t('sync_problem_no_permission') });
      return;
    }
    try {
      setCheck({ kind: 'report', report: await ask('sync/test', { settings, create }) });
    } catch (error) {
      setCheck({ kind: 'problem', message: String((error as Error).message) });
    }
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const access = settings.enabled ? requestAccess(settings) : Promise.resolve(true);
    const problem = settings.enabled ? settingsProblem() : null;
    if (problem) {
      setCheck({ kind: 'problem', message: problem });
      return;
    }
    if (!(await access)) {
      setCheck({ kind: 'problem', message: t('sync_problem_no_permission') });
      return;
    }
    try {
      setStatus(await ask('sync/configure', { settings }));
      setCheck({ kind: 'idle' });
      setSaved(true);
    } catch (error) {
      setCheck({ kind: 'problem', message: String((error as Error).message) });
    }
  };

  const syncNow = async () => {
    setStatus((previous) => (previous ? { ...previous, running: true } : previous));
    setStatus(await ask('sync/now', {}).catch(() => status));
  };

  const missing = check.kind === 'report' && !check.report.ok && check.report.problem === 'database-missing';

  return (
    <form className="sync-settings" onSubmit={save} aria-label={t('sync_title')} aria-busy={!loaded}>
      <p className="sync-intro">{t('sync_intro')}</p>
      <fieldset className="sync-fields" disabled={!loaded}>
        <label className="sync-row">
          <input
            type="checkbox"
            name="enabled"
            checked={settings.enabled}
            onChange={(event) => {
              const enabled = event.currentTarget.checked;
              setSettings((previous) => ({ ...previous, enabled }));
              setSaved(false);
            }}
          />
          {t('sync_enabled')}
        </label>
        <label className="sync-row">
          {t('sync_server_url')}
          <input
            type="url"
            name="serverUrl"
            placeholder="https://couch.example.org"
            required
            {...field('serverUrl')}
          />
        </label>
        <label className="sync-row">
          {t('sync_database')}
          <input name="database" required {...field('database')} />
        </label>
        <label className="sync-row">
          {t('sync_username')}
          <input name="username" autoComplete="username" {...field('username')} />
        </label>
        <label className="sync-row">
          {t('sync_password')}
          <input type="password" name="password" autoComplete="current-password" {...field('password')} />
        </label>
        <label className="sync-row">
          {t('sync_device_name')}
          <input name="deviceName" placeholder={t('sync_device_placeholder')} {...field('deviceName')} />
        </label>
        <p className="sync-hint">{t('sync_credentials_hint')}</p>
        <div className="sync-actions">
          <button type="button" name="test" onClick={() => void test(false)} disabled={check.kind === 'busy'}>
            {t('sync_test')}
          </button>
          {missing && (
            <button type="button" name="create" onClick={() => void test(true)}>
              {t('sync_create_database')}
            </button>
          )}
          <button type="submit" name="save">
            {t('sync_save')}
          </button>
          <button
            type="button"
            name="now"
            onClick={() => void syncNow()}
            disabled={!status?.enabled || status.running}
          >
            {t('sync_now')}
          </button>
        </div>
      </fieldset>
      <p
        className="sync-check"
        role="status"
        data-ok={check.kind === 'report' ? String(check.report.ok) : undefined}
      >
        {check.kind === 'busy' && t('sync_testing')}
        {check.kind === 'report' && reportText(check.report)}
        {check.kind === 'problem' && check.message}
        {check.kind === 'idle' && saved && t('sync_saved')}
      </p>
      {status && (
        <p className="sync-status" data-testid="sync-status">
          {status.enabled ? t('sync_status_on') : t('sync_status_off')}
          {' · '}
          {t('sync_last_synced')} {formatTime(status.lastSyncedAt)}
          {' · '}
          {t('sync_pending', String(status.pending))}
          {status.running && ` · ${t('sync_running')}`}
          {status.clippedBy && ` · ${t('sync_signed_as')} ${status.clippedBy}`}
          {status.lastError && (
            <span className="sync-error">
              {' · '}
              {t('sync_last_error')} {status.lastError.message}
            </span>
          )}
        </p>
      )}
      {status && status.skipped.length > 0 && (
        <details className="sync-skipped">
          <summary>{t('sync_skipped', String(status.skipped.length))}</summary>
          <ul>
            {status.skipped.map((entry) => (
              <li key={`${entry.id} ${entry.rev}`}>
                <code>{entry.id}</code> {entry.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
    </form>
  );
}
