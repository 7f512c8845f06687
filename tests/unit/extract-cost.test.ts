/**
 * The shortcuts taken for extraction cost give the answers of the longer way: Readability's copy of
 * the page, the CJK share and the CMS element fingerprints.
 */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { readableCopy } from '@/utils/extract/body';
import { PageFingerprint } from '@/utils/extract/rules/cms/fingerprint';
import { cjkRatio } from '@/utils/extract/text';

const URL = 'https://news.example.cn/2024/12/01/1.html';

describe("Readability's copy of the page", () => {
  const html =
    '<html lang="zh"><head><title>标题</title><style>p { color: red }</style><meta name="author" content="张三"></head>' +
    '<body><style>.x { display: none }</style><p class="x">正文<a href="/a/2.html">链接</a></p></body></html>';

  it('is the page, node for node, in an inert document at the same URL and mode, its style sheets empty', () => {
    for (const doctype of ['<!doctype html>', '']) {
      const doc = new JSDOM(doctype + html, { url: URL }).window.document;
      const copy = readableCopy(doc);
      expect(copy).not.toBe(doc);
      expect(copy.URL).toBe(URL);
      expect(copy.compatMode).toBe(doc.compatMode);
      expect(copy.defaultView).toBeNull();
      expect(copy.title).toBe('标题');
      expect(copy.querySelector('a')!.href).toBe('https://news.example.cn/a/2.html');
      expect([...copy.querySelectorAll('style')].map((s) => s.textContent)).toEqual(['', '']);
      // everything else is the same markup; the page itself is untouched
      const withoutCss = (d: Document) =>
        d.documentElement.outerHTML.replace(/<style>[^<]*<\/style>/g, '<style></style>');
      expect(copy.documentElement.outerHTML).toBe(withoutCss(doc));
      expect(doc.querySelectorAll('style')[0]!.textContent).toBe('p { color: red }');
    }
  });
});

describe('cjkRatio', () => {
  it('is the share of CJK characters among the non-space ones, by UTF-16 unit', () => {
    expect(cjkRatio('')).toBe(0);
    expect(cjkRatio(' \u3000\u200b\u200d\ufeff\u00a0\n')).toBe(0);
    expect(cjkRatio('中文 ab')).toBe(0.5);
    // zero-width and ideographic spaces are spaces; punctuation and kana are not CJK
    expect(cjkRatio('中\u200b文\u3000，あ')).toBe(0.5);
    // compatibility ideographs and extension A count; an astral character is two non-CJK units
    expect(cjkRatio('\uf900\u3400😀')).toBe(0.5);
    // the first 20,000 characters only
    expect(cjkRatio('a'.repeat(20_000) + '中'.repeat(100))).toBe(0);
  });
});

describe('CMS element fingerprints', () => {
  const doc = (body: string) => new JSDOM(`<body>${body}</body>`).window.document;
  const known = ['.cost-test-editor', '#cost-test-other'];

  it('match as their own query does, whether or not any known fingerprint is on the page', () => {
    const pages = [
      doc('<div class="cost-test-editor">x</div>'),
      doc('<div id="cost-test-other">x</div>'),
      doc('<div class="other">x</div>'),
    ];
    for (const page of pages) {
      const reader = new PageFingerprint(page, known);
      for (const selectors of [...known, '.other'])
        expect(reader.hasElement(selectors), selectors).toBe(page.querySelector(selectors) !== null);
    }
  });

  it('a known selector the engine cannot parse does not hide the others', () => {
    const page = doc('<div class="cost-test-editor">x</div>');
    const reader = new PageFingerprint(page, ['div:unknown-pseudo', '.cost-test-editor']);
    expect(reader.hasElement('.cost-test-editor')).toBe(true);
  });
});
