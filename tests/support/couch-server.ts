/**
 * A CouchDB-protocol server for tests and benches, started on 127.0.0.1: `pouchdb-server --in-memory`
 * from npm, or Apache CouchDB when JIANBAO_COUCHDB_URL names one (e.g. http://admin:pw@127.0.0.1:5984).
 * Clients talk to it through a TCP relay on its own port that can be cut and restored, so that
 * "the server went away mid-sync" is real (refused connections, dropped sockets) while the data stays.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface CouchServer {
  /** the relay's address: what clients use */
  url: string;
  /** the server's own address, bypassing the relay (for writing hostile documents, checking state) */
  directUrl: string;
  username: string;
  password: string;
  /** headers for direct requests (Basic auth when the server has credentials) */
  headers: Record<string, string>;
  /** refuse new connections and drop open ones, as a server that went down */
  cut(): void;
  /** cut once the `count`-th request matching `pattern` ("METHOD /path?query") has been answered */
  cutAfter(pattern: RegExp, count: number): void;
  /** every request that went through the relay */
  requests: RelayedRequest[];
  restore(): Promise<void>;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function waitUntilUp(
  url: string,
  headers: Record<string, string>,
  child?: ChildProcess,
): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      const response = await fetch(url, { headers });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    if (child?.exitCode !== null && child?.exitCode !== undefined)
      throw new Error(`pouchdb-server exited with ${child.exitCode}`);
    if (Date.now() > deadline) throw new Error(`no CouchDB-protocol server at ${url} after 60 s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export interface RelayedRequest {
  method: string;
  path: string;
  body: string;
}

/**
 * An HTTP relay on 127.0.0.1:<port> in front of the server: logs what clients ask, and `cut` closes
 * the listener and every connection, as a server that went down (the data stays on the server).
 */
async function startRelay(targetPort: number) {
  const sockets = new Set<net.Socket>();
  const port = await freePort();
  const requests: RelayedRequest[] = [];
  let cutRule: { pattern: RegExp; remaining: number } | null = null;
  let server: http.Server | null = null;
  const cut = () => {
    server?.close();
    server = null;
    for (const socket of sockets) socket.destroy();
  };
  const listen = async () => {
    server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const body = Buffer.concat(chunks);
        const entry = { method: req.method ?? 'GET', path: req.url ?? '/', body: body.toString('utf8') };
        requests.push(entry);
        const upstream = http.request(
          { host: '127.0.0.1', port: targetPort, method: req.method, path: req.url, headers: req.headers },
          (answer) => {
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.pipe(res);
            answer.on('end', () => {
              if (
                cutRule &&
                cutRule.pattern.test(`${entry.method} ${entry.path}`) &&
                --cutRule.remaining === 0
              ) {
                cutRule = null;
                // after this answer has left
                setTimeout(cut, 0);
              }
            });
          },
        );
        upstream.on('error', () => res.destroy());
        upstream.end(body);
      });
    });
    server.keepAliveTimeout = 1_000;
    server.on('connection', (socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    await new Promise<void>((resolve) => server!.listen(port, '127.0.0.1', resolve));
  };
  await listen();
  return {
    port,
    requests,
    cut,
    /** cut once the `count`-th request matching `pattern` ("METHOD /path") has been answered */
    cutAfter(pattern: RegExp, count: number) {
      cutRule = { pattern, remaining: count };
    },
    restore: listen,
  };
}

export async function startCouchServer(): Promise<CouchServer> {
  const external = process.env.JIANBAO_COUCHDB_URL;
  let child: ChildProcess | undefined;
  let directUrl: string;
  let username = '';
  let password = '';
  let workDir: string | undefined;
  if (external) {
    const parsed = new URL(external);
    username = decodeURIComponent(parsed.username);
    password = decodeURIComponent(parsed.password);
    parsed.username = '';
    parsed.password = '';
    directUrl = parsed.origin;
  } else {
    const port = await freePort();
    // it writes config.json and log.txt into its working directory
    workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jianbao-couch-'));
    const bin = path.resolve('node_modules/.bin/pouchdb-server');
    child = spawn(bin, ['--in-memory', '--port', String(port), '--host', '127.0.0.1', '--no-stdout-logs'], {
      cwd: workDir,
      stdio: 'ignore',
    });
    directUrl = `http://127.0.0.1:${port}`;
  }
  const headers: Record<string, string> = username
    ? { authorization: `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}` }
    : {};
  await waitUntilUp(`${directUrl}/`, headers, child);
  const relay = await startRelay(Number(new URL(directUrl).port || 80));
  return {
    url: `http://127.0.0.1:${relay.port}`,
    directUrl,
    username,
    password,
    headers,
    cut: () => relay.cut(),
    cutAfter: (pattern, count) => relay.cutAfter(pattern, count),
    requests: relay.requests,
    restore: () => relay.restore(),
    async stop() {
      relay.cut();
      if (child && child.exitCode === null) {
        const exited = new Promise((resolve) => child!.once('exit', resolve));
        child.kill();
        await exited;
      }
      if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
    },
  };
}

/** A fresh database name (Apache CouchDB is shared between tests; names must start with a letter). */
export function uniqueDatabase(prefix = 'jianbao'): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

/** A request straight to the server (not through the relay); throws on HTTP errors. */
export async function couchRequest<T = unknown>(
  server: CouchServer,
  method: string,
  pathname: string,
  body?: unknown,
): Promise<T> {
  const response = await fetch(`${server.directUrl}${pathname}`, {
    method,
    headers: { ...server.headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${pathname}: ${response.status} ${text.slice(0, 200)}`);
  return JSON.parse(text) as T;
}
