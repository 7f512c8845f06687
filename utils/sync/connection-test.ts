/**
 * "Test connection": one question at a time, so that the answer names exactly what is wrong.
 * Runs in the worker (which holds the host permission and does the syncing).
 */
import { CouchClient, CouchError } from './couch-client';
import { checkSettings, type SettingsProblem, type SyncSettings } from './settings';

export type ConnectionProblem =
  | SettingsProblem
  | 'no-permission'
  | 'unreachable'
  | 'tls'
  | 'timeout'
  | 'not-couchdb'
  | 'unauthorized'
  | 'forbidden'
  | 'database-missing'
  | 'create-refused'
  | 'server-error';

export type ConnectionReport =
  | { ok: true; server: string; documents: number; created?: boolean }
  | { ok: false; problem: ConnectionProblem; detail: string };

export interface ConnectionDeps {
  /** whether the extension holds the host permission for `origin` */
  hasPermission(origin: string): Promise<boolean>;
  /** the browser's network error for a failed request to `url`, if it can tell (webRequest) */
  networkError?(url: string, request: () => Promise<unknown>): Promise<string | null>;
  fetch?: typeof fetch;
}

function problemOf(error: unknown): { problem: ConnectionProblem; detail: string } {
  if (!(error instanceof CouchError))
    return { problem: 'server-error', detail: String((error as Error)?.message ?? error) };
  const problems: Record<CouchError['kind'], ConnectionProblem> = {
    unreachable: 'unreachable',
    timeout: 'timeout',
    unauthorized: 'unauthorized',
    forbidden: 'forbidden',
    'not-found': 'database-missing',
    'not-couchdb': 'not-couchdb',
    http: 'server-error',
  };
  return { problem: problems[error.kind], detail: error.message };
}

/** A CouchDB-compatible server says so at its root: CouchDB, Cloudant, PouchDB Server. */
function isCouchWelcome(info: unknown): string | null {
  if (typeof info !== 'object' || info === null) return null;
  const record = info as Record<string, unknown>;
  if (typeof record.couchdb === 'string') return `CouchDB ${String(record.version ?? '')}`.trim();
  if (typeof record['express-pouchdb'] === 'string')
    return `PouchDB Server ${String(record.version ?? '')}`.trim();
  return null;
}

export async function testConnection(
  settings: SyncSettings,
  deps: ConnectionDeps,
  options: { create?: boolean } = {},
): Promise<ConnectionReport> {
  const checked = checkSettings(settings);
  if (!checked.ok) return { ok: false, problem: checked.problem, detail: settings.serverUrl };
  if (!(await deps.hasPermission(checked.origin))) {
    return { ok: false, problem: 'no-permission', detail: `no host permission for ${checked.origin}` };
  }
  const client = new CouchClient({ ...settings, serverUrl: settings.serverUrl.trim() }, deps.fetch);
  let server: string | null;
  try {
    const root = () => client.serverInfo();
    if (deps.networkError) {
      let info: unknown;
      const netError = await deps.networkError(settings.serverUrl.trim(), async () => (info = await root()));
      if (netError !== null) {
        const tls = /CERT|SSL|TLS/i.test(netError);
        return { ok: false, problem: tls ? 'tls' : 'unreachable', detail: netError };
      }
      server = isCouchWelcome(info);
    } else server = isCouchWelcome(await root());
  } catch (error) {
    const { problem, detail } = problemOf(error);
    // CouchDB with require_valid_user refuses even its welcome without credentials: go on to the database
    if (problem !== 'unauthorized') return { ok: false, problem, detail };
    server = 'CouchDB';
  }
  if (!server)
    return { ok: false, problem: 'not-couchdb', detail: `${checked.origin} does not answer as CouchDB does` };
  try {
    const info = await client.databaseInfo();
    return { ok: true, server, documents: info.doc_count };
  } catch (error) {
    const found = problemOf(error);
    if (found.problem !== 'database-missing' || !options.create) return { ok: false, ...found };
  }
  try {
    await client.createDatabase();
    const info = await client.databaseInfo();
    return { ok: true, server, documents: info.doc_count, created: true };
  } catch (error) {
    const found = problemOf(error);
    const refused = found.problem === 'unauthorized' || found.problem === 'forbidden';
    return { ok: false, problem: refused ? 'create-refused' : found.problem, detail: found.detail };
  }
}
