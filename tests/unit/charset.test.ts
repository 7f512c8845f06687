import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { declaredCharset, decodeHtml } from '@/cli/charset';

const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));
const bytes = (...parts: Array<string | number[]>) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? ascii(p) : p)));

// 中文新闻 in GBK and 中文新聞 in Big5, written out by hand
const GBK_ZHONGWEN_XINWEN = [0xd6, 0xd0, 0xce, 0xc4, 0xd0, 0xc2, 0xce, 0xc5];
const BIG5_ZHONGWEN_XINWEN = [0xa4, 0xa4, 0xa4, 0xe5, 0xb7, 0x73, 0xbb, 0x44];

describe('decodeHtml', () => {
  it('honours a UTF-8 BOM', () => {
    expect(decodeHtml(bytes([0xef, 0xbb, 0xbf], '<p>', [0xe4, 0xb8, 0xad], '</p>'))).toMatchObject({
      text: '<p>中</p>',
      by: 'bom',
    });
  });

  it('reads a declared GB2312 page as GB18030 (a superset)', () => {
    const page = bytes('<meta charset="gb2312"><p>', GBK_ZHONGWEN_XINWEN, '</p>');
    expect(decodeHtml(page)).toMatchObject({
      text: '<meta charset="gb2312"><p>中文新闻</p>',
      encoding: 'gb18030',
    });
  });

  it('reads http-equiv Big5', () => {
    const page = bytes(
      '<meta http-equiv="Content-Type" content="text/html; charset=big5"><p>',
      BIG5_ZHONGWEN_XINWEN,
      '</p>',
    );
    expect(decodeHtml(page).text).toContain('中文新聞');
  });

  it('reads a page that declares GB2312 but is UTF-8 as UTF-8', () => {
    const page = new Uint8Array([
      ...ascii('<meta charset="gb2312"><p>'),
      ...new TextEncoder().encode('中文新闻'),
      ...ascii('</p>'),
    ]);
    expect(decodeHtml(page)).toMatchObject({ text: '<meta charset="gb2312"><p>中文新闻</p>', by: 'content' });
  });

  it('guesses between GB18030 and Big5 when nothing is declared', () => {
    const gbText = bytes(
      '<p>',
      [0xce, 0xd2, 0xc3, 0xc7, 0xb5, 0xc4, 0xd6, 0xd0, 0xb9, 0xfa, 0xc8, 0xcb],
      '</p>',
    ); // 我们的中国人
    expect(decodeHtml(gbText)).toMatchObject({ text: '<p>我们的中国人</p>', by: 'guess' });
    const big5Text = bytes(
      '<p>',
      [0xa7, 0xda, 0xad, 0xcc, 0xaa, 0xba, 0xa4, 0xa4, 0xb0, 0xea, 0xa4, 0x48],
      '</p>',
    ); // 我們的中國人
    expect(decodeHtml(big5Text)).toMatchObject({ text: '<p>我們的中國人</p>', encoding: 'big5' });
  });

  it('finds the declared charset', () => {
    expect(declaredCharset(bytes('<html><head><meta charset=GBK>'))).toBe('gbk');
    expect(declaredCharset(bytes('<html>'))).toBeNull();
  });
});

const CORPUS = path.resolve('../shared/corpus');
const originals = fs.existsSync(CORPUS)
  ? fs
      .readdirSync(CORPUS)
      .flatMap((c) =>
        fs.statSync(path.join(CORPUS, c)).isDirectory()
          ? fs.readdirSync(path.join(CORPUS, c)).map((p) => path.join(CORPUS, c, p))
          : [],
      )
      .filter((dir) => fs.existsSync(path.join(dir, 'page.orig.html')))
  : [];

describe.skipIf(originals.length === 0)('corpus pages in their original bytes', () => {
  it.each(originals.slice(0, 40))('%s decodes to the re-encoded page text', (dir) => {
    const decoded = decodeHtml(new Uint8Array(fs.readFileSync(path.join(dir, 'page.orig.html'))));
    const reference = fs.readFileSync(path.join(dir, 'page.html'), 'utf8');
    // the re-encoded copy may use numeric entities: compare the CJK/kana text the pages show
    const shown = (s: string) =>
      s
        .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
        .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
        .replace(/[^\u3040-\u30ff\u3400-\u9fff]/g, '')
        .slice(0, 5_000);
    const expected = shown(reference);
    expect(expected.length).toBeGreaterThan(0);
    expect(shown(decoded.text) === expected).toBe(true);
  });
});
if (originals.length === 0)
  console.log('charset: ../shared/corpus has no page.orig.html here; corpus cases skipped');
