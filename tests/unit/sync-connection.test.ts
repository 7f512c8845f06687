/**
 * "Test connection" against real HTTP servers on 127.0.0.1 that answer as CouchDB does in each
 * failure (401, 403, 404, refused creation), as something else, or not at all.
 */
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConnection } from '@/utils/sync/connection-test';
import { checkSettings, EMPTY_SYNC_SETTINGS, type SyncSettings } from '@/utils/sync/settings';

/** A CouchDB look-alike: `li:right` may use `teamdb`; `wang:right` is not a member; nobody may create. */
function couchLike(req: http.IncomingMessage, res: http.ServerResponse) {
  const auth = Buffer.from((req.headers.authorization ?? '').replace(/^Basic /, ''), 'base64').toString();
  const json = (status: number, body: object) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  if (req.url === '/') return json(200, { couchdb: 'Welcome', version: '3.4.2' });
  if (auth !== 'li:right' && auth !== 'wang:right')
    return json(401, { error: 'unauthorized', reason: 'Name or password is incorrect.' });
  if (req.method === 'PUT') return json(403, { error: 'forbidden', reason: 'server admin only' });
  if (req.url === '/teamdb') {
    return auth === 'li:right'
      ? json(200, { db_name: 'teamdb', doc_count: 42, update_seq: '42-x' })
      : json(403, { error: 'forbidden', reason: 'You are not allowed to access this db.' });
  }
  return json(404, { error: 'not_found', reason: 'Database does not exist.' });
}

let couch: http.Server;
let other: http.Server;
const base = (server: http.Server) => `http://127.0.0.1:${(server.address() as { port: number }).port}`;

beforeAll(async () => {
  couch = http.createServer(couchLike);
  other = http.createServer((_req, res) => res.end('<html>a blog</html>'));
  await Promise.all(
    [couch, other].map((s) => new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve))),
  );
});
afterAll(async () => {
  await Promise.all([couch, other].map((s) => new Promise((resolve) => s.close(resolve))));
});

const granted = { hasPermission: async () => true };
const settings = (patch: Partial<SyncSettings>): SyncSettings => ({
  ...EMPTY_SYNC_SETTINGS,
  serverUrl: base(couch),
  database: 'teamdb',
  username: 'li',
  password: 'right',
  ...patch,
});

describe('Test connection names what is wrong', () => {
  it('connected: the server and the number of documents', async () => {
    expect(await testConnection(settings({}), granted)).toEqual({
      ok: true,
      server: 'CouchDB 3.4.2',
      documents: 42,
    });
  });

  it.each([
    ['a wrong password', { password: 'wrong' }, 'unauthorized'],
    ['a user who is not a member', { username: 'wang' }, 'forbidden'],
    ['a missing database', { database: 'nodb' }, 'database-missing'],
    ['plain http to another host', { serverUrl: 'http://couch.example.org' }, 'insecure'],
    ['an address with credentials in it', { serverUrl: 'https://li:right@couch.example.org' }, 'invalid-url'],
    ['not an address', { serverUrl: 'couch' }, 'invalid-url'],
    ['a bad database name', { database: 'Team DB' }, 'invalid-database'],
    ['a port nothing listens on', { serverUrl: 'http://127.0.0.1:9' }, 'unreachable'],
  ] as const)('%s', async (_what, patch, problem) => {
    expect(await testConnection(settings(patch), granted)).toMatchObject({ ok: false, problem });
  });

  it('a server that is not CouchDB', async () => {
    expect(await testConnection(settings({ serverUrl: base(other) }), granted)).toMatchObject({
      ok: false,
      problem: 'not-couchdb',
    });
  });

  it('host access not granted (the user refused the prompt)', async () => {
    expect(await testConnection(settings({}), { hasPermission: async () => false })).toMatchObject({
      ok: false,
      problem: 'no-permission',
    });
  });

  it('a missing database the user may not create', async () => {
    expect(await testConnection(settings({ database: 'nodb' }), granted, { create: true })).toMatchObject({
      ok: false,
      problem: 'create-refused',
    });
  });

  it('https is required except on this machine', () => {
    expect(checkSettings({ serverUrl: 'http://localhost:5984', database: 'a' })).toEqual({
      ok: true,
      origin: 'http://localhost:5984',
    });
    expect(checkSettings({ serverUrl: 'http://127.0.0.1:5984/', database: 'a' })).toMatchObject({ ok: true });
    expect(checkSettings({ serverUrl: 'http://192.168.1.5:5984', database: 'a' })).toEqual({
      ok: false,
      problem: 'insecure',
    });
    expect(checkSettings({ serverUrl: 'https://couch.example.org/db-proxy', database: 'a' })).toMatchObject({
      ok: true,
    });
  });
});
