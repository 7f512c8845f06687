import type { CmsRule } from '../../types';
import { generator, hasElement } from '../fingerprint';

/**
 * Discuz! (X2–X3.5), forum threads. The thread title is `#thread_subject`; each post is a table in
 * `#postlist` with the author link (`.authi a.xw1`), the `发表于 2021-3-1 10:00` line
 * (`em[id^="authorposton"]`, recent posts hold the exact time in a `span[title]`) and the post text in
 * `td.t_f`. The article is the first post: its author and date, its text as the body.
 */
export const rule: CmsRule = {
  name: 'discuz',
  detect: (doc) =>
    /Discuz!/i.test(generator(doc)) || hasElement(doc, '#postlist td.t_f, #postlist [id^="postmessage_"]'),
  title: ['#thread_subject', 'h1 .ts'],
  published: [['em[id^="authorposton"] span[title]', 'title'], 'em[id^="authorposton"]'],
  authors: ['#postlist .authi a.xw1', '.pls .authi a.xw1'],
  // the breadcrumb starts with the forum's name (a.nvhm): the thread's source, not a section
  source: ['#pt .z a.nvhm'],
  section: { from: ['#pt .z'], drop: ['a.nvhm'] },
  body: ['#postlist td.t_f', 'td.t_f'],
  remove: ['.pstatus', '.tip', '.attach_nopermission', '.jammer'],
  articleId: [/\/thread-(\d+)-\d+-\d+\.html$/i, /[?&]tid=(\d+)/],
};
