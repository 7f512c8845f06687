/**
 * Every folder under utils/extract/rules/sites/ (site rules) and utils/extract/rules/cms/ (CMS-family
 * rules) is a rule: rule.ts, fixture.html, expected.json (the fields) and expected.body.md (the body
 * as Markdown), plus optional fixture.<variant>.html cases and corpus.<variant>.json cases that point
 * at a real page in ../shared/corpus (expected.<variant>.json only). The folder layout is described
 * in cli/rule-files.ts. A folder missing any of them, a rule not registered, or an extraction that
 * differs from its expectation fails here. Regenerate the expectations deliberately with
 * UPDATE_EXPECTED=1 and review the diff.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as registry from '@/utils/extract/rules';
import {
  articleFields,
  bodyMarkdown,
  extractPage,
  readCorpusRef,
  RULE_TREES,
  RULES_ROOT,
  ruleCases,
  writeExpected,
  type RuleCase,
} from '@/cli/rule-files';

const CORPUS = path.resolve('../shared/corpus');
const hasCorpus = fs.existsSync(CORPUS);
const updating = !!process.env.UPDATE_EXPECTED;

/** The registry's list for a tree (CMS_RULES may not exist yet): names of the rules it holds. */
function registered(list: string): string[] {
  const rules = (registry as unknown as Record<string, Array<{ name: string }> | undefined>)[list] ?? [];
  return rules.map((r) => r.name);
}

const folders = RULE_TREES.flatMap((tree) => {
  const dir = path.join(RULES_ROOT, tree.dir);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => ({ tree, name: e.name, dir: path.join(dir, e.name) }));
});

async function checkCase(
  dir: string,
  folderExtractor: string,
  ruleCase: RuleCase,
  html: string,
  url: string,
) {
  const { article, documentUnchanged } = extractPage(html, url);
  expect(documentUnchanged, 'extraction must not modify the page').toBe(true);
  expect(article.extractor).toBe(folderExtractor);
  if (updating) return writeExpected(dir, ruleCase, article);
  const expectedPath = path.join(dir, ruleCase.expectedFile);
  expect(fs.existsSync(expectedPath), `missing ${ruleCase.expectedFile}`).toBe(true);
  expect(articleFields(article)).toEqual(JSON.parse(fs.readFileSync(expectedPath, 'utf8')));
  if (ruleCase.bodyFile) {
    const bodyPath = path.join(dir, ruleCase.bodyFile);
    expect(fs.existsSync(bodyPath), `missing ${ruleCase.bodyFile}`).toBe(true);
    expect(bodyMarkdown(article)).toBe(fs.readFileSync(bodyPath, 'utf8'));
  }
}

describe('rule folders', () => {
  it('there is at least one site rule folder', () => {
    expect(folders.filter((f) => f.tree.dir === 'sites').length).toBeGreaterThan(0);
  });

  for (const { tree, name, dir } of folders) {
    describe(`${tree.dir}/${name}`, () => {
      const files = fs.readdirSync(dir);
      const cases = ruleCases(files);
      const extractor = `${tree.extractorPrefix}:${name}`;

      it(`has rule.ts, fixture.html, expected.json and expected.body.md, and is in ${tree.registryList}`, () => {
        expect(files).toContain('rule.ts');
        expect(files).toContain('fixture.html');
        if (!updating) {
          expect(files).toContain('expected.json');
          expect(files).toContain('expected.body.md');
        }
        expect(registered(tree.registryList)).toContain(name);
      });

      it('has no expected file without its case, and one case a variant', () => {
        const variants = cases.map((c) => c.variant);
        expect(new Set(variants).size, 'a fixture and a corpus case share a variant').toBe(variants.length);
        const owned = new Set(cases.flatMap((c) => [c.expectedFile, c.bodyFile]));
        expect(files.filter((f) => /^expected\b/.test(f) && !owned.has(f))).toEqual([]);
        // a corpus case always has a variant: expected.json belongs to fixture.html
        expect(files.filter((f) => /^corpus\.json$/.test(f))).toEqual([]);
      });

      if (files.includes('TEMPLATE.md'))
        it('TEMPLATE.md says where the fixture came from', () => {
          expect(fs.readFileSync(path.join(dir, 'TEMPLATE.md'), 'utf8').trim().length).toBeGreaterThan(20);
        });

      for (const ruleCase of cases) {
        if (ruleCase.kind === 'fixture') {
          it(`${ruleCase.file} extracts to ${ruleCase.expectedFile} and ${ruleCase.bodyFile}`, async () => {
            const expectedPath = path.join(dir, ruleCase.expectedFile);
            expect(fs.existsSync(expectedPath), `missing ${ruleCase.expectedFile} (it gives the url)`).toBe(
              true,
            );
            const { url } = JSON.parse(fs.readFileSync(expectedPath, 'utf8')) as { url: string };
            const html = fs.readFileSync(path.join(dir, ruleCase.file), 'utf8');
            await checkCase(dir, extractor, ruleCase, html, url);
          }, 30_000);
          continue;
        }
        const ref = readCorpusRef(path.join(dir, ruleCase.file));
        const page = path.join(CORPUS, ref.page, 'page.html');
        it.skipIf(!hasCorpus)(
          `${ruleCase.file} (${ref.page}) extracts to ${ruleCase.expectedFile}${hasCorpus ? '' : ' — skipped: ../shared/corpus is absent'}`,
          async () => {
            expect(fs.existsSync(page), `${ref.page} is not in ../shared/corpus`).toBe(true);
            await checkCase(dir, extractor, ruleCase, fs.readFileSync(page, 'utf8'), ref.url);
          },
          60_000, // a real page, on a shared machine
        );
      }
    });
  }
  if (!hasCorpus)
    console.log('rule folders: ../shared/corpus is absent; corpus.<variant>.json cases skipped');
});

describe('rule folder layout', () => {
  it('finds fixture and corpus cases with their expected files, and nothing else', () => {
    const files = ['rule.ts', 'fixture.html', 'fixture.wrapper.html', 'corpus.gov-2019.json', 'fixture.json'];
    expect(ruleCases([...files, 'corpus.html', 'expected.json', 'TEMPLATE.md'])).toEqual([
      {
        variant: '.gov-2019',
        kind: 'corpus',
        file: 'corpus.gov-2019.json',
        expectedFile: 'expected.gov-2019.json',
        bodyFile: null,
      },
      {
        variant: '',
        kind: 'fixture',
        file: 'fixture.html',
        expectedFile: 'expected.json',
        bodyFile: 'expected.body.md',
      },
      {
        variant: '.wrapper',
        kind: 'fixture',
        file: 'fixture.wrapper.html',
        expectedFile: 'expected.wrapper.json',
        bodyFile: 'expected.wrapper.body.md',
      },
    ]);
  });

  it('a corpus reference names a corpus page, never a path out of the corpus, and an http(s) URL', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jianbao-corpus-ref-'));
    const ref = (value: object) => {
      const file = path.join(dir, 'corpus.x.json');
      fs.writeFileSync(file, JSON.stringify(value));
      return () => readCorpusRef(file);
    };
    try {
      expect(ref({ page: 'gne-dev/tests_163_1', url: 'https://www.163.com/a.html' })()).toEqual({
        page: 'gne-dev/tests_163_1',
        url: 'https://www.163.com/a.html',
      });
      expect(ref({ page: '../secret/x', url: 'https://a.example/' })).toThrow(/page/);
      expect(ref({ page: 'gne-dev/..', url: 'https://a.example/' })).toThrow(/page/);
      expect(ref({ page: 'gne-dev', url: 'https://a.example/' })).toThrow(/page/);
      expect(ref({ page: 'gne-dev/tests_163_1', url: 'file:///etc/passwd' })).toThrow(/url/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
