/**
 * `jianbao new-rule` scaffolds a rule folder and registers it, run here into a temporary copy of
 * utils/extract/rules (the repository's own rules stay untouched).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as prettier from 'prettier';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '@/cli/main';
import { newRule } from '@/cli/new-rule';
import { RULES_ROOT } from '@/cli/rule-files';
import { cmsRuleFor, type CmsRule } from '@/utils/extract/rules';

const PAGE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>春季植树活动全面展开_社会_示例新闻网</title></head>
<body>
<div class="top-nav"><a href="/">首页</a><a href="/gn/">国内</a></div>
<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/gn/">国内</a> &gt; <a href="/gn/sh/">社会</a></div>
<div class="article">
  <h1 class="article-title">春季植树活动全面展开</h1>
  <div class="article-info"><span class="pub-time">2024-03-05 09:12</span> <span class="src">来源：新华社</span> <span class="byline">作者：李明</span></div>
  <div class="article-content">
    ${Array.from({ length: 6 }, (_, i) => `<p>第${i + 1}段：各地在春季组织群众参加义务植树，新栽树木成活率明显提高，绿化面积持续扩大。</p>`).join('\n    ')}
    <div class="share-bar">分享到：微信 微博</div>
  </div>
  <p class="zeren">责任编辑：王芳</p>
</div>
<div class="footer">版权所有 示例新闻网</div>
</body></html>`;
const URL_ = 'https://www.news-example.cn/gn/sh/202403/t20240305_123.html';

let tmp: string;
let root: string;
let page: string;
beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jianbao-new-rule-'));
  root = path.join(tmp, 'rules');
  fs.cpSync(RULES_ROOT, root, { recursive: true });
  // the repository's Prettier settings apply to the copy as they do to the original
  const config = await prettier.resolveConfig(path.join(RULES_ROOT, 'index.ts'));
  fs.writeFileSync(path.join(tmp, '.prettierrc.json'), JSON.stringify(config));
  page = path.join(tmp, 'saved-page.html');
  fs.writeFileSync(page, PAGE);
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const listOf = (source: string, list: string) =>
  new RegExp(`export const ${list}\\b[^=]*=\\s*\\[([^\\]]*)\\]`)
    .exec(source)?.[1]
    ?.split(',')
    .map((s) => s.trim());

describe('jianbao new-rule', () => {
  it('scaffolds rules/sites/<name>/ with candidate selectors, fixture, expectations and registration', async () => {
    const result = await newRule({ name: 'news-example', from: page, url: URL_, rulesRoot: root });
    const dir = path.join(root, 'sites/news-example');
    expect(result.dir).toBe(dir);
    expect(fs.readdirSync(dir).sort()).toEqual([
      'expected.body.md',
      'expected.json',
      'fixture.html',
      'rule.ts',
    ]);
    expect(result.warnings.join('\n')).toMatch(/cut it down .* or rewrite it/);

    const rule = fs.readFileSync(path.join(dir, 'rule.ts'), 'utf8');
    expect(rule).toContain(`import type { SiteRule } from '../../types';`);
    expect(rule).toContain(`name: 'news-example'`);
    expect(rule).toContain(`hosts: ['www.news-example.cn']`);
    const { rule: loaded } = (await import(path.join(dir, 'rule.ts'))) as { rule: Record<string, string[]> };
    expect(loaded.title).toContain('h1.article-title');
    expect(loaded.published).toContain('span.pub-time');
    expect(loaded.source).toContain('span.src');
    expect(loaded.authors).toContain('span.byline');
    expect(loaded.editors).toContain('p.zeren');
    expect(loaded.section).toEqual(['div.breadcrumb']);
    expect(loaded.body).toEqual(['div.article-content']);
    expect(loaded.remove).toEqual(['div.share-bar']);
    expect(
      await prettier.check(rule, {
        ...(await prettier.resolveConfig(path.join(dir, 'rule.ts'))),
        filepath: 'rule.ts',
      }),
    ).toBe(true);

    const fixture = fs.readFileSync(path.join(dir, 'fixture.html'), 'utf8');
    expect(fixture).toMatch(
      /^<!-- fixture of rule news-example: copied .* from saved-page\.html .*before committing\. -->\n<!doctype html>/,
    );

    const expected = JSON.parse(fs.readFileSync(path.join(dir, 'expected.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(expected).toMatchObject({
      extractor: 'rule:news-example',
      url: URL_,
      title: '春季植树活动全面展开',
      source: '新华社',
      publishedAt: '2024-03-05T09:12:00+08:00',
      section: ['国内', '社会'],
    });
    expect(expected).not.toHaveProperty('contentHtml');
    expect(expected).not.toHaveProperty('textContent');
    const body = fs.readFileSync(path.join(dir, 'expected.body.md'), 'utf8');
    expect(body.split('\n').filter(Boolean)).toHaveLength(6);
    expect(body).not.toContain('分享到');

    const index = fs.readFileSync(path.join(root, 'index.ts'), 'utf8');
    expect(index).toContain(`import { rule as newsExample } from './sites/news-example/rule';`);
    expect(listOf(index, 'SITE_RULES')).toContain('newsExample');
    expect(
      await prettier.check(index, {
        ...(await prettier.resolveConfig(path.join(root, 'index.ts'))),
        filepath: 'index.ts',
      }),
    ).toBe(true);
    // the registry still loads, with the new rule in it
    const registry = (await import(path.join(root, 'index.ts'))) as { SITE_RULES: Array<{ name: string }> };
    expect(registry.SITE_RULES.map((r) => r.name)).toContain('news-example');
  });

  it('refuses an existing folder and invalid names, and changes nothing then', async () => {
    const index = fs.readFileSync(path.join(root, 'index.ts'), 'utf8');
    await expect(newRule({ name: 'cnjiwang', from: page, url: URL_, rulesRoot: root })).rejects.toThrow(
      /already exists/,
    );
    for (const name of ['Bad_Name', '../escape', 'a--b', '-a', '9news', 'x'.repeat(41), ''])
      await expect(newRule({ name, from: page, url: URL_, rulesRoot: root }), name).rejects.toThrow(
        /invalid rule name/,
      );
    await expect(
      newRule({ name: 'ok-name', from: page, url: 'ftp://a.example/', rulesRoot: root }),
    ).rejects.toThrow(/http/);
    await expect(
      newRule({ name: 'ok-name', from: path.join(tmp, 'missing.html'), url: URL_, rulesRoot: root }),
    ).rejects.toThrow(/no such file/);
    expect(fs.readFileSync(path.join(root, 'index.ts'), 'utf8')).toBe(index);
    expect(fs.existsSync(path.join(root, 'sites/ok-name'))).toBe(false);
  });

  it('--cms scaffolds rules/cms/<name>/ with a fingerprint and registers it in CMS_RULES', async () => {
    const indexFile = path.join(root, 'index.ts');
    const withGenerator = PAGE.replace('<title>', '<meta name="generator" content="ExampleCMS 5.2"><title>');
    fs.writeFileSync(page, withGenerator);
    await newRule({ name: 'example-cms', from: page, url: URL_, rulesRoot: root, cms: true });
    const dir = path.join(root, 'cms/example-cms');
    const rule = fs.readFileSync(path.join(dir, 'rule.ts'), 'utf8');
    expect(rule).toContain(`import type { CmsRule } from '../../types';`);
    expect(rule).not.toContain('hosts:');
    const { rule: loaded } = (await import(path.join(dir, 'rule.ts'))) as { rule: CmsRule };
    const { JSDOM } = await import('jsdom');
    const detects = (html: string) => cmsRuleFor(new JSDOM(html).window.document, URL_, [loaded]) !== null;
    expect(detects(withGenerator)).toBe(true);
    expect(detects(PAGE)).toBe(false);
    const index = fs.readFileSync(indexFile, 'utf8');
    expect(index).toContain(`import { rule as exampleCms } from './cms/example-cms/rule';`);
    expect(listOf(index, 'CMS_RULES')).toContain('exampleCms');
    const expected = JSON.parse(fs.readFileSync(path.join(dir, 'expected.json'), 'utf8')) as {
      extractor: string;
    };
    expect(expected.extractor).toBe('cms:example-cms');
  });

  it('an address with */ or -- cannot end the comments it is written into', async () => {
    const odd = 'https://odd.example/a--b/*/c.html';
    await newRule({ name: 'odd-url', from: page, url: odd, rulesRoot: root });
    const dir = path.join(root, 'sites/odd-url');
    const { rule } = (await import(path.join(dir, 'rule.ts'))) as { rule: { hosts: string[] } };
    expect(rule.hosts).toEqual(['odd.example']);
    const { JSDOM } = await import('jsdom');
    const first = new JSDOM(fs.readFileSync(path.join(dir, 'fixture.html'), 'utf8')).window.document
      .firstChild!;
    expect(first.nodeType).toBe(8); // a comment
    expect(first.textContent).toMatch(/before committing\. $/);
  });

  it('through the command line: a missing --from or --url is a usage error', async () => {
    let stderr = '';
    const code = await main(['new-rule', 'x', '--url', URL_], { out: () => {}, err: (t) => (stderr += t) });
    expect(code).toBe(2);
    expect(stderr).toMatch(/--from/);
  });
});
