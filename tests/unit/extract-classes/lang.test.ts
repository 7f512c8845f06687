/** Failure class 6: the article's language from its text when the page's `lang` is missing or wrong. */
import { describe, expect, it } from 'vitest';
import { articleLanguage, detectScript } from '@/utils/extract/lang';
import { extract, PARAGRAPHS, TRADITIONAL_PARAGRAPHS } from './page';

const SIMPLIFIED_TEXT = PARAGRAPHS.join('');
const TRADITIONAL_TEXT = TRADITIONAL_PARAGRAPHS.join('');
const JAPANESE_TEXT =
  '東京都は本日、新しい防災計画を発表しました。地震や台風に備えて、各地域の避難所を増やすことが決まりました。';
const ENGLISH_TEXT = 'The snow season opened on Sunday with forty slopes and night skiing for the visitors.';

describe('article language', () => {
  it.each([
    [SIMPLIFIED_TEXT, 'zh-Hans'],
    [TRADITIONAL_TEXT, 'zh-Hant'],
    [JAPANESE_TEXT, 'ja'],
    [ENGLISH_TEXT, 'latin'],
  ])('detects the script of %#', (text, script) => {
    expect(detectScript(text)).toBe(script);
  });

  it.each([
    ['en', SIMPLIFIED_TEXT, 'zh-Hans'],
    ['中文', SIMPLIFIED_TEXT, 'zh-Hans'],
    [null, TRADITIONAL_TEXT, 'zh-Hant'],
    ['zh-CN', TRADITIONAL_TEXT, 'zh-Hant'],
    ['zh-TW', TRADITIONAL_TEXT, 'zh-TW'],
    ['zh-CN', SIMPLIFIED_TEXT, 'zh-CN'],
    ['zh', SIMPLIFIED_TEXT, 'zh-Hans'],
    ['zh-CN', JAPANESE_TEXT, 'ja'],
    ['en-GB', ENGLISH_TEXT, 'en-GB'],
    ['zh-CN', ENGLISH_TEXT, 'en'],
    // in BCP 47's conventional case, whatever the page's
    ['zh-hk', TRADITIONAL_TEXT, 'zh-HK'],
    ['ZH_hant_tw', TRADITIONAL_TEXT, 'zh-Hant-TW'],
    ['EN-us', ENGLISH_TEXT, 'en-US'],
  ])('declared %s over the text → %s', (declared, text, expected) => {
    expect(articleLanguage(declared, text)).toBe(expected);
  });

  it('a Chinese page declaring lang="en" is stored as Chinese', () => {
    expect(extract({ htmlLang: 'en' }).lang).toBe('zh-Hans');
    expect(extract({ htmlLang: null }).lang).toBe('zh-Hans');
  });
});

describe('a tech blog: Chinese prose around long code blocks', () => {
  const code = Array.from(
    { length: 40 },
    (_, i) =>
      `docker run --name container${i} -v /data/volume${i}:/var/lib/mysql -e MYSQL_ROOT_PASSWORD=secret -d mysql:8.0`,
  ).join('\n');

  it("is Chinese, and its bare date is China time, whatever share the code's letters have", () => {
    const a = extract(
      {
        htmlLang: null,
        title: '对于Docker和Podman的一点使用经验',
        docTitle: '对于Docker和Podman的一点使用经验 - 好看的hk - 博客园',
        byline: '<div class="postDesc">posted @ 2024-05-09 14:45 好看的hk 阅读(430)</div>',
        paragraphs: [PARAGRAPHS[0]!, `</p><pre><code>${code}</code></pre><p>${PARAGRAPHS[1]!}`],
      },
      'https://www.example-blogs.com/good-looking-hk/p/18182241',
    );
    expect(a.lang).toBe('zh-Hans');
    expect(a.publishedAt).toBe('2024-05-09T14:45:00+08:00');
  });

  it("keeps the code's comments: a highlighter's `hljs-comment` is no comment section", () => {
    const a = extract({
      paragraphs: [
        PARAGRAPHS[0]!,
        `</p><pre><code><span class="hljs-comment"># 已前置设置 alias docker=podman</span>\n${code}</code></pre><p>${PARAGRAPHS[1]!}`,
      ],
    });
    expect(a.textContent).toContain('# 已前置设置 alias docker=podman');
  });
});

describe('a few kana on a Chinese page', () => {
  it('a kaomoji or a quoted Japanese name leaves the page Chinese: Chinese cleaning, China time', () => {
    const a = extract({
      htmlLang: null,
      byline: '<div class="info">2024-12-01 08:23 来源：吉林日报</div>',
      paragraphs: [...PARAGRAPHS, '评论区：太好了(｡･ω･｡)ノ 下次还去，顺便看看「ドラえもん」展'],
    });
    expect(a.publishedAt).toBe('2024-12-01T08:23:00+08:00');
    expect(a.source).toBe('吉林日报');
    expect(a.lang).toBe('zh-Hans');
  });
});

describe('the language family of a page on a Chinese domain', () => {
  const english = (url: string) =>
    extract(
      {
        htmlLang: 'en',
        title: 'Snow season opens in the Changbai Mountains',
        byline: '<div class="origin">(Example Daily Online) 14:31, December 1, 2024</div>',
        paragraphs: [
          'The snow season opened on Sunday with forty slopes, night skiing and hot springs for the visitors who came from all over the country.',
          'Officials expect thirty percent more visitors than last year, and have added medical stations and safety patrols across the resort area.',
        ],
        after: '<div class="footer">京ICP证000000号</div>',
      },
      url,
    );

  it("is English when its text is, on a .cn host: English bylines and datelines, China's time", () => {
    const a = english('http://en.example-daily.cn/n3/2024/1201/c90000-1234.html');
    expect(a.lang).toBe('en');
    // read as an English line, whose month is no outlet
    expect(a.source ?? '').not.toMatch(/December/);
    expect(a.publishedAt).toBe('2024-12-01T14:31:00+08:00');
    // the outlet's dateline line is no body text
    expect(a.textContent.startsWith('The snow season')).toBe(true);
  });
});
