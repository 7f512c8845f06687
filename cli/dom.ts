/** Node side of the CLI: bytes → decoded HTML → a jsdom Document at the page's URL. */
import fs from 'node:fs';
import { JSDOM, VirtualConsole } from 'jsdom';
import { decodeHtml } from './charset';

export function parseHtml(html: string, url: string): JSDOM {
  // Scripts never run and nothing is fetched: jsdom's defaults, stated here on purpose.
  const virtualConsole = new VirtualConsole();
  return new JSDOM(html, { url, contentType: 'text/html', virtualConsole });
}

export function readHtmlFile(file: string): { html: string; encoding: string } {
  const decoded = decodeHtml(new Uint8Array(fs.readFileSync(file)));
  return { html: decoded.text, encoding: decoded.encoding };
}
