/**
 * The files of a rule folder (utils/extract/rules/{sites,cms}/<name>/), shared by the rule test and
 * `jianbao new-rule`:
 *   rule.ts                       the rule (typed data)
 *   fixture[.<variant>].html      a page the rule is tested on (written for the test, or cut down)
 *   corpus.<variant>.json         { "page": "<corpus-folder>/<page-id>", "url": "…" }: a real page
 *                                 in ../shared/corpus, referenced, never copied
 *   expected[.<variant>].json     the extracted fields (everything but the body)
 *   expected[.<variant>].body.md  the body as Markdown, one paragraph a line (fixtures only: a
 *                                 corpus page's text stays out of the repository)
 *   TEMPLATE.md                   optional: says the fixture was written from the CMS's template
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { htmlToMarkdown } from '../utils/archive-io/markdown';
import { extractArticle, type ExtractOptions } from '../utils/extract';
import type { Article } from '../utils/model/article';
import { parseHtml } from './dom';

export const RULES_ROOT = fileURLToPath(new URL('../utils/extract/rules', import.meta.url));

/** The two rule trees: site rules matched by host, CMS-family rules matched by fingerprint. */
export const RULE_TREES = [
  { dir: 'sites', extractorPrefix: 'rule', registryList: 'SITE_RULES' },
  { dir: 'cms', extractorPrefix: 'cms', registryList: 'CMS_RULES' },
] as const;

export type RuleTree = (typeof RULE_TREES)[number];

/** What a rule's expected.json holds: the article without its body. */
export type ArticleFields = Omit<Article, 'contentHtml' | 'textContent'>;

export function articleFields(article: Article): ArticleFields {
  const { contentHtml: _html, textContent: _text, ...fields } = article;
  return fields;
}

export function bodyMarkdown(article: Article): string {
  return htmlToMarkdown(article.contentHtml) + '\n';
}

export interface RuleCase {
  /** '' for fixture.html, '.<variant>' otherwise */
  variant: string;
  /** fixture.<variant>.html in the folder, or corpus.<variant>.json pointing at a corpus page */
  kind: 'fixture' | 'corpus';
  /** fixture.html, or corpus.<variant>.json */
  file: string;
  expectedFile: string;
  /** fixtures only */
  bodyFile: string | null;
}

const CASE_FILE = /^(fixture|corpus)((?:\.[\w-]+)?)\.(html|json)$/;

/** The cases in a rule folder, from its fixture.*.html and corpus.*.json files. */
export function ruleCases(files: readonly string[]): RuleCase[] {
  const cases: RuleCase[] = [];
  for (const file of [...files].sort()) {
    const m = CASE_FILE.exec(file);
    if (!m || (m[1] === 'fixture') !== (m[3] === 'html')) continue;
    const kind = m[1] as RuleCase['kind'];
    const variant = m[2]!;
    cases.push({
      variant,
      kind,
      file,
      expectedFile: `expected${variant}.json`,
      bodyFile: kind === 'fixture' ? `expected${variant}.body.md` : null,
    });
  }
  return cases;
}

export interface CorpusRef {
  page: string;
  url: string;
}

export function readCorpusRef(file: string): CorpusRef {
  const ref = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<CorpusRef>;
  if (typeof ref.page !== 'string' || !/^[\w.-]+\/[\w.-]+$/.test(ref.page) || ref.page.includes('..'))
    throw new Error(`${file}: "page" must be "<corpus-folder>/<page-id>"`);
  if (typeof ref.url !== 'string' || !/^https?:\/\//.test(ref.url))
    throw new Error(`${file}: "url" must be the page's http(s) address`);
  return { page: ref.page, url: ref.url };
}

/** Extracts `html` at `url` in jsdom; also reports whether the document was left untouched. */
export function extractPage(
  html: string,
  url: string,
  options?: ExtractOptions,
): { article: Article; documentUnchanged: boolean } {
  const dom = parseHtml(html, url);
  try {
    const before = dom.window.document.documentElement.outerHTML;
    const article = extractArticle(dom.window.document, url, options);
    return { article, documentUnchanged: dom.window.document.documentElement.outerHTML === before };
  } finally {
    dom.window.close();
  }
}

/** `source` formatted as `npm run lint` wants it at `file` (Prettier is loaded only when a rule file is written). */
export async function formatForRepo(file: string, source: string): Promise<string> {
  const prettier = await import('prettier');
  const config = await prettier.resolveConfig(file);
  return prettier.format(source, { ...config, filepath: file });
}

/** Writes a case's expected files: the fields (formatted) and, for a fixture, the body. */
export async function writeExpected(
  dir: string,
  ruleCase: Pick<RuleCase, 'expectedFile' | 'bodyFile'>,
  article: Article,
): Promise<void> {
  const file = path.join(dir, ruleCase.expectedFile);
  fs.writeFileSync(file, await formatForRepo(file, JSON.stringify(articleFields(article))));
  if (ruleCase.bodyFile) fs.writeFileSync(path.join(dir, ruleCase.bodyFile), bodyMarkdown(article));
}
