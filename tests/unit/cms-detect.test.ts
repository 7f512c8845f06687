/**
 * CMS-family rules: every detector over every CMS fixture (each fixture is recognised by its own rule
 * and by no other), site-rule fixtures never taken for a CMS, and per rule the fields its template puts
 * in known places. The fixtures are pages written from each system's template (see TEMPLATE.md in
 * each rule folder).
 */
import fs from 'node:fs';
import path from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { explainArticle, type ExplainedArticle } from '@/utils/extract';
import { CMS_RULES, cmsRuleFor, ruleFor } from '@/utils/extract/rules';

const RULES = path.resolve('utils/extract/rules');

/** The URL each fixture is served under (the shape of that system's article URLs). */
const CMS_URLS: Record<string, string> = {
  trs: 'http://www.example.gov.cn/zwgk/gzdt/202103/t20210318_1234567.html',
  hanweb: 'http://www.example.gov.cn/art/2021/4/6/art_1234_5678901.html',
  vsb: 'https://news.example.edu.cn/info/1002/8888.htm',
  empirecms: 'http://www.example-auto.cn/news/5678.html',
  dedecms: 'http://www.example-life.cn/bdxw/4321.html',
  phpcms: 'http://www.example-cj.cn/index.php?m=content&c=index&a=show&catid=6&id=99',
  powereasy: 'http://www.example-edu.cn/Item/2345.aspx',
  wordpress: 'https://blog.example.cn/2023/09/12/tomato/',
  discuz: 'https://bbs.example.cn/thread-98765-1-1.html',
  mediawiki: 'https://zh.wikipedia.org/wiki/%E9%95%BF%E7%99%BD%E5%B1%B1',
};

const SITE_URLS: Record<string, string> = {
  wechat: 'https://mp.weixin.qq.com/s/AbCdEfGhIjKlMnOpQrStUv',
  sina: 'https://news.sina.com.cn/c/2019-08-26/doc-iihnzhfz1234567.shtml',
  '163': 'https://www.163.com/dy/article/J0ABCDEF05198CJN.html',
  cnjiwang: 'http://news.cnjiwang.com/jlgakx/ztxc/201903/2840720.html',
};

function load(kind: 'cms' | 'sites', name: string, url: string) {
  const html = fs.readFileSync(path.join(RULES, kind, name, 'fixture.html'), 'utf8');
  return new JSDOM(html, { url }).window.document;
}

function extract(kind: 'cms' | 'sites', name: string, url: string): ExplainedArticle {
  return explainArticle(load(kind, name, url), url, { now: new Date('2026-01-01T00:00:00Z') });
}

describe('CMS fingerprints', () => {
  it('every CMS rule folder is registered and listed here', () => {
    const folders = fs
      .readdirSync(path.join(RULES, 'cms'), { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort();
    expect(CMS_RULES.map((r) => r.name).sort()).toEqual(folders);
    expect(Object.keys(CMS_URLS).sort()).toEqual(folders);
    for (const folder of folders) {
      const files = fs.readdirSync(path.join(RULES, 'cms', folder));
      expect(files).toEqual(expect.arrayContaining(['rule.ts', 'fixture.html', 'TEMPLATE.md']));
    }
  });

  for (const [name, url] of Object.entries(CMS_URLS)) {
    it(`${name}: its fixture is detected by its own rule and by no other`, () => {
      const doc = load('cms', name, url);
      const matching = CMS_RULES.filter((rule) => cmsRuleFor(doc, url, [rule])).map((r) => r.name);
      expect(matching).toEqual([name]);
    });
  }

  for (const [name, url] of Object.entries(SITE_URLS)) {
    it(`${name}: a site-rule page is taken by its site rule, not by a CMS rule`, () => {
      const doc = load('sites', name, url);
      const { article } = explainArticle(doc, url);
      expect(article.extractor).toBe(`rule:${name}`);
      // cnjiwang runs on TRS: its fixture may carry TRS fingerprints, but the site rule decides
      if (name !== 'cnjiwang') expect(cmsRuleFor(doc, url)).toBeNull();
    });
  }

  it('a page with none of the fingerprints gets no CMS rule', () => {
    const doc = new JSDOM(
      '<html><head><script src="/static/app.js"></script></head><body><div id="content"><p>正文</p></div></body></html>',
      { url: 'https://example.cn/a/1.html' },
    ).window.document;
    expect(cmsRuleFor(doc, 'https://example.cn/a/1.html')).toBeNull();
  });

  it('a fingerprint that throws counts as no match, and the next rule is still tried', () => {
    const doc = new JSDOM('<p class="x">x</p>', { url: 'https://example.cn/' }).window.document;
    const broken = {
      name: 'broken',
      fingerprint: {
        test: () => {
          throw new Error('bad fingerprint');
        },
      },
    };
    const working = { name: 'working', fingerprint: { element: 'p.x' } };
    expect(cmsRuleFor(doc, 'https://example.cn/', [broken])).toBeNull();
    expect(cmsRuleFor(doc, 'https://example.cn/', [broken, working])).toBe(working);
  });
});

const CORPUS = path.resolve('../shared/corpus');
const hasCorpus = fs.existsSync(CORPUS);

/** corpus.<variant>.json in each rule folder: a real page of that family in ../shared/corpus. */
const corpusRefs = (['cms', 'sites'] as const).flatMap((kind) =>
  fs
    .readdirSync(path.join(RULES, kind), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .flatMap((e) =>
      fs
        .readdirSync(path.join(RULES, kind, e.name))
        .filter((f) => /^corpus\.[\w-]+\.json$/.test(f))
        .map((file) => ({ kind, name: e.name, file })),
    ),
);

describe('corpus pages of each family are recognised', () => {
  if (!hasCorpus) console.log('cms-detect: ../shared/corpus is absent; corpus references skipped');
  for (const { kind, name, file } of corpusRefs) {
    it.skipIf(!hasCorpus)(
      `${kind}/${name}/${file}`,
      () => {
        const ref = JSON.parse(fs.readFileSync(path.join(RULES, kind, name, file), 'utf8')) as {
          page: string;
          url: string;
        };
        const html = fs.readFileSync(path.join(CORPUS, ref.page, 'page.html'), 'utf8');
        const doc = new JSDOM(html, { url: ref.url, virtualConsole: new VirtualConsole() }).window.document;
        if (kind === 'sites') expect(ruleFor(ref.url)?.name).toBe(name);
        else {
          expect(ruleFor(ref.url)).toBeNull();
          expect(cmsRuleFor(doc, ref.url)?.name).toBe(name);
        }
      },
      60_000,
    );
  }
});

/** What each rule is meant to get right on its template, field by field. */
interface Expected {
  title: string;
  published: [iso: string, precision: string];
  source?: string | null;
  authors?: string[];
  editors?: string[];
  section?: string[];
  articleId?: string | null;
  bodyStart: string;
  /** text of the template's widgets that must not be in the body */
  notInBody: string[];
  /** text the template holds that a cruder rule would cut with its widgets */
  inBody?: string[];
}

const CMS_EXPECTED: Record<string, Expected> = {
  trs: {
    title: '市生态环境局开展春季河湖巡查',
    published: ['2021-03-18T09:30:00+08:00', 'minute'],
    source: '示例市生态环境局',
    articleId: '1234567',
    bodyStart: '3月中旬，市生态环境局组织执法人员',
    notInBody: ['TRS_Editor', '打印本页', '分享到', '相关信息'],
  },
  hanweb: {
    title: '示例市开展农村人居环境整治检查',
    published: ['2021-04-06T00:00:00+08:00', 'day'],
    source: '市农业农村局',
    articleId: '5678901',
    bodyStart: '4月上旬，市农业农村局会同各县区',
    notInBody: ['打印本页', '浏览次数', '字号'],
  },
  vsb: {
    title: '学院举办青年教师教学竞赛',
    published: ['2022-11-08T16:20:00+08:00', 'minute'],
    authors: ['李明'],
    articleId: '8888',
    bodyStart: '11月8日，学院第十届青年教师教学竞赛',
    notInBody: ['上一条', '下一条', '点击'],
  },
  empirecms: {
    title: '新能源汽车下乡活动在县城启动',
    published: ['2020-07-15T10:05:32+08:00', 'second'],
    source: '示例汽车网',
    authors: ['赵强'],
    section: ['行业资讯'],
    bodyStart: '7月15日，新能源汽车下乡活动',
    notInBody: ['顶', '相关文章', '点击'],
  },
  dedecms: {
    title: '古镇老街完成修缮重新开放',
    published: ['2019-10-02T08:45:00+08:00', 'minute'],
    source: '示例日报',
    authors: ['孙丽'],
    section: ['本地新闻'],
    bodyStart: '历时一年的修缮工程完工后',
    notInBody: ['分隔线', '上一篇', '当前位置'],
  },
  phpcms: {
    title: '老旧小区加装电梯工作推进会召开',
    published: ['2023-05-09T14:12:20+08:00', 'second'],
    source: '市住建局',
    section: ['城建动态'],
    bodyStart: '5月9日，全市老旧小区加装电梯工作推进会召开',
    notInBody: ['上一篇', '评论', '点击'],
  },
  powereasy: {
    title: '县第一中学举行校园科技节',
    published: ['2018-12-03T00:00:00+08:00', 'day'],
    source: '县第一中学',
    authors: ['周晓'],
    section: ['教育新闻'],
    articleId: '2345',
    bodyStart: '12月3日，县第一中学第五届校园科技节开幕',
    notInBody: ['字体', '打印此文', '发表评论'],
  },
  wordpress: {
    title: '在阳台种番茄的一年',
    published: ['2023-09-12T20:15:00+08:00', 'second'],
    source: '小园记',
    authors: ['陈雨'],
    bodyStart: '去年春天，我在朝南的阳台上',
    notInBody: ['分享此文', '罗勒的扦插', '条评论'],
  },
  discuz: {
    title: '周末骑行东湖绿道，路线和补给点分享',
    published: ['2021-04-18T21:36:00+08:00', 'minute'],
    source: '示例论坛',
    authors: ['风里的车轮'],
    section: ['论坛', '骑行天地'],
    articleId: '98765',
    bodyStart: '上周六和车友骑了一圈东湖绿道',
    notInBody: ['a7Xq', '本帖最后由', '收藏了，下周去试试', '楼主'],
  },
  mediawiki: {
    // the heading's own edit link is no part of the title
    title: '长白山',
    // the JSON-LD's datePublished: when the page was created
    published: ['2004-03-12T16:15:00+08:00', 'second'],
    // the infobox comes first, as on the page
    bodyStart: '最高点',
    // edit links, the table of contents, navbox and the hatnote
    notInBody: ['编辑', '目录', '中国名山', '消歧义'],
    // the infobox (the article's facts) and the reference list the citation marks point to
    inBody: ['最高点', '参考文献', '科学出版社'],
  },
};

const SITE_EXPECTED: Record<string, Expected> = {
  wechat: {
    title: '社区食堂开进老小区：一份午餐背后的账本',
    // `ct` in the page's script: Unix seconds
    published: ['2023-03-17T11:00:00+08:00', 'second'],
    source: '城市观察笔记',
    authors: ['林晓'],
    articleId: 'AbCdEfGhIjKlMnOpQrStUv',
    bodyStart: '中午十一点半，老街社区的长者食堂',
    notInBody: ['阅读原文', '微信扫一扫'],
  },
  sina: {
    title: '多地出台措施支持夜间经济发展',
    published: ['2019-08-26T07:20:00+08:00', 'minute'],
    source: '中国新闻网',
    authors: [],
    editors: ['张三'],
    articleId: 'ihnzhfz1234567',
    bodyStart: '原标题：多地出台措施支持夜间经济发展',
    notInBody: ['责任编辑', '新浪新闻公众号', '夜市经济观察'],
  },
  '163': {
    title: '一季度制造业投资保持较快增长',
    published: ['2024-04-17T09:12:05+08:00', 'second'],
    source: '示例财经周刊',
    authors: ['钱程'],
    editors: ['杨倩_NF4425'],
    articleId: 'J0ABCDEF05198CJN',
    bodyStart: '一季度，制造业投资同比增长',
    notInBody: ['举报', '打开网易新闻', '四月车市展望', '责任编辑'],
  },
};

function checkFields(kind: 'cms' | 'sites', name: string, url: string, want: Expected) {
  const { article, origins } = extract(kind, name, url);
  expect(article.extractor).toBe(kind === 'cms' ? `cms:${name}` : `rule:${name}`);
  // WordPress leaves the body to Readability (themes reuse its body class for comments)
  expect(origins.body).toBe(name === 'wordpress' ? 'page' : kind === 'cms' ? 'cms-rule' : 'site-rule');
  expect(article.title).toBe(want.title);
  expect([article.publishedAt, article.publishedPrecision]).toEqual(want.published);
  if (want.source !== undefined) expect(article.source).toBe(want.source);
  if (want.authors) expect(article.authors).toEqual(want.authors);
  if (want.editors) expect(article.editors).toEqual(want.editors);
  if (want.section) expect(article.section).toEqual(want.section);
  if (want.articleId !== undefined) expect(article.articleId).toBe(want.articleId);
  expect(article.textContent.startsWith(want.bodyStart)).toBe(true);
  for (const widget of want.notInBody) expect(article.textContent).not.toContain(widget);
  for (const text of want.inBody ?? []) expect(article.textContent).toContain(text);
  return article;
}

describe('CMS rules read their templates', () => {
  for (const [name, want] of Object.entries(CMS_EXPECTED))
    it(name, () => {
      checkFields('cms', name, CMS_URLS[name]!, want);
    });
});

describe('site rules for platforms (WeChat, sina, 163)', () => {
  for (const [name, want] of Object.entries(SITE_EXPECTED))
    it(name, () => {
      checkFields('sites', name, SITE_URLS[name]!, want);
    });

  it('wechat: the body hidden until the page script runs is still the body, images from data-src', () => {
    const article = extract('sites', 'wechat', SITE_URLS.wechat!).article;
    expect(article.textContent.split('\n')).toHaveLength(3);
    expect(article.images.map((i) => i.src)).toEqual([
      'https://mmbiz.qpic.cn/mmbiz_jpg/abcdefg/640?wx_fmt=jpeg',
    ]);
  });

  it('wechat: without #js_name the account comes from `var nickname`, and publish_time alone dates it', () => {
    const url = SITE_URLS.wechat!;
    const html = fs
      .readFileSync(path.join(RULES, 'sites', 'wechat', 'fixture.html'), 'utf8')
      .replace(/<a [^>]*id="js_name"[^>]*>[^<]*<\/a>/, '')
      .replace(/var ct = "\d+";/, '')
      .replace(/var create_time = [^;]+;/, '');
    const doc = new JSDOM(html, { url }).window.document;
    const { article } = explainArticle(doc, url);
    expect(article.source).toBe('城市观察笔记');
    expect([article.publishedAt, article.publishedPrecision]).toEqual(['2023-03-17T00:00:00+08:00', 'day']);
  });
});
