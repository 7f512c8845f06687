/**
 * A small client of the CouchDB replication protocol (https://docs.couchdb.org/en/stable/replication/protocol.html):
 * the endpoints a replicator needs and nothing else. Runs wherever `fetch` does (service worker,
 * background page, Node).
 */

export interface CouchTarget {
  /** server origin and path prefix, e.g. https://couch.example.org or http://127.0.0.1:5984 */
  serverUrl: string;
  database: string;
  username: string;
  password: string;
}

export type CouchErrorKind =
  'unreachable' | 'unauthorized' | 'forbidden' | 'not-found' | 'not-couchdb' | 'http' | 'timeout';

export class CouchError extends Error {
  constructor(
    readonly kind: CouchErrorKind,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'CouchError';
  }
}

export interface ChangeRow {
  id: string;
  seq: string | number;
  changes: Array<{ rev: string }>;
  deleted?: boolean;
}

export interface RemoteDoc {
  _id: string;
  _rev: string;
  _deleted?: boolean;
  _revisions?: { start: number; ids: string[] };
  [field: string]: unknown;
}

/** `_bulk_get` answers one entry per requested revision: the document or why it could not be read. */
export type BulkGetResult =
  { ok: RemoteDoc } | { error: { id: string; rev: string; error: string; reason: string } };

/** Requests to the server give up after this long (a long poll adds its own timeout). */
const REQUEST_TIMEOUT_MS = 60_000;

/** AbortSignal.any where it exists (Firefox 124+, Chrome 116+), else the same by hand (Firefox ESR 115). */
function eitherSignal(a: AbortSignal, b: AbortSignal): AbortSignal {
  if (typeof AbortSignal.any === 'function') return AbortSignal.any([a, b]);
  const controller = new AbortController();
  for (const signal of [a, b]) {
    if (signal.aborted) controller.abort(signal.reason);
    else signal.addEventListener('abort', () => controller.abort(signal.reason), { once: true });
  }
  return controller.signal;
}

export function databaseUrl(target: CouchTarget): string {
  return `${target.serverUrl.replace(/\/+$/, '')}/${encodeURIComponent(target.database)}`;
}

export class CouchClient {
  constructor(
    readonly target: CouchTarget,
    private readonly fetchImpl: typeof fetch = (...args) => fetch(...args),
  ) {}

  private headers(json: boolean): Headers {
    const headers = new Headers({ accept: 'application/json' });
    if (json) headers.set('content-type', 'application/json');
    const { username, password } = this.target;
    if (username) {
      const bytes = new TextEncoder().encode(`${username}:${password}`);
      headers.set('authorization', `Basic ${btoa(String.fromCharCode(...bytes))}`);
    }
    return headers;
  }

  /** One request; HTTP errors become CouchErrors that say what is wrong. */
  async request<T>(
    method: string,
    path: string,
    body?: unknown,
    options: { server?: boolean; timeoutMs?: number; signal?: AbortSignal } = {},
  ): Promise<T> {
    const base = options.server ? this.target.serverUrl.replace(/\/+$/, '') : databaseUrl(this.target);
    const timeout = AbortSignal.timeout(options.timeoutMs ?? REQUEST_TIMEOUT_MS);
    const signal = options.signal ? eitherSignal(timeout, options.signal) : timeout;
    let response: Response;
    try {
      response = await this.fetchImpl(`${base}${path}`, {
        method,
        headers: this.headers(body !== undefined),
        body: body === undefined ? undefined : JSON.stringify(body),
        signal,
        credentials: 'omit',
        cache: 'no-store',
      });
    } catch (error) {
      if (timeout.aborted)
        throw new CouchError(
          'timeout',
          `no answer from ${base} within ${options.timeoutMs ?? REQUEST_TIMEOUT_MS} ms`,
        );
      if (options.signal?.aborted) throw error;
      throw new CouchError('unreachable', `cannot reach ${base}: ${(error as Error).message}`);
    }
    const text = await response.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      throw new CouchError(
        'not-couchdb',
        `${method} ${path} answered ${response.status} with non-JSON`,
        response.status,
      );
    }
    if (response.ok) return json as T;
    const reason = (json as { reason?: unknown } | null)?.reason;
    const detail = `${method} ${path}: ${response.status}${typeof reason === 'string' ? ` ${reason.slice(0, 200)}` : ''}`;
    if (response.status === 401) throw new CouchError('unauthorized', detail, 401);
    if (response.status === 403) throw new CouchError('forbidden', detail, 403);
    if (response.status === 404) throw new CouchError('not-found', detail, 404);
    throw new CouchError('http', detail, response.status);
  }

  serverInfo(): Promise<Record<string, unknown>> {
    return this.request('GET', '/', undefined, { server: true });
  }

  databaseInfo(): Promise<{ db_name: string; doc_count: number; update_seq: unknown }> {
    return this.request('GET', '');
  }

  createDatabase(): Promise<{ ok: boolean }> {
    return this.request('PUT', '');
  }

  /** Changes after `since`, every leaf revision of each document (`style=all_docs`). */
  changes(
    since: string,
    limit: number,
    longpoll?: { timeoutMs: number; signal?: AbortSignal },
  ): Promise<{ results: ChangeRow[]; last_seq: string | number }> {
    const query = new URLSearchParams({ style: 'all_docs', since, limit: String(limit) });
    if (longpoll) {
      query.set('feed', 'longpoll');
      query.set('timeout', String(longpoll.timeoutMs));
    }
    return this.request('GET', `/_changes?${query}`, undefined, {
      timeoutMs: longpoll ? longpoll.timeoutMs + REQUEST_TIMEOUT_MS : undefined,
      signal: longpoll?.signal,
    });
  }

  /** Which of these revisions the server lacks. */
  revsDiff(revs: Record<string, string[]>): Promise<Record<string, { missing: string[] }>> {
    return this.request('POST', '/_revs_diff', revs);
  }

  /** Documents with their revision history, as the replicator writes them (`new_edits: false`). */
  async bulkDocsReplicated(docs: RemoteDoc[]): Promise<void> {
    const results = await this.request<Array<{ id: string; error?: string; reason?: string }>>(
      'POST',
      '/_bulk_docs',
      { docs, new_edits: false },
    );
    const failed = (Array.isArray(results) ? results : []).filter((r) => r.error);
    if (failed.length > 0) {
      const first = failed[0]!;
      const kind =
        first.error === 'forbidden' ? 'forbidden' : first.error === 'unauthorized' ? 'unauthorized' : 'http';
      throw new CouchError(
        kind,
        `the server refused ${failed.length} document(s), first ${first.id}: ${first.error} ${first.reason ?? ''}`.trim(),
      );
    }
  }

  /** These revisions with their `_revisions`; one result per request, in order. */
  async bulkGet(requests: Array<{ id: string; rev: string }>): Promise<BulkGetResult[]> {
    if (requests.length === 0) return [];
    const answer = await this.request<{ results: Array<{ id: string; docs: BulkGetResult[] }> }>(
      'POST',
      '/_bulk_get?revs=true&latest=false',
      { docs: requests },
    );
    return answer.results.map(
      (row, i) =>
        row.docs[0] ?? {
          error: { id: row.id, rev: requests[i]!.rev, error: 'not_found', reason: 'empty answer' },
        },
    );
  }

  async getLocal<T extends object>(id: string): Promise<(T & { _rev?: string }) | null> {
    try {
      return await this.request('GET', `/_local/${encodeURIComponent(id)}`);
    } catch (error) {
      if (error instanceof CouchError && error.kind === 'not-found') return null;
      throw error;
    }
  }

  putLocal(id: string, doc: object): Promise<{ ok: boolean; rev: string }> {
    return this.request('PUT', `/_local/${encodeURIComponent(id)}`, doc);
  }
}
