import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { sanitizeHtml } from '@/utils/model/sanitize';

const { window } = new JSDOM('<!doctype html><html><body></body></html>');
const clean = (html: string) => sanitizeHtml(html, window as unknown as Parameters<typeof sanitizeHtml>[1]);

describe('sanitizeHtml', () => {
  it.each([
    ['<p>正文<script>alert(1)</script></p>', '<p>正文</p>'],
    [
      '<img src="https://img.example.cn/a.jpg" onerror="alert(1)">',
      '<img src="https://img.example.cn/a.jpg">',
    ],
    ['<svg onload="alert(1)"><circle r="1"/></svg><p>图</p>', '<p>图</p>'],
    ['<a href="javascript:alert(1)">链接</a>', '<a>链接</a>'],
    ['<iframe srcdoc="<script>alert(1)</script>"></iframe><p>x</p>', '<p>x</p>'],
    ['<meta http-equiv="refresh" content="0;url=https://evil.example"><p>x</p>', '<p>x</p>'],
    ['<base href="https://evil.example/"><p>x</p>', '<p>x</p>'],
    ['<p style="background:url(https://evil.example/beacon)">x</p>', '<p>x</p>'],
    // a <body> in the HTML is the fragment's own: neither it nor its handlers come out
    ['<body onload="alert(1)"><p>x</p></body>', '<p>x</p>'],
    ['<div><body onload="alert(1)"><p>x</p></body></div>', '<div><p>x</p></div>'],
    ['<style>@import url(https://evil.example/a.css)</style><p>x</p>', '<p>x</p>'],
    ['<form action="https://evil.example"><input name="q"><button>提交</button></form>', '提交'],
    [
      '<object data="https://evil.example/x.swf"></object><embed src="https://evil.example/x.swf"><p>x</p>',
      '<p>x</p>',
    ],
    ['<p data-track="1" class="x" id="y">x</p>', '<p>x</p>'],
    ['<a href="data:text/html,<script>alert(1)</script>">附件</a>', '<a>附件</a>'],
    ['<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>', ''],
  ])('%s → %s', (input, expected) => {
    expect(clean(input)).toBe(expected);
  });

  it('keeps the structure of an article: headings, lists, tables, figures, links', () => {
    const html =
      '<h2>小标题</h2><ul><li>一</li></ul><table><tbody><tr><td colspan="2">表</td></tr></tbody></table>' +
      '<figure><img src="https://img.example.cn/a.jpg" alt="图"><figcaption>图注</figcaption></figure>';
    expect(clean(html)).toBe(html);
  });

  it('opens links without a window reference or referrer', () => {
    expect(clean('<a href="https://news.example.cn/">原文</a>')).toBe(
      '<a href="https://news.example.cn/" rel="noopener noreferrer" target="_blank">原文</a>',
    );
  });

  it('keeps data: images (saved pictures) but no other data: URLs', () => {
    expect(clean('<img src="data:image/png;base64,iVBORw0KGgo=">')).toBe(
      '<img src="data:image/png;base64,iVBORw0KGgo=">',
    );
  });
});
