/**
 * The `jianbao` command line (bin/jianbao.mjs runs `main` through tsx). Every refusal is one line
 * on stderr: exit 2 for a wrong command line, 1 for bad input or a page without an article.
 */
import fs from 'node:fs';
import path from 'node:path';
import { explainArticle, NoArticleError } from '../utils/extract';
import { declaredUrl, InputError, parsePage, readHtmlFile } from './dom';
import { runEval } from './eval';
import { toMarkdown, toText } from './format';
import { newRule } from './new-rule';

const USAGE = `usage:
  jianbao extract <file.html> [--url <url>] [--format json|md|text] [--explain]
      the article in the page, as JSON (default), Markdown or text; --url defaults to the page's
      own canonical/og:url; --explain adds where each field came from (site rule, CMS rule,
      metadata, page) to the JSON
  jianbao eval <corpus-dir> [--out <dir>] [--in-place] [--quiet] [--unseen no-rules|bare|classless]
      Jianbao and plain Readability on every <dir>/**/page.html, scored against truth.json; writes
      jianbao.json/readability.json under --out (default .eval), or beside each page with --in-place;
      --unseen scores the pages as sites never seen: without site and CMS rules (no-rules), also
      without the pages' meta tags and JSON-LD (bare), and also without any class or id (classless)
  jianbao new-rule <name> --from <page.html> --url <url> [--cms]
      scaffolds utils/extract/rules/sites/<name>/ (or rules/cms/<name>/ with --cms): rule.ts with
      candidate selectors, fixture.html, expected files, and its registration
  jianbao --help | --version`;

const FORMATS = ['json', 'md', 'text'] as const;

/** Each command's options: true when the option takes a value. */
const OPTIONS: Record<string, Record<string, boolean>> = {
  extract: { url: true, format: true, explain: false },
  eval: { out: true, 'in-place': false, quiet: false, unseen: true },
  'new-rule': { from: true, url: true, cms: false },
};

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

const processIo: Io = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

class UsageError extends Error {}

function parseArgs(
  argv: string[],
  options: Record<string, boolean>,
): { positional: string[]; flags: Map<string, string> } {
  const positional: string[] = [];
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if (!(name in options)) throw new UsageError(`unknown option --${name}`);
    if (!options[name]) flags.set(name, '');
    else {
      const value = inline ?? argv[++i];
      if (value === undefined || value === '') throw new UsageError(`--${name} needs a value`);
      flags.set(name, value);
    }
  }
  return { positional, flags };
}

function packageVersion(): string {
  const pkg = JSON.parse(fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

function unseenMode(value: string | undefined): 'no-rules' | 'bare' | 'classless' | undefined {
  if (value === undefined || value === 'no-rules' || value === 'bare' || value === 'classless') return value;
  throw new UsageError(`--unseen takes no-rules, bare or classless, not ${value}`);
}

function extractCommand(file: string, flags: Map<string, string>, io: Io): number {
  const format = flags.get('format') ?? 'json';
  if (!(FORMATS as readonly string[]).includes(format))
    throw new UsageError(`unknown --format ${format} (one of: ${FORMATS.join(', ')})`);
  const { html } = readHtmlFile(file);
  const url = flags.get('url') ?? declaredUrl(html);
  if (!url)
    throw new UsageError('the page declares no address of its own: give --url <http(s) URL of the page>');
  if (!/^https?:\/\/[^/]/.test(url)) throw new UsageError(`--url must be an http(s) URL, not ${url}`);
  const { dom, warning } = parsePage(html, url);
  if (warning) io.err(`jianbao: warning: ${warning}\n`);
  try {
    const { article, origins } = explainArticle(dom.window.document, url);
    const json = flags.has('explain') ? { ...article, origins } : article;
    io.out(
      format === 'md'
        ? toMarkdown(article)
        : format === 'text'
          ? toText(article)
          : JSON.stringify(json, null, 2) + '\n',
    );
    return 0;
  } catch (error) {
    if (error instanceof NoArticleError) throw new InputError(`${file}: no article (${error.message})`);
    throw error;
  } finally {
    dom.window.close();
  }
}

async function run(argv: string[], io: Io): Promise<number> {
  const command = argv[0];
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    (command ? io.out : io.err)(USAGE + '\n');
    return command ? 0 : 2;
  }
  if (command === '--version' || command === '-V') {
    io.out(packageVersion() + '\n');
    return 0;
  }
  const options = OPTIONS[command];
  if (!options) throw new UsageError(`unknown command ${command}`);
  const rest = argv.slice(1);
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(USAGE + '\n');
    return 0;
  }
  const { positional, flags } = parseArgs(rest, options);
  const [target, ...extra] = positional;
  if (!target) throw new UsageError(`${command} needs ${command === 'new-rule' ? 'a rule name' : 'a path'}`);
  if (extra.length) throw new UsageError(`unexpected argument ${extra[0]}`);

  if (command === 'extract') return extractCommand(target, flags, io);
  if (command === 'eval') {
    // each corpus folder's table is printed as soon as it is done (a long run keeps what it measured);
    // the progress dots on stderr end their line first, so a terminal shows the table from column 0
    let dots = false;
    const result = await runEval(target, {
      out: flags.get('out') ?? '.eval',
      inPlace: flags.has('in-place'),
      quiet: flags.has('quiet'),
      unseen: unseenMode(flags.get('unseen')),
      onTable: (table) => {
        if (dots) io.err('\n');
        dots = false;
        io.out(table + '\n\n');
      },
      onProgress: (mark) => {
        io.err(mark);
        dots = true;
      },
    });
    for (const failure of result.failures) io.err(`${failure.page}: ${failure.system}: ${failure.error}\n`);
    io.err(`${result.pages} pages, outputs in ${result.outDir}\n`);
    return 0;
  }
  const from = flags.get('from');
  const url = flags.get('url');
  if (!from || !url) throw new UsageError('new-rule needs --from <page.html> and --url <url of that page>');
  const created = await newRule({ name: target, from, url, cms: flags.has('cms') });
  const shown = (file: string) => path.relative(process.cwd(), file) || file;
  for (const file of created.files) io.out(`created ${shown(file)}\n`);
  io.out(`registered in ${shown(created.registry)}\n`);
  for (const warning of created.warnings) io.err(`warning: ${warning}\n`);
  return 0;
}

/** Runs the command line; never throws: failures are one line on stderr and an exit code. */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  try {
    return await run(argv, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`jianbao: ${error.message}\n(jianbao --help for usage)\n`);
      return 2;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.err(`jianbao: ${error instanceof InputError ? message : `error: ${message}`}\n`);
    return 1;
  }
}
