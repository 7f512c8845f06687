/**
 * The export/import path as the extension runs it, in Node: pages call the service worker through
 * the real message router (payloads JSON-serialised as Chrome does, checked by the request schemas)
 * into the real handlers, over fake-indexeddb.
 */
import { IDBFactory } from 'fake-indexeddb';
import type { WindowLike } from 'dompurify';
import { JSDOM } from 'jsdom';
import type { Clip } from '@/utils/model/article';
import { archiveIoHandlers } from '@/utils/archive-io/handlers';
import { captureHandlers } from '@/utils/archive/capture-handlers';
import { exportArchive, type ExportSource } from '@/utils/archive-io/export';
import { workerExportSource, workerImportTarget } from '@/utils/archive-io/worker-io';
import type { Ask } from '@/utils/protocol/worker-client';
import { PagePosts, postingTo, type PostedEvent } from '@/utils/archive-io/worker-post';
import type { ImportTarget } from '@/utils/archive-io/import';
import { saveArticle } from '@/utils/archive/clip-store';
import { openArchive, type JianbaoDatabase } from '@/utils/archive/db';
import { routeMessage, type Handlers } from '@/utils/archive/message-router';
import { send } from '@/utils/protocol/messages';
import { sanitizeHtml } from '@/utils/model/sanitize';
import { makeArticle } from '../article-factory';

const window = new JSDOM('').window;
export const sanitize = (html: string) => sanitizeHtml(html, window as WindowLike);

export function openTestArchive(): Promise<JianbaoDatabase> {
  return openArchive(new IDBFactory());
}

const self = { id: 'ext', origin: 'chrome-extension://ext/' };
const page = { id: 'ext', url: 'chrome-extension://ext/manage.html' };

/**
 * The worker over `db`: its handlers (those export/import does not use refusing) and the requests
 * pages post to it, from its own pages or from `pageUrl`.
 */
function workerFor(db: JianbaoDatabase, pageUrl = page.url) {
  const notHere = async () => {
    throw new Error('not used by export/import');
  };
  let listener: ((event: PostedEvent) => void) | undefined;
  const posts = new PagePosts(self, { addEventListener: (_type, listen) => (listener = listen) });
  const handlers: Handlers = {
    'clip/tab': notHere,
    'clips/list': notHere,
    'clips/get': notHere,
    'archive/search': notHere,
    'archive/search-ids': notHere,
    'archive/facets': notHere,
    'archive/neighbours': notHere,
    'clip/edit': notHere,
    'clip/delete': notHere,
    'sync/status': notHere,
    'sync/now': notHere,
    'sync/settings': notHere,
    'sync/configure': notHere,
    'sync/test': notHere,
    ...captureHandlers(async () => db),
    'clip/restore': notHere,
    'archive/clear': notHere,
    'archive/store-counts': notHere,
    ...archiveIoHandlers(async () => db, undefined, 'chrome-extension://ext'),
    'archive/posted': ({ postId }) => posts.answer(postId, handlers),
  };
  const runtime = {
    sendMessage: async (message: unknown) =>
      routeMessage(JSON.parse(JSON.stringify(message)), page, handlers, self, () => undefined),
  };
  // the ServiceWorker object as the page sees it: a post reaches the worker as a structured clone
  const serviceWorker = {
    postMessage: (message: unknown) =>
      listener!({ data: structuredClone(message), source: { url: pageUrl } }),
  } as unknown as ServiceWorker;
  return { runtime, serviceWorker };
}

/** browser.runtime as an extension page sees it, wired to the worker's handlers over `db`. */
export function runtimeFor(db: JianbaoDatabase) {
  return workerFor(db).runtime;
}

/** What a page at `pageUrl` posts to the worker over `db`, answered as `ask` answers (worker-post.ts). */
export function postingFor(db: JianbaoDatabase, pageUrl = page.url): Ask {
  const { runtime, serviceWorker } = workerFor(db, pageUrl);
  return postingTo(serviceWorker, (type, payload) => send(type, payload, runtime));
}

/** The page's import target over `db` posting its chunks and index blocks (Chromium's way). */
export function postedTargetFor(db: JianbaoDatabase): ImportTarget {
  // one worker: the import begun by a runtime message is the one the posts go to
  const { runtime, serviceWorker } = workerFor(db);
  const ask: Ask = (type, payload) => send(type, payload, runtime);
  return workerImportTarget({ send: ask, post: async () => postingTo(serviceWorker, ask) });
}

/**
 * The page's export source over `db`, pages as Blobs on a BroadcastChannel (or as text in the
 * replies); small pages, so that tests cross page boundaries.
 */
export function sourceFor(db: JianbaoDatabase, pageSize = 3, useBlobs = true): ExportSource {
  const runtime = runtimeFor(db);
  return workerExportSource({ send: (type, payload) => send(type, payload, runtime), useBlobs, pageSize });
}

export function targetFor(db: JianbaoDatabase): ImportTarget {
  const runtime = runtimeFor(db);
  // Node's fetch cannot read blob: URLs, so chunks travel as text here; e2e covers blob: URLs.
  return workerImportTarget({
    send: (type, payload) => send(type, payload, runtime),
    useBlobUrls: false,
    post: async () => null,
  });
}

export const EXPORTED_AT = new Date('2026-01-02T03:04:05.000Z');

export async function exportText(db: JianbaoDatabase, options: { ids?: string[]; now?: Date } = {}) {
  const archive = await exportArchive(sourceFor(db), { now: EXPORTED_AT, ...options });
  return archive.blob.text();
}

/**
 * A small archive as the extension makes it: Chinese text sanitized by DOMPurify, tags, notes, an
 * earlier version from re-clipping, images, several clips with the same clip time.
 */
export async function seedArchive(db: JianbaoDatabase): Promise<Clip[]> {
  const bodies = [
    '<p>\u3000\u3000长白山冰雪季在池北区正式开幕，“雪博会”同期举行。</p><p><img src="https://img.example.cn/a.jpg" alt="雪景" onerror="alert(1)"><a href="https://news.example.cn/b.html">相关报道</a></p>',
    '<h2>小标题</h2><p>吉林市雾凇😀 “冰城” & <b>粗体</b> 1 < 2</p><table><tr><td>表格</td></tr></table>',
    '<p>第三篇：全省公安机关贯彻落实全省公安局处长会议精神</p><ul><li>一</li><li>二</li></ul>',
    '<p>第四篇 English words, numbers 2024 and \\ "quotes"</p>',
  ];
  const ids: string[] = [];
  for (const [i, body] of bodies.entries()) {
    const url = `https://news.example.cn/a/202401/${1000 + i}.html`;
    const outcome = await saveArticle(
      db,
      makeArticle({
        url,
        canonicalUrl: url,
        title: `长白山新闻 第${i + 1}篇`,
        kicker: i === 0 ? '“冰雪季”系列报道之一：' : null,
        subtitle: i === 0 ? '——访白山市副市长' : null,
        contentHtml: sanitize(body),
        textContent: `正文${i}\n第二段`,
        images: i === 0 ? [{ src: 'https://img.example.cn/a.jpg', alt: '雪景', caption: null }] : [],
      }),
      // two clips share a clip time, so paging must break the tie by id
      { update: false, now: new Date(Date.UTC(2025, 0, i === 3 ? 3 : 1 + i)), newId: () => `clip-${i}` },
    );
    ids.push(outcome.status === 'saved' ? outcome.clip.id : '');
  }
  // Re-clipping keeps the old text as a version; then tags and notes as a user adds them.
  await saveArticle(
    db,
    makeArticle({
      url: 'https://news.example.cn/a/202401/1000.html',
      canonicalUrl: 'https://news.example.cn/a/202401/1000.html',
      title: '长白山新闻 第1篇（更新）',
      contentHtml: sanitize('<p>更新后的正文：游客同比增长三成。</p>'),
      textContent: '更新后的正文：游客同比增长三成。',
    }),
    { update: true, now: new Date('2025-02-01T08:00:00Z') },
  );
  for (const [i, id] of ids.entries()) {
    const clip = (await db.get('clips', id))!;
    await db.put('clips', {
      ...clip,
      tags: i % 2 === 0 ? ['旅游', '吉林'] : ['公安'],
      note: i === 1 ? '要点：\n1. 雾凇\n2. “冰城”' : null,
    });
  }
  return Promise.all(ids.map(async (id) => (await db.get('clips', id))!));
}
