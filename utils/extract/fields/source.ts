/**
 * 来源, the outlet the article came from (not the site that shows it, unless the site wrote it).
 * Candidates: the site rule, the CMS rule, a labelled 来源：/來源：/稿源： in the byline zone or after
 * the body (or an agency dateline 中央社記者…電, a lead 【明報專訊】), an element named for it
 * (`.source`), embedded metadata, then an outlet named without a
 * label beside the date (`原创 南方都市报 2019-09-09`), then the site's own name (nothing named another
 * outlet: the site wrote it). Every value ends where page furniture begins.
 */
import { namesNoOutlet, OUTLET_ENDING, parseByline, PORTAL, unlabelledOutlet } from '../byline';
import { ruleCandidates, type Candidate, type ExtractContext } from '../context';
import { cutAtFurniture, textWithoutWidgets } from '../furniture';
import type { Line } from '../lines';
import { looseKey, truncate } from '../text';
import {
  bodyEndBylines,
  bodyLeadBylines,
  infoTableBylines,
  linkedOutlet,
  linkedWriter,
  zoneBylines,
} from './zone';

const DATED = /(19|20)\d{2}\s*[-/.年]\s*\d{1,2}|\d{1,2}[:：]\d{2}|^(今天|昨天|前天)$|\s(今天|昨天|前天)$/;

/** An account's name followed by its platform's (财经观察者 百家号): the account is the outlet. */
function withoutPlatform(source: string): string {
  const at = source.lastIndexOf(' ');
  return at > 0 && PORTAL.test(source.slice(at + 1)) ? source.slice(0, at) : source;
}

/**
 * Where the outlet's story came from, in brackets after its name (`新京报(北京)`, `南方日报（广州）`):
 * two or three characters that no edition, outlet or channel ends like (人民日报（海外版）keeps its).
 */
const PLACE_IN_BRACKETS =
  /\s*[（(][\u4e00-\u9fff]{1,2}(?![版报報网網社台刊端号號频頻道])[\u4e00-\u9fff][）)]$/u;

/** A source value: no furniture, not a date or URL, outlet-sized. */
function asSource(value: string | null): string | null {
  if (!value) return null;
  const source = withoutPlatform(cutAtFurniture(value).replace(PLACE_IN_BRACKETS, ''));
  if (
    !source ||
    source.length > 60 ||
    /^https?:|^www\./i.test(source) ||
    /^[\d\s:：./-]+$/.test(source) ||
    // whatever its origin: a rule's element, the metadata (`<meta name="source" content="转载">`)
    namesNoOutlet(source)
  )
    return null;
  return truncate(source, 500);
}

/** A rule's source element holds a 来源 line or the outlet name alone. */
function fromRuleText(text: string): string | null {
  return parseByline(text).source ?? (/[:：]/.test(text) ? null : asSource(text));
}

/** Elements templates name for the outlet: `<div class="source">中國時報</div>`, `#laiyuan`. */
const NAMED_SOURCE = '.source, #source, .laiyuan, #laiyuan, .article-source, .news-source, .media-name';

/** The outlet in an element named for it, among the head zone's lines. */
function namedSource(head: readonly Line[]): string | null {
  for (const line of head) {
    if (line.inList || line.text.length > 80) continue;
    const el = line.el.matches(NAMED_SOURCE) ? line.el : line.el.querySelector(NAMED_SOURCE);
    if (el) return fromRuleText(textWithoutWidgets(el));
  }
  return null;
}

export function resolveSource(ctx: ExtractContext, title: string, siteName: string | null): string | null {
  function* candidates(): Generator<Candidate<string | null>> {
    for (const { value, origin } of ruleCandidates(ctx, 'source'))
      yield { value: fromRuleText(value), origin };
    for (const { byline } of zoneBylines(ctx)) yield { value: byline.source, origin: 'page' };
    for (const { byline } of bodyLeadBylines(ctx.bodyLines)) yield { value: byline.source, origin: 'page' };
    // Chinese pages: the outlet an element under the title is named for, or the one beside the date,
    // is the page's own word on it, before a 来源 that closes the body (a 网易号 account reposting
    // what its last line credits); elsewhere `.source` is as likely an image credit
    if (ctx.language === 'zh') {
      yield { value: namedSource(ctx.head), origin: 'page' };
      // (a subtitle right above the date line is no outlet's name)
      const head = ctx.head.filter((l) => !l.inList && !ctx.titleKeys.has(looseKey(l.text)));
      const outlet = unlabelledOutlet(head, (t) => DATED.test(t), looseKey(title));
      // the name beside the date that the page's metadata declares its author is the writer, unless
      // it is an outlet's (a 头条号 新华社 declared as the author of what it published)
      const declaredAuthor =
        outlet &&
        !OUTLET_ENDING.test(outlet) &&
        (ctx.meta.authors.some((name) => looseKey(name) === looseKey(outlet)) ||
          // or that links to its writer's page (a community's poster)
          linkedWriter(ctx).some((name) => looseKey(name) === looseKey(outlet)));
      yield { value: declaredAuthor ? null : outlet, origin: 'page' };
      yield { value: linkedOutlet(ctx), origin: 'page' };
    }
    for (const { byline } of bodyEndBylines(ctx)) yield { value: byline.source, origin: 'page' };
    // a government document's 发布机构, in the information table above its title
    for (const { byline } of infoTableBylines(ctx)) yield { value: byline.source, origin: 'page' };
    yield { value: ctx.meta.source, origin: 'metadata' };
    // nothing names another outlet: the site published its own article
    yield { value: siteName, origin: 'metadata' };
  }
  for (const candidate of candidates()) {
    const source = asSource(candidate.value);
    if (source) {
      ctx.origins.source = candidate.origin;
      return withoutSiteName(source, siteName);
    }
  }
  return null;
}

/**
 * The outlet without the site's own name run on after it: the site's link beside the 来源 value on
 * one line (`来源：人民日报海外版 中国青年网` on 中国青年网).
 */
function withoutSiteName(source: string, siteName: string | null): string {
  if (!siteName || !source.endsWith(siteName) || source === siteName) return source;
  const rest = source.slice(0, -siteName.length);
  return /\s$/.test(rest) && rest.trim() ? rest.trim() : source;
}
