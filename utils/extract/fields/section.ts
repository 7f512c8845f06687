/**
 * 栏目, the breadcrumb without 首页: the site rule, the CMS rule, the page's breadcrumb line (a 位置
 * label or a breadcrumb-ish element), then metadata (catalogs, ColumnName, article:section). Entries
 * that are page furniture (打印, 字号：默认 大 超大) are dropped; an entry ends where furniture begins.
 */
import { ruleCandidates, type ExtractContext } from '../context';
import { cutAtFurniture } from '../furniture';
import { findBreadcrumb, isHomeOrArticle, parseBreadcrumb } from '../section';

/** A column's internal code (`y_17931`, `col123`) leaked from a CMS template: not a name. */
const COLUMN_CODE = /^[a-z]*[_-]?\d+$/i;

function clean(entries: readonly string[]): string[] {
  // (what is left of an entry once a date after it is cut may be the article's own: 正文 2019年3月5日)
  return entries
    .map(cutAtFurniture)
    .filter((e) => e && !/首页/.test(e) && !isHomeOrArticle(e) && !COLUMN_CODE.test(e));
}

export function resolveSection(ctx: ExtractContext, title: string): string[] {
  const candidates = [
    ...ruleCandidates(ctx, 'section').map((c) => ({
      value: parseBreadcrumb(c.value, title),
      origin: c.origin,
    })),
    { value: findBreadcrumb(ctx.lines, title, ctx.titleLine), origin: 'page' as const },
    { value: ctx.meta.section, origin: 'metadata' as const },
  ];
  for (const candidate of candidates) {
    const entries = clean(candidate.value);
    if (entries.length) {
      ctx.origins.section = candidate.origin;
      return entries;
    }
  }
  return [];
}
