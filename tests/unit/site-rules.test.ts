/**
 * Every folder under utils/extract/rules/sites/ is a site rule: rule.ts, fixture.html and expected.json
 * (plus optional fixture.<variant>.html / expected.<variant>.json pairs). A folder missing any of
 * them, or a rule not registered, fails here; each fixture's extraction must equal its expectation.
 * Regenerate expectations deliberately with UPDATE_EXPECTED=1 and review the diff.
 */
import fs from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '@/utils/extract';
import { SITE_RULES } from '@/utils/extract/rules';

const RULES_DIR = path.resolve('utils/extract/rules/sites');
const folders = fs
  .readdirSync(RULES_DIR, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name);

describe('site rules', () => {
  it('there is at least one rule folder', () => {
    expect(folders.length).toBeGreaterThan(0);
  });

  for (const folder of folders) {
    describe(folder, () => {
      const dir = path.join(RULES_DIR, folder);
      const files = fs.readdirSync(dir);

      it('has rule.ts, fixture.html and expected.json, and is registered', () => {
        expect(files).toContain('rule.ts');
        expect(files).toContain('fixture.html');
        expect(files).toContain('expected.json');
        expect(SITE_RULES.map((r) => r.name)).toContain(folder);
      });

      for (const fixture of files.filter((f) => /^fixture(\.[\w-]+)?\.html$/.test(f))) {
        const variant = fixture.slice('fixture'.length, -'.html'.length);
        const expectedFile = path.join(dir, `expected${variant}.json`);
        it(`${fixture} extracts to expected${variant}.json`, () => {
          expect(fs.existsSync(expectedFile), `missing expected${variant}.json`).toBe(true);
          const expected = JSON.parse(fs.readFileSync(expectedFile, 'utf8')) as { url: string };
          const html = fs.readFileSync(path.join(dir, fixture), 'utf8');
          const dom = new JSDOM(html, { url: expected.url });
          const before = dom.window.document.documentElement.outerHTML;
          const article = extractArticle(dom.window.document, expected.url);
          expect(dom.window.document.documentElement.outerHTML).toBe(before);
          expect(article.extractor).toBe(`rule:${folder}`);
          if (process.env.UPDATE_EXPECTED)
            fs.writeFileSync(expectedFile, JSON.stringify(article, null, 2) + '\n');
          else expect(article).toEqual(expected);
        });
      }
    });
  }
});
