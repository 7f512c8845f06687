/**
 * `jianbao eval <dir>`: runs Jianbao and plain Readability on every <dir>/**\/page.html (URL from the
 * sibling truth.json), writes jianbao.json and readability.json into a mirror of the tree under
 * --out (beside each page only with --in-place), and prints the metrics per corpus folder.
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Readability } from '@mozilla/readability';
import { extractArticle } from '../utils/extract';
import type { Article } from '../utils/model/article';
import { emptyScores, mean, median, scorePage, type SystemScores } from './eval-score';
import { declaredUrl, InputError, parsePage } from './dom';

interface PageCase {
  dir: string;
  /** the corpus folder it belongs to (first level under the eval root) */
  group: string;
  truth: Record<string, unknown>;
}

function findPages(root: string): PageCase[] {
  const out: PageCase[] = [];
  const walk = (dir: string, depth: number) => {
    if (depth > 6) return;
    const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
    if (entries.some((e) => e.isFile() && e.name === 'page.html')) {
      const truthFile = path.join(dir, 'truth.json');
      const truth = fs.existsSync(truthFile)
        ? (JSON.parse(fs.readFileSync(truthFile, 'utf8')) as Record<string, unknown>)
        : {};
      const rel = path.relative(root, dir);
      out.push({ dir, group: rel.includes(path.sep) ? rel.split(path.sep)[0]! : path.basename(root), truth });
    }
    for (const e of entries)
      if (e.isDirectory() && !e.name.startsWith('.')) walk(path.join(dir, e.name), depth + 1);
  };
  walk(root, 0);
  return out;
}

/** The page's URL: truth.json's, else the page's own absolute canonical/og:url, else a stand-in. */
function pageUrl(page: PageCase, html: string): string {
  if (typeof page.truth.url === 'string' && /^https?:/.test(page.truth.url)) return page.truth.url;
  return declaredUrl(html) ?? `http://localhost/${encodeURIComponent(path.basename(page.dir))}/`;
}

export interface EvalOptions {
  /** where jianbao.json/readability.json go: a mirror of the corpus tree under this folder */
  out: string;
  /** write them beside each page.html instead (the corpus folder is never written otherwise) */
  inPlace?: boolean;
  quiet?: boolean;
  /** called with each corpus folder's table as soon as that folder is done */
  onTable?: (table: string) => void;
  /** called with one character a page ('.' done, 'E' an error row) */
  onProgress?: (mark: string) => void;
  /** the extractor under test (default: extractArticle), e.g. a variant to compare */
  extract?: Extract;
  /**
   * Score the pages as a site Jianbao has never seen would be: no site or CMS rule, and with
   * `'bare'` also without the page's metadata (meta tags, JSON-LD) for both systems, as older pages are;
   * `'classless'` also without any element's class or id, as templates whose class names say nothing
   * (hashed CSS-module names) are.
   */
  unseen?: 'no-rules' | 'bare' | 'classless';
}

type Extract = (document: Document, url: string) => Article;

export interface EvalFailure {
  /** the page folder, relative to the eval root's parent */
  page: string;
  system: 'jianbao' | 'readability' | 'page';
  error: string;
}

export interface EvalResult {
  pages: number;
  /** pages that threw, each an error row in the tables */
  failures: EvalFailure[];
  tables: string;
  outDir: string;
}

const errorText = (error: unknown) =>
  String((error as Error)?.message ?? error)
    .split('\n')[0]!
    .slice(0, 300);

/** Plain Readability's output, in the shape eval-score reads. */
function readabilityOutput(document: Document): Record<string, unknown> {
  const t0 = performance.now();
  const parsed = new Readability(document.cloneNode(true) as Document).parse();
  const ms = Math.round((performance.now() - t0) * 10) / 10;
  return parsed
    ? {
        title: parsed.title ?? null,
        author: parsed.byline ?? null,
        date: parsed.publishedTime ?? null,
        source: null,
        body_text: parsed.textContent ?? '',
        ms,
      }
    : { error: 'no article', ms };
}

function jianbaoOutput(extract: Extract, document: Document, url: string): Record<string, unknown> {
  const t0 = performance.now();
  const article = extract(document, url);
  return { ...article, ms: Math.round((performance.now() - t0) * 10) / 10 };
}

const extractWithoutRules: Extract = (document, url) =>
  extractArticle(document, url, { rules: [], cmsRules: [] });

/** Removes every element's class and id: what a template's names say about its parts. */
function stripNames(document: Document): void {
  for (const el of document.querySelectorAll('[class], [id]')) {
    el.removeAttribute('class');
    el.removeAttribute('id');
  }
}

/** Removes what a page declares about itself for machines: meta tags (but its charset) and JSON-LD. */
function stripMetadata(document: Document): void {
  for (const el of document.querySelectorAll('meta:not([charset]), script[type="application/ld+json"]'))
    el.remove();
}

/** `run`'s result, or an error row when it throws (whatever it throws). */
function guarded(run: () => Record<string, unknown>): Record<string, unknown> {
  try {
    return run();
  } catch (error) {
    return { error: errorText(error) };
  }
}

const COLUMNS: Array<[string, (s: SystemScores) => number | null]> = [
  ['pages', (s) => s.pages],
  ['errors', (s) => s.errors],
  ['body_f1', (s) => mean(s.values.f1)],
  ['body_prec', (s) => mean(s.values.prec)],
  ['body_rec', (s) => mean(s.values.rec)],
  ['title', (s) => mean(s.values.title)],
  ['kicker', (s) => mean(s.values.kicker)],
  ['subtitle', (s) => mean(s.values.subtitle)],
  ['date', (s) => mean(s.values.date)],
  ['author', (s) => mean(s.values.author)],
  ['editor', (s) => mean(s.values.editor)],
  ['source', (s) => mean(s.values.source)],
  ['section', (s) => mean(s.values.section)],
  ['ms_median', (s) => median(s.ms)],
];

export function formatTable(group: string, systems: Record<string, SystemScores>): string {
  const lines = [`### ${group}`, 'system'.padEnd(14) + COLUMNS.map(([c]) => c.padStart(10)).join('')];
  for (const [name, s] of Object.entries(systems))
    lines.push(name.padEnd(14) + COLUMNS.map(([, f]) => String(f(s) ?? '-').padStart(10)).join(''));
  const s = Object.values(systems)[0]!;
  const n = (m: keyof SystemScores['values']) => s.values[m].length;
  lines.push(
    `n: body=${n('f1')} title=${n('title')} kicker=${n('kicker')} subtitle=${n('subtitle')} date=${n('date')} author=${n('author')} editor=${n('editor')} source=${n('source')} section=${n('section')}`,
  );
  // the scorer compares a date's clock text; where the truth states its zone, the instant too
  if (n('dateInstant'))
    lines.push(
      `date as an instant, where the truth states its zone (n=${n('dateInstant')}): ${Object.entries(systems)
        .map(([name, scores]) => `${name} ${mean(scores.values.dateInstant) ?? '-'}`)
        .join(', ')}`,
    );
  return lines.join('\n');
}

/**
 * Runs both systems on every page. A page that throws anywhere — reading, jsdom parsing, either
 * system, even an error jsdom raises later from a timer — becomes an error row and the run goes on.
 */
export async function runEval(root: string, options: EvalOptions): Promise<EvalResult> {
  const absRoot = path.resolve(root);
  if (!fs.existsSync(absRoot) || !fs.statSync(absRoot).isDirectory())
    throw new InputError(`${root}: no such folder`);
  const outRoot = path.resolve(options.out);
  const pages = findPages(absRoot);
  const groups = new Map<string, Record<string, SystemScores>>();
  const failures: EvalFailure[] = [];
  let current = '';
  // jsdom can throw outside our calls (from a timer or a stylesheet it loads): charge the page being run
  const onStray = (error: unknown) =>
    failures.push({ page: current, system: 'page', error: errorText(error) });
  process.on('uncaughtException', onStray);
  process.on('unhandledRejection', onStray);
  try {
    for (const page of pages) {
      const pageName = path.relative(path.dirname(absRoot), page.dir);
      current = pageName;
      let jianbao: Record<string, unknown>;
      let readability: Record<string, unknown>;
      try {
        const html = fs.readFileSync(path.join(page.dir, 'page.html'), 'utf8');
        const url = pageUrl(page, html);
        const { dom, warning } = parsePage(html, url);
        try {
          if (options.unseen === 'bare' || options.unseen === 'classless') stripMetadata(dom.window.document);
          if (options.unseen === 'classless') stripNames(dom.window.document);
          const extract = options.extract ?? (options.unseen ? extractWithoutRules : extractArticle);
          jianbao = guarded(() => jianbaoOutput(extract, dom.window.document, url));
          readability = guarded(() => readabilityOutput(dom.window.document));
          if (warning) jianbao.warning = readability.warning = warning;
          // Yield once a page: what jsdom queued for this page runs (and fails) while it is still the
          // current page, and closed windows are freed — a loop that never yielded ran out of heap on
          // the corpus (readability-testpages died at page 58 of 130 with --max-old-space-size=768)
          await new Promise((resolve) => setImmediate(resolve));
        } finally {
          guarded(() => (dom.window.close(), {}));
        }
      } catch (error) {
        jianbao = readability = { error: errorText(error) };
      }
      if (jianbao.error) failures.push({ page: pageName, system: 'jianbao', error: String(jianbao.error) });
      if (readability.error && readability.error !== 'no article')
        failures.push({ page: pageName, system: 'readability', error: String(readability.error) });
      const outDir = options.inPlace ? page.dir : path.join(outRoot, pageName);
      fs.mkdirSync(outDir, { recursive: true });
      fs.writeFileSync(path.join(outDir, 'jianbao.json'), JSON.stringify(jianbao, null, 1));
      fs.writeFileSync(path.join(outDir, 'readability.json'), JSON.stringify(readability, null, 1));

      const last = [...groups.keys()].at(-1);
      if (last !== undefined && last !== page.group) options.onTable?.(formatTable(last, groups.get(last)!));
      const systems = groups.get(page.group) ?? { jianbao: emptyScores(), readability: emptyScores() };
      groups.set(page.group, systems);
      scorePage(systems.jianbao!, jianbao, page.truth);
      scorePage(systems.readability!, readability, page.truth);
      if (!options.quiet) options.onProgress?.(jianbao.error ? 'E' : '.');
    }
  } finally {
    process.off('uncaughtException', onStray);
    process.off('unhandledRejection', onStray);
  }
  const last = [...groups.entries()].at(-1);
  if (last) options.onTable?.(formatTable(last[0], last[1]));
  return {
    pages: pages.length,
    failures,
    tables: [...groups.entries()].map(([group, systems]) => formatTable(group, systems)).join('\n\n'),
    outDir: options.inPlace ? absRoot : outRoot,
  };
}
