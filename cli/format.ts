/** Article → Markdown or plain text for `jianbao extract --format md|text`. */
import { htmlToMarkdown } from '../utils/archive-io/markdown';
import type { Article } from '../utils/model/article';

function metaLine(article: Article): string {
  return [
    article.publishedAt && `时间：${article.publishedAt}`,
    article.source && `来源：${article.source}`,
    article.authors.length && `作者：${article.authors.join(' ')}`,
    article.editors.length && `编辑：${article.editors.join(' ')}`,
    article.section.length && `栏目：${article.section.join(' > ')}`,
  ]
    .filter(Boolean)
    .join(' | ');
}

export function toMarkdown(article: Article): string {
  const meta = metaLine(article);
  return (
    [
      ...(article.kicker ? [`*${article.kicker}*`, ''] : []),
      `# ${article.title}`,
      ...(article.subtitle ? ['', `**${article.subtitle}**`] : []),
      '',
      ...(meta ? [`> ${meta}`, '>'] : []),
      `> <${article.canonicalUrl}>`,
      '',
      htmlToMarkdown(article.contentHtml),
    ].join('\n') + '\n'
  );
}

export function toText(article: Article): string {
  const meta = metaLine(article);
  return (
    [
      ...(article.kicker ? [article.kicker] : []),
      article.title,
      ...(article.subtitle ? [article.subtitle] : []),
      ...(meta ? [meta] : []),
      article.canonicalUrl,
      '',
      article.textContent,
    ].join('\n') + '\n'
  );
}
