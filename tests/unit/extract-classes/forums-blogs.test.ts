/**
 * Forum threads and blog posts on engines no rule knows: the first post's date and poster, never the
 * poster's profile panel (注册时间, 最后登录, 帖子, 积分) beside it; the post's chrome (楼主, 只看该作者,
 * 本帖最后由…编辑) is not its text; a blog's owner, named in the <title>, wrote the post.
 */
import { describe, expect, it } from 'vitest';
import { parseByline } from '@/utils/extract/byline';
import { extract, extractHtml } from './page';

const POST = [
  '天冷了，特别想吃酸菜白肉锅。以前常去的那家老店关门了，现在不知道哪里的最正宗，想请大家推荐一下。',
  '听朋友说重庆路附近有一家开了二十多年的老字号，汤底是用大骨头熬的，酸菜也是自家腌的，不知道有没有人去过？',
  '希望大家推荐几家，最好是价格实惠、分量足的那种，周末想带家里老人一起去吃，先谢谢各位了。',
];

/** A thread page in no known engine's markup: profile panel, floor, date line, then the post. */
function thread(profile: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>长春哪里的酸菜白肉锅最正宗？-美食天地-长春社区</title></head><body>
<div class="crumbs"><a href="/">长春社区</a> &gt; <a href="/f/2">美食天地</a></div>
<div class="thread"><h1 class="subject">长春哪里的酸菜白肉锅最正宗？</h1>
<div class="floor"><div class="side"><a class="user" href="/u/5">吃货小王</a>${profile}</div>
<div class="main"><div class="floor-head"><span class="num">楼主</span></div><div class="time">发表于 2008-12-7 21:23 | 只看该作者</div>
<div class="post-text">${POST.map((p) => `<p>${p}</p>`).join('')}<p>本帖最后由 吃货小王 于 2008-12-7 21:30 编辑</p></div></div></div>
<div class="floor"><div class="side"><a class="user" href="/u/9">老长春</a></div><div class="main"><span class="num">沙发</span>
<div class="time">发表于 2008-12-8 09:10</div><div class="post-text"><p>推荐你去南湖公园旁边那家。</p></div></div></div>
</div></body></html>`;
}

const URL = 'http://bbs.example.cn/read.php?tid=8899';

describe('forum threads: the first post, not the poster profile', () => {
  it.each([
    [
      'a list',
      '<dl class="profile"><dt>帖子</dt><dd>312</dd><dt>积分</dt><dd>820</dd><dt>注册时间</dt><dd>2006-3-12</dd></dl>',
    ],
    [
      'labelled lines',
      '<div class="info"><p>帖子：312</p><p>注册时间：2006-3-12</p><p>最后登录：2009-1-20</p></div>',
    ],
  ])('a profile panel as %s gives neither the date nor the source', (_, profile) => {
    const article = extractHtml(thread(profile), URL);
    expect(article.publishedAt).toBe('2008-12-07T21:23:00+08:00');
    expect(article.source ?? '').not.toMatch(/时间|帖子|积分|登录/);
    expect(article.textContent.split('\n')).toEqual(POST);
  });
});

describe("the first post's poster, by a handle with digits in it", () => {
  // the first floor's 楼主 credit names the poster; the reply's 作者 after the post is another's
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>长春哪里的酸菜白肉锅最正宗？_美食天地_示例论坛</title></head><body>
<div class="head"><h1>长春哪里的酸菜白肉锅最正宗？</h1>
<div class="info"><span>楼主：<a href="/u/5">吃货小王2008</a></span> <span>时间：2008-12-07 21:23:11</span> <span>点击：12345</span> <span>回复：67</span></div></div>
<div class="item host"><div class="text">${POST.join('<br><br>')}</div></div>
<div class="item"><div class="info"><span>作者：<a href="/u/9">老长春</a></span> <span>时间：2008-12-08 09:10:00</span></div>
<div class="text">推荐你去南湖公园旁边那家。</div></div></body></html>`;

  it('is the author; the reply after the post names no one', () => {
    const article = extractHtml(html, URL);
    expect(article).toMatchObject({ authors: ['吃货小王2008'], publishedAt: '2008-12-07T21:23:11+08:00' });
    expect(article.textContent.split('\n')).toEqual(POST);
  });
});

describe("the poster's name on a line of its own above the post's 发表于 line", () => {
  const page = (
    above: string,
  ) => `<!doctype html><html><head><meta charset="utf-8"><title>长春哪里的酸菜白肉锅最正宗？-美食天地-示例论坛</title></head><body>
<div class="read"><h1>长春哪里的酸菜白肉锅最正宗？</h1><div class="name"><a>${above}</a></div>
<div class="tip"><span>楼主</span> 发表于: 2008-12-07 21:23 <a>只看楼主</a></div>
<div class="content">${POST.map((p) => `<p>${p}</p>`).join('')}</div></div></body></html>`;

  it('is the author (no link to a profile names it)', () => {
    const article = extractHtml(page('吃货小王'), URL);
    expect(article).toMatchObject({ authors: ['吃货小王'], publishedAt: '2008-12-07T21:23:00+08:00' });
    expect(article.source).not.toBe('吃货小王');
  });

  it.each(['示例日报', '收藏本帖'])('%s there is no poster', (above) => {
    expect(extractHtml(page(above), URL).authors).toEqual([]);
  });

  // phpwind: the poster's column, the floor's 发表于 line, and only then the post's subject
  const subjectUnder = (card: string, dateLine = '发表于: 2008-12-07 21:23 &nbsp; 楼主') =>
    `<!doctype html><html><head><meta charset="utf-8"><title>长春哪里的酸菜白肉锅最正宗？|美食天地 - 示例论坛</title></head><body>
<div class="read_t"><table><tr><td class="left"><div class="readName"><a>吃货小王</a></div>${card}</td>
<td class="right"><div class="tipTop">${dateLine}</div><h1>长春哪里的酸菜白肉锅最正宗？</h1>
<div class="tpc_content">${POST.join('<br><br>')}</div></td></tr></table></div></body></html>`;

  it.each([
    ['alone', ''],
    ['over the profile card', '<div>级别: 新手上路</div><div>精华: 0</div><div>发帖: 312</div>'],
  ])('above the post subject printed under the date line, %s, is the author', (_, card) => {
    const article = extractHtml(subjectUnder(card), URL);
    expect(article).toMatchObject({ authors: ['吃货小王'], publishedAt: '2008-12-07T21:23:00+08:00' });
  });

  it('above a subject with no date line right over it, names no one', () => {
    const article = extractHtml(subjectUnder('', '楼主'), URL);
    expect(article.authors).toEqual([]);
  });
});

describe('blog posts', () => {
  it.each([
    ['春天的长白山_老树的博客_新浪博客', '老树'],
    ['春天的长白山 - 老树的个人空间 - 示例社区', '老树'],
    ['春天的长白山 - 老树的日志 - 网易博客', '老树'],
    ['春天的长白山 - 老树的技术博客 - 51CTO技术博客', '老树'],
    ['春天的长白山 - laoshu的BLOG - 示例博客', 'laoshu'],
    // a platform named in the blog's name, a platform named …博客 after it
    ['春天的长白山 - laoshu的ChinaUnix博客', 'laoshu'],
    ['春天的长白山 - 老树 - 示例博客', '老树'],
  ])("the blog's owner named in the <title> is the author: %s", (docTitle, author) => {
    const html = `<!doctype html><html><head><meta charset="utf-8"><title>${docTitle}</title></head><body>
<div class="blogtitle"><a href="/laoshu">博客首页</a></div>
<div class="articalTitle"><h2 class="titName">春天的长白山</h2><span class="time">(2008-05-12 14:28:00)</span></div>
<div class="articalContent">${POST.map((p) => `<div>${p}</div>`).join('')}</div>
<div class="articalInfo"><a href="#">阅读</a>(123) ┊ <a href="#">评论</a>(5) ┊ <a href="#">转载</a>(1)</div></body></html>`;
    const url = 'http://blog.example.cn/s/blog_4a1b2c3d0100abcd.html';
    const article = extractHtml(html, url);
    expect(article.authors).toEqual([author]);
    expect(article.publishedAt).toBe('2008-05-12T14:28:00+08:00');
  });

  it.each([
    ['Posted on 2019-03-05 by 张三', ['张三']],
    ['Posted on March 5, 2019 by Jane Doe', ['Jane Doe']],
    // the CMS's own user names no one
    ['Posted on 2019-03-05 by admin', []],
  ])("a WordPress theme's `%s` names the post's author", (line, authors) => {
    expect(parseByline(line).authors).toEqual(authors);
  });
});

describe('a post whose author stands right before its date lead', () => {
  it.each([
    ['<div class="info">老树 发表于 2008-12-7 21:23</div>'],
    // the poster's name on a line of its own above the post's date
    ['<div class="tpc_author"><a>老树</a></div><div class="tipTop">发表于: 2008-12-07 21:23 | 楼主</div>'],
    [
      '<div class="tipTop"><span>楼主</span> <a class="readName">老树</a> 发表于: 2008-12-07 21:23 只看楼主</div>',
    ],
    // a platform's user handle, touching its 发布于
    [
      '<div class="meta"><a href="/u/laoshu"><strong>laoshu</strong></a><span>发布于 2008-12-07 21:23</span></div>',
    ],
  ])('%s: the poster is the author, not the outlet', (byline) => {
    const html = `<!doctype html><html><head><meta charset="utf-8"><title>酸菜白肉锅哪家强</title></head><body>
<div class="post"><h1>酸菜白肉锅哪家强</h1>${byline}
<div class="content">${POST.map((p) => `<p>${p}</p>`).join('')}</div></div></body></html>`;
    const url = 'http://bbs.example.cn/read.php?tid=12345';
    const article = extractHtml(html, url);
    expect(article.authors).toEqual([/laoshu/.test(byline) ? 'laoshu' : '老树']);
    expect(article.source ?? '').not.toMatch(/老树|laoshu/);
    expect(article.publishedAt).toBe('2008-12-07T21:23:00+08:00');
  });
});

describe("a blog post's date in the line after it", () => {
  it.each([
    '<div class="item-info">分类: 生活随笔 | 2008-12-07 21:23 | 阅读(120) | 评论(3)</div>',
    '<p class="postmetadata">posted @ 2008-12-07 21:23 老树 阅读(120) 评论(3)</p>',
  ])('%s', (after) => {
    const article = extract(
      { title: '酸菜白肉锅哪家强', docTitle: '酸菜白肉锅哪家强 - 老树的日志', paragraphs: POST, after },
      'http://blog.example.cn/laoshu/entry/12345',
    );
    expect(article.publishedAt).toBe('2008-12-07T21:23:00+08:00');
  });
});

describe("a blog footer that the post's container holds, as its last line", () => {
  it.each([
    'posted @ 2008-12-07 21:23 老树 阅读(120) 评论(3) 编辑 收藏',
    'posted by 老树 at 2008-12-07 21:23',
    'Posted by 老树 at 2008-12-07 21:23 | 3 comments',
  ])('%s: gives the date and the writer, and leaves the text', (footer) => {
    const article = extract(
      { title: '酸菜白肉锅哪家强', docTitle: '酸菜白肉锅哪家强', paragraphs: [...POST, footer] },
      'http://blog.example.cn/entry/12345',
    );
    expect(article.publishedAt).toBe('2008-12-07T21:23:00+08:00');
    expect(article.authors).toEqual(['老树']);
    expect(article.textContent.split('\n')).toEqual(POST);
  });
});

describe("a blog's name beside the post's date names its owner", () => {
  it.each([
    '<div class="info">老树的博客 2008-12-07 21:23:45 阅读：123</div>',
    '<div class="info">老树 的博客 | 2008-12-07 21:23:45</div>',
    '<div class="info"><span>2008-12-07 21:23:45</span> <span>老树的个人空间</span></div>',
  ])('%s: the owner is the author, the blog no outlet', (byline) => {
    const article = extract({ title: '酸菜白肉锅哪家强', paragraphs: POST, byline });
    expect(article.authors).toEqual(['老树']);
    expect(article.source).toBeNull();
  });
});

describe("a blog footer's poster after `posted on` or `posted @`", () => {
  it.each([
    ['posted on 2008-12-07 21:23 老树 阅读(120) 评论(3) 编辑 收藏 举报', ['老树']],
    // a Latin name of two words, before the footer's English counters
    ['posted @ 2008-12-07 21:23 Demi Xia Views(120) Comments(3) Edit', ['Demi Xia']],
    ['Posted on 2008-12-07 21:23 by Jane Doe', ['Jane Doe']],
  ])('%s', (footer, authors) => {
    expect(parseByline(footer).authors).toEqual(authors);
  });
});

describe("a community post's writer beside its date", () => {
  /** A post whose JSON-LD of `type` declares `author`, shown beside the date under the title. */
  const post = (type: string, author: string) => {
    const ld = JSON.stringify({
      '@context': 'http://schema.org/',
      '@type': type,
      datePublished: '2017-09-30T21:38:07',
      author: { '@type': 'Person', name: author },
    });
    return extract(
      {
        title: '月亮的100个故事',
        head: `<script type="application/ld+json">${ld}</script>`,
        byline: `<div class="note-header"><a class="note-author" href="/people/1">${author}</a> <span class="pub-date">2017-09-30 21:38:07</span></div>`,
        paragraphs: POST,
      },
      'https://community.example.com/note/639427226/',
    );
  };

  it.each(['SocialMediaPosting', 'DiscussionForumPosting'])(
    'named by its %s JSON-LD, is the author and not the outlet',
    (type) => {
      const article = post(type, '私~川流');
      expect(article.authors).toEqual(['私~川流']);
      expect(article.source).not.toBe('私~川流');
      expect(article.publishedAt).toBe('2017-09-30T21:38:07+08:00');
    },
  );

  it('an outlet declared as the author of what it posted (a 头条号 新华社) stays the source', () => {
    const article = post('SocialMediaPosting', '新华社');
    expect(article.source).toBe('新华社');
    expect(article.authors).toEqual([]);
  });
});

describe('a community post: the poster linked to their profile is the author, never the source', () => {
  const note = (poster: string, docTitle = '长白山旅游攻略分享') =>
    extract(
      {
        title: '长白山旅游攻略分享',
        docTitle,
        byline: `<div>${poster} <span class="pub-date">2019-08-15 14:30:22</span></div>`,
        paragraphs: POST,
      },
      'https://www.example.com/note/123/',
    );

  it.each([
    '<a href="https://www.example.com/people/xiaowang/">驴友小王</a>',
    '<a href="/u/abc123">驴友小王</a>',
    '<a href="space-uid-123.html">驴友小王</a>',
    '<a href="u.php?uid=123">驴友小王</a>',
    // a link the template names as the poster's, whatever its address
    '<a class="p_author_name j_user_card" href="/home/main?un=lvyou">驴友小王</a>',
    '<a class="nickname" href="/home/8812">驴友小王</a>',
  ])('%s', (poster) => {
    const a = note(poster);
    expect(a.authors).toEqual(['驴友小王']);
    expect(a.source).not.toBe('驴友小王');
  });

  it.each([
    // an ORCID icon beside the name, its words hidden
    '<a class="link-icon hw-author-orcid-logo" href="http://orcid.org/0000-0002-6034-007X"><span>View ORCID Profile</span></a>',
    '<a class="user-card-icon" href="/home/8812"><span>Verified Account</span></a>',
  ])('a link whose class only mentions an author or user names no one: %s', (icon) => {
    const a = extract({
      title: '长白山旅游攻略分享',
      byline: `<div class="meta">${icon}</div><div class="pub-date">2019-08-15 14:30:22</div>`,
      paragraphs: POST,
    });
    expect(a.authors).toEqual([]);
  });

  it('a blog platform names the blog between the post and itself in the <title>', () => {
    const a = note('<span>2019-08-15</span>', '长白山旅游攻略分享 - 驴友小王 - 博客园');
    expect(a.authors).toEqual(['驴友小王']);
    expect(a.source).toBe('博客园');
  });

  it.each([
    '长白山旅游攻略分享 - 驴友小王 - 凤凰博报',
    '长白山旅游攻略分享 - 驴友小王 - MSN Spaces',
    // the platform under its portal's name
    '长白山旅游攻略分享 - 驴友小王 - 强国博客 - 人民网',
  ])('so do platforms named otherwise than 博客, or under their portal: %s', (docTitle) => {
    expect(note('<span>2019-08-15</span>', docTitle).authors).toEqual(['驴友小王']);
  });

  it('a channel of a site, named between the story and the site, is no blog owner', () => {
    expect(note('<span>2019-08-15</span>', '长白山旅游攻略分享 - 旅游 - 示例空间 - 示例网').authors).toEqual(
      [],
    );
  });
});

describe("a post's date line and toolbar", () => {
  it.each([
    // Discuz! X: a relative date shown, the exact one in the title attribute, then the post's tools
    '<em>发表于 <span title="2015-6-12 10:21:33">前天 10:21</span></em> | <a>只看该作者</a> | <a>倒序浏览</a> | <a>阅读模式</a>',
    '<span>发表于 2015-6-12 10:21:33</span> <a>只看楼主</a> <a>电梯直达</a>',
    '<span>發表於 2015-6-12 10:21:33</span> | <a>只看該作者</a> | <a>回覆</a>',
    '<span>发表于 <time datetime="2015-06-12T10:21:33+08:00">3小时前</time></span> <a>只看楼主</a>',
  ])('%s: no tool is the source', (line) => {
    const article = extract(
      {
        title: '长春哪里的酸菜白肉锅最正宗？',
        docTitle: '长春哪里的酸菜白肉锅最正宗？ - 美食天地 - 长春论坛 - Powered by Discuz!',
        byline: `<div class="authi">${line}</div>`,
        paragraphs: POST,
      },
      'http://bbs.example.cn/thread-1111-1-1.html',
    );
    expect(article.publishedAt).toBe('2015-06-12T10:21:33+08:00');
    // the forum itself, named before the software's credit in the <title>
    expect(article.source).toBe('长春论坛');
  });
});

describe('a BBS post (水木, 未名, 饮水思源): its header and signature', () => {
  it.each(['水木社区', '北大未名站'])('posted on %s', (station) => {
    const html = `<!doctype html><html><head><meta charset="utf-8"><title>酸菜白肉锅哪家强 - 美食版</title></head><body>
<div class="a-head">酸菜白肉锅哪家强</div><div class="a-content"><p>发信人: laoshu (老树), 信区: Food<br>
标&nbsp;&nbsp;题: 酸菜白肉锅哪家强<br>发信站: ${station} (Fri Mar&nbsp;&nbsp;5 10:21:33 2010), 站内<br><br>
${POST.join('<br>')}<br>--<br>※ 来源:·${station} bbs.example.edu.cn·[FROM: 166.111.*.*]</p></div></body></html>`;
    const url = 'http://bbs.example.edu.cn/article/Food/123456';
    const article = extractHtml(html, url);
    expect(article.authors).toEqual(['laoshu']);
    expect(article.publishedAt).toBe('2010-03-05T10:21:33+08:00');
    expect(article.textContent.split('\n')).toEqual(POST);
  });
});

describe("a floor's badge run into its date lead, and older engines' date labels", () => {
  it.each([
    ['楼主发表于 2008-12-7 21:23', '2008-12-7 21:23'],
    ['3楼发表于 2008-12-7 21:23', '2008-12-7 21:23'],
    ['沙發發表於 2008-12-7 21:23', '2008-12-7 21:23'],
    ['帖子发表于 2008-12-7 21:23', '2008-12-7 21:23'],
    // 动网 (Dvbbs), and 贴 written for 帖
    ['Post By：2008-12-7 21:23:45', '2008-12-7 21:23:45'],
    ['发贴时间：2008-12-7 21:23:45', '2008-12-7 21:23:45'],
  ])('%s', (line, dateText) => {
    expect(parseByline(line).dateText).toBe(dateText);
  });

  it.each([
    ['作者：老树 发贴时间：2008-12-7 21:23', ['老树']],
    // a label no table knows ends the names: no name has a colon
    ['作者：老树 帖子编号：123', ['老树']],
    ['作者：老树 所在地区：长春', ['老树']],
    ['作者：老树 入库时间：2008-12-7 21:23', ['老树']],
  ])('the label after the poster is no name: %s', (line, authors) => {
    expect(parseByline(line).authors).toEqual(authors);
  });
});

describe('a post dated relative to when it is read (发表于 昨天 10:23)', () => {
  it.each([
    ['发表于 昨天 10:23', '昨天 10:23'],
    ['发布于 前天 10:23', '前天 10:23'],
    ['发表于 刚刚', '刚刚'],
  ])('%s: the date lead reads the relative day', (line, dateText) => {
    expect(parseByline(line).dateText).toBe(dateText);
  });

  it('is the exact date its element keeps in a title, as a saved page is read long after', () => {
    const html = `<!doctype html><html><head><meta charset="utf-8"><title>长春哪里的酸菜白肉锅最正宗？ - 美食天地 - 示例社区</title></head><body>
<h1 class="ts">长春哪里的酸菜白肉锅最正宗？</h1>
<div class="post"><div class="author"><a href="/home/5">吃货小王</a></div><div class="time">发表于 <span title="2019-03-05 10:23">昨天&nbsp;10:23</span></div>
<div class="message">${POST.join('<br><br>')}</div></div></body></html>`;
    const article = extractHtml(html, URL);
    expect(article).toMatchObject({ authors: ['吃货小王'], publishedAt: '2019-03-05T10:23:00+08:00' });
  });
});

describe("a forum post's tail under its text: client, floor and date", () => {
  // 贴吧's layout: the poster's card, the post, then its tail; each reply the same after it
  const thread = (
    tail: string,
  ) => `<!doctype html><html><head><meta charset="utf-8"><title>长春哪里的酸菜白肉锅最正宗？_长春吧_示例贴吧</title></head><body>
<h3 class="core_title_txt">长春哪里的酸菜白肉锅最正宗？</h3>
<div class="l_post"><div class="d_author"><a class="p_author_name" href="/home/main?un=chihuo">吃货小王</a></div>
<div class="d_post_content_main"><div class="d_post_content">${POST.join('<br>')}</div><div class="post-tail-wrap">${tail}</div></div></div>
<div class="l_post"><div class="d_author"><a class="p_author_name" href="/home/main?un=laochangchun">老长春</a></div>
<div class="d_post_content_main"><div class="d_post_content">推荐你去南湖公园旁边那家。</div><div class="post-tail-wrap"><span class="tail-info">2楼</span><span class="tail-info">2008-12-08 09:10</span></div></div></div>
</body></html>`;

  it.each([
    '<span class="tail-info">来自Android客户端</span><span class="tail-info">1楼</span><span class="tail-info">2008-12-07 21:23</span>',
    '<span>1楼</span> <span>2008-12-07 21:23</span> <a>回复</a>',
    '<span>楼主</span> <span>2008-12-07 21:23</span>',
  ])('dates the post, not the reply after it, and leaves its text: %s', (tail) => {
    const article = extractHtml(thread(tail), URL);
    expect(article.publishedAt).toBe('2008-12-07T21:23:00+08:00');
    expect(article.textContent.split('\n')).toEqual(POST);
  });

  it('a date alone closing a text is no tail: it stays, and dates the text where nothing else does', () => {
    const article = extract({ paragraphs: [...POST, '2008年12月7日'] });
    expect(article.textContent.split('\n').at(-1)).toBe('2008年12月7日');
  });
});

describe("a forum post's box taken whole: the poster's card and the floor's date line open it", () => {
  // an engine that sets each floor as a table row: the card in one cell, the date line and the post
  // in the other, and Readability takes the first row whole
  const thread = (
    card: string,
    dateLine: string,
  ) => `<!doctype html><html><head><meta charset="utf-8"><title>长春哪里的酸菜白肉锅最正宗？ - 示例论坛</title></head><body>
<h1>长春哪里的酸菜白肉锅最正宗？</h1>
<table><tr><td class="user">${card}</td><td><div class="tip">${dateLine}</div><div class="msg">${POST.map((p) => `<p>${p}</p>`).join('')}</div></td></tr>
<tr><td class="user"><a href="/u/9">老长春</a></td><td><div class="tip">沙发发表于 2008-12-8 09:10</div><div class="msg">推荐你去南湖公园旁边那家。</div></td></tr></table>
</body></html>`;

  it.each([
    [
      '<a href="/u/5">吃货小王</a><br>帖子：312<br>注册：2006-3-12',
      '楼主发表于 2008-12-7 21:23 | 只看该作者',
    ],
    ['<a href="/u/5">吃货小王</a><br>积分 820<br>等级：老会员', '发表于 2008-12-7 21:23'],
    ['<a href="/u/5">吃货小王</a>', '1楼 发表于: 2008-12-7 21:23'],
  ])('names the poster, dates the post and leaves the card out of its text: %s', (card, dateLine) => {
    const article = extractHtml(thread(card, dateLine), URL);
    expect(article.publishedAt).toBe('2008-12-07T21:23:00+08:00');
    expect(article.authors).toEqual(['吃货小王']);
    expect(article.textContent.split('\n')).toEqual(POST);
  });

  it('a story citing where a paper was published (发表于) opens with no post header', () => {
    const paragraphs = ['研究团队', '该研究成果发表于国际期刊《示例科学》，引起广泛关注。', ...POST];
    expect(extract({ paragraphs }).textContent.split('\n')).toEqual(paragraphs);
  });
});
