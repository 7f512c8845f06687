/**
 * A clip as Markdown: YAML front matter with the metadata, then the body converted by turndown from
 * the stored sanitized HTML. Runs in extension pages (turndown needs a DOM parser there) and in Node.
 */
import TurndownService from 'turndown';
import type { Clip } from '../model/article';

/**
 * A YAML double-quoted scalar. JSON string syntax is valid YAML inside double quotes; YAML also
 * wants DEL, C1 controls, line/paragraph separators and BOM-like characters escaped.
 */
export function yamlString(value: string): string {
  return JSON.stringify(value).replace(
    /[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

function frontMatter(clip: Clip): string {
  const lines = ['---'];
  const scalar = (key: string, value: string | null) => {
    if (value) lines.push(`${key}: ${yamlString(value)}`);
  };
  const list = (key: string, values: string[]) => {
    if (values.length === 0) return;
    lines.push(`${key}:`);
    for (const value of values) lines.push(`  - ${yamlString(value)}`);
  };
  scalar('title', clip.title);
  scalar('kicker', clip.kicker);
  scalar('subtitle', clip.subtitle);
  list('authors', clip.authors);
  list('editors', clip.editors);
  scalar('source', clip.source);
  scalar('site', clip.siteName ?? clip.host);
  scalar('published', clip.publishedAt);
  scalar('published_raw', clip.publishedRaw);
  list('section', clip.section);
  scalar('article_id', clip.articleId);
  scalar('url', clip.url);
  scalar('canonical_url', clip.canonicalUrl);
  scalar('lang', clip.lang);
  scalar('clipped', clip.clippedAt);
  scalar('updated', clip.updatedAt);
  list('tags', clip.tags);
  scalar('note', clip.note);
  lines.push('---');
  return lines.join('\n');
}

let service: TurndownService | undefined;
function turndown(): TurndownService {
  service ??= new TurndownService({
    headingStyle: 'atx',
    codeBlockStyle: 'fenced',
    bulletListMarker: '-',
    emDelimiter: '*',
  });
  return service;
}

/** Sanitized HTML → Markdown, one paragraph a line (also the CLI's and the rule expectations' body). */
export function htmlToMarkdown(html: string): string {
  return turndown().turndown(html);
}

export function clipToMarkdown(clip: Clip): string {
  const md = turndown();
  const heading = [
    clip.kicker ? md.escape(clip.kicker) : null,
    `# ${md.escape(clip.title)}`,
    clip.subtitle ? md.escape(clip.subtitle) : null,
  ].filter((line): line is string => line !== null);
  const body = md.turndown(clip.contentHtml);
  return `${frontMatter(clip)}\n\n${heading.join('\n\n')}\n\n${body}\n`;
}

/** A file name from the title: no path separators, reserved or control characters; at most 80 characters. */
export function markdownFileName(clip: Pick<Clip, 'title' | 'id'>): string {
  const base = clip.title
    // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
    .replace(/[\\/:*?"<>|\u0000-\u001f\u007f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .slice(0, 80)
    // no leading or trailing dots or spaces (hidden files, "..", names Windows refuses)
    .replace(/^[.\s]+|[.\s]+$/g, '');
  return `${base || clip.id}.md`;
}
