import type { CmsRule } from '../../types';

/**
 * Discuz! forum threads, X2–X3.5 and the 6.x–7.2 templates most Chinese forums of 2006–2012 ran.
 * X: the title is `#thread_subject`; each post is a table in `#postlist` with the author link
 * (`.authi a.xw1`), the `发表于 2021-3-1 10:00` line (`em[id^="authorposton"]`, recent posts hold the
 * exact time in a `span[title]`) and the post text in `td.t_f`. 6–7.2: the title is `#threadtitle h1`,
 * the author link `td.postauthor .postinfo a`, the post text `.t_msgfont`, the breadcrumb `#nav`
 * (its first link is the forum's name); the poster's profile (注册时间, 最后登录) sits beside the post.
 * The article is the first post: its author and date, its text as the body.
 */
export const rule: CmsRule = {
  name: 'discuz',
  fingerprint: {
    generator: /Discuz!/i,
    element: '#postlist td.t_f, #postlist [id^="postmessage_"], #postlist .t_msgfont',
  },
  title: ['#thread_subject', 'h1 .ts', '#threadtitle h1'],
  published: [['em[id^="authorposton"] span[title]', 'title'], 'em[id^="authorposton"]'],
  authors: ['#postlist .authi a.xw1', '.pls .authi a.xw1', '#postlist td.postauthor .postinfo a'],
  // the breadcrumb starts with the forum's name (a.nvhm; 7.2: the first link of #nav): the thread's
  // source, not a section
  source: ['#pt .z a.nvhm', '#nav > a:first-child'],
  section: { from: ['#pt .z', '#nav'], drop: ['a.nvhm', ':scope > a:first-child'] },
  body: ['#postlist td.t_f', 'td.t_f', '#postlist .t_msgfont', '.t_msgfont'],
  remove: ['.pstatus', '.tip', '.attach_nopermission', '.jammer', '.t_attach', '.postratings'],
  articleId: [/\/thread-(\d+)-\d+-\d+\.html$/i, /[?&]tid=(\d+)/],
};
