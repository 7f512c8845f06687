/**
 * `jianbao eval <dir>`: runs Jianbao and plain Readability on every <dir>/**\/page.html (URL from the
 * sibling truth.json), writes jianbao.json and readability.json beside each page (or, when that
 * folder is read-only, into a mirror under --out), and prints the metrics per corpus folder.
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Readability } from '@mozilla/readability';
import { extractArticle } from '../utils/extract';
import { emptyScores, mean, median, scorePage, type SystemScores } from './eval-score';
import { parseHtml } from './dom';

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

/** Writable for us — and not marked read-only (root passes access checks, so look at the mode too). */
function writable(dir: string): boolean {
  try {
    if ((fs.statSync(dir).mode & 0o222) === 0) return false;
    fs.accessSync(dir, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** The page's URL: truth.json's, else the page's own absolute canonical/og:url, else a stand-in. */
function pageUrl(page: PageCase, html: string): string {
  if (typeof page.truth.url === 'string' && /^https?:/.test(page.truth.url)) return page.truth.url;
  const declared =
    /<link[^>]+rel=["']?canonical["']?[^>]*href=["'](https?:[^"']+)/i.exec(html)?.[1] ??
    /<meta[^>]+property=["']og:url["'][^>]*content=["'](https?:[^"']+)/i.exec(html)?.[1];
  if (declared) {
    try {
      return new URL(declared).toString();
    } catch {
      // fall through
    }
  }
  return `http://localhost/${encodeURIComponent(path.basename(page.dir))}/`;
}

export interface EvalOptions {
  out: string;
  quiet?: boolean;
  /** called with each corpus folder's table as soon as that folder is done */
  onTable?: (table: string) => void;
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
  return lines.join('\n');
}

export function runEval(root: string, options: EvalOptions): string {
  const absRoot = path.resolve(root);
  const pages = findPages(absRoot);
  const groups = new Map<string, Record<string, SystemScores>>();
  for (const page of pages) {
    const html = fs.readFileSync(path.join(page.dir, 'page.html'), 'utf8');
    const url = pageUrl(page, html);
    const outDir = writable(page.dir)
      ? page.dir
      : path.join(path.resolve(options.out), path.relative(path.dirname(absRoot), page.dir));
    fs.mkdirSync(outDir, { recursive: true });

    let jianbao: Record<string, unknown>;
    let readability: Record<string, unknown>;
    const dom = parseHtml(html, url);
    try {
      const t0 = performance.now();
      const article = extractArticle(dom.window.document, url);
      jianbao = { ...article, ms: Math.round((performance.now() - t0) * 10) / 10 };
    } catch (error) {
      jianbao = { error: String((error as Error)?.message ?? error) };
    }
    try {
      const t0 = performance.now();
      const parsed = new Readability(dom.window.document.cloneNode(true) as Document).parse();
      const ms = Math.round((performance.now() - t0) * 10) / 10;
      readability = parsed
        ? {
            title: parsed.title ?? null,
            author: parsed.byline ?? null,
            date: parsed.publishedTime ?? null,
            source: null,
            body_text: parsed.textContent ?? '',
            ms,
          }
        : { error: 'no article', ms };
    } catch (error) {
      readability = { error: String((error as Error)?.message ?? error) };
    }
    dom.window.close();
    fs.writeFileSync(path.join(outDir, 'jianbao.json'), JSON.stringify(jianbao, null, 1));
    fs.writeFileSync(path.join(outDir, 'readability.json'), JSON.stringify(readability, null, 1));

    const last = [...groups.keys()].at(-1);
    if (last !== undefined && last !== page.group) options.onTable?.(formatTable(last, groups.get(last)!));
    const systems = groups.get(page.group) ?? { jianbao: emptyScores(), readability: emptyScores() };
    groups.set(page.group, systems);
    scorePage(systems.jianbao!, jianbao, page.truth);
    scorePage(systems.readability!, readability, page.truth);
    if (!options.quiet) process.stderr.write('.');
  }
  if (!options.quiet) process.stderr.write('\n');
  const last = [...groups.entries()].at(-1);
  if (last) options.onTable?.(formatTable(last[0], last[1]));
  return [...groups.entries()].map(([group, systems]) => formatTable(group, systems)).join('\n\n');
}
