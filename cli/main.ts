/**
 * The `jianbao` command line (bin/jianbao.mjs runs this through tsx):
 *   jianbao extract <file.html> --url <url> [--format json|md|text]
 *   jianbao eval <dir> [--out .eval]
 */
import { extractArticle } from '../utils/extract';
import { parseHtml, readHtmlFile } from './dom';
import { runEval } from './eval';
import { toMarkdown, toText } from './format';

const USAGE = `usage:
  jianbao extract <file.html> --url <url> [--format json|md|text]
  jianbao eval <dir> [--out <dir>]   (default --out .eval)`;

function parseArgs(argv: string[]): { positional: string[]; flags: Map<string, string> } {
  const positional: string[] = [];
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg.startsWith('--')) {
      const [name, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
      flags.set(name, inline ?? argv[++i] ?? '');
    } else positional.push(arg);
  }
  return { positional, flags };
}

export function main(argv: string[]): number {
  const { positional, flags } = parseArgs(argv);
  const [command, target] = positional;
  if (command === 'extract' && target) {
    const url = flags.get('url');
    if (!url || !/^https?:\/\//.test(url)) {
      console.error('extract needs --url <http(s) URL of the page>');
      return 2;
    }
    const format = flags.get('format') ?? 'json';
    const { html } = readHtmlFile(target);
    const dom = parseHtml(html, url);
    try {
      const article = extractArticle(dom.window.document, url);
      const out =
        format === 'md'
          ? toMarkdown(article)
          : format === 'text'
            ? toText(article)
            : JSON.stringify(article, null, 2) + '\n';
      process.stdout.write(out);
      return 0;
    } catch (error) {
      console.error(`no article: ${(error as Error).message}`);
      return 1;
    } finally {
      dom.window.close();
    }
  }
  if (command === 'eval' && target) {
    // each corpus folder's table is printed as soon as it is done (a long run keeps what it measured)
    runEval(target, {
      out: flags.get('out') || '.eval',
      quiet: flags.has('quiet'),
      onTable: (table) => console.log(table + '\n'),
    });
    return 0;
  }
  console.error(USAGE);
  return 2;
}

process.exitCode = main(process.argv.slice(2));
