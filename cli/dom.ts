/** Node side of the CLI: a file → decoded HTML (or a clear refusal) → a jsdom Document at the page's URL. */
import fs from 'node:fs';
import { JSDOM, VirtualConsole } from 'jsdom';
import { decodeHtml } from './charset';

/** A refusal the CLI prints as one line (no stack trace). */
export class InputError extends Error {}

export function parseHtml(html: string, url: string): JSDOM {
  // Scripts never run and nothing is fetched: jsdom's defaults, stated here on purpose.
  const virtualConsole = new VirtualConsole();
  return new JSDOM(html, { url, contentType: 'text/html', virtualConsole });
}

/** The page without its styles: <style> elements and style attributes. */
export function withoutCss(html: string): string {
  return html
    .replace(/<style\b[^>]*>[\s\S]*?<\/style\s*>/gi, '')
    .replace(/(<[a-z][^>]*?)\sstyle\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi, '$1');
}

/**
 * parseHtml, and when jsdom throws on the page's CSS (it does on values a browser just ignores:
 * an unclosed `calc(`, `rgb(1e309, 0, 0)`), once more without the page's styles, saying so.
 */
export function parsePage(html: string, url: string): { dom: JSDOM; warning: string | null } {
  try {
    return { dom: parseHtml(html, url), warning: null };
  } catch (error) {
    const dom = parseHtml(withoutCss(html), url);
    const reason = String((error as Error)?.message ?? error).split('\n')[0];
    return { dom, warning: `jsdom could not parse the page's CSS (${reason}): read without its styles` };
  }
}

/** Why `text` (the first bytes, decoded) is not an HTML page, or null when it looks like one. */
export function notHtmlReason(bytes: Uint8Array, text: string): string | null {
  const head = bytes.subarray(0, 8192);
  // UTF-16 files are decoded by BOM; raw NUL bytes anywhere else mean a binary file
  const utf16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
  if (!utf16 && head.includes(0)) return 'a binary file';
  const start = text.replace(/^\ufeff/, '').trimStart();
  if (!start) return 'an empty file';
  if (/^[[{]/.test(start)) {
    try {
      JSON.parse(start);
      return 'JSON';
    } catch {
      // not JSON either: judged below
    }
  }
  // A saved page starts with markup; a text or Markdown file at most contains some further down
  if (start.startsWith('<') || /<(!doctype\s+html|html[\s>]|body[\s>])/i.test(start.slice(0, 4096)))
    return null;
  return /^(#{1,6}\s|[-*]\s|```|---\s)/.test(start) ? 'Markdown (or plain text)' : 'plain text, not markup';
}

/** The HTML in `file`, decoded; refuses a missing file, a folder, and a file that is not HTML. */
export function readHtmlFile(file: string): { html: string; encoding: string } {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new InputError(`${file}: no such file`);
  }
  if (stat.isDirectory()) throw new InputError(`${file}: is a folder, not an HTML file`);
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(fs.readFileSync(file));
  } catch (error) {
    throw new InputError(`${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? error})`);
  }
  const decoded = decodeHtml(bytes);
  const reason = notHtmlReason(bytes, decoded.text);
  if (reason) throw new InputError(`${file}: not an HTML page (${reason})`);
  return { html: decoded.text, encoding: decoded.encoding };
}

/** The page's own absolute address: <link rel=canonical>, else og:url, else null. */
export function declaredUrl(html: string): string | null {
  const declared =
    /<link[^>]+rel=["']?canonical["']?[^>]*href=["'](https?:[^"']+)/i.exec(html)?.[1] ??
    /<meta[^>]+property=["']og:url["'][^>]*content=["'](https?:[^"']+)/i.exec(html)?.[1];
  if (!declared) return null;
  try {
    return new URL(declared).toString();
  } catch {
    return null;
  }
}
