/**
 * Title, kicker (引题) and subtitle (副题): site rule → CMS rule → the page heading that matches what
 * the <title> or metadata announce → metadata → <title> minus its site suffix.
 */
import { ruleCandidates, type Candidate, type ExtractContext } from '../context';
import { findKickerAndSubtitle, findTitle, splitTrailingStamp, stripTitleSuffix } from '../title';
import { collapseSpace, looseKey, truncate } from '../text';

export interface TitleBlock {
  title: string;
  kicker: string | null;
  subtitle: string | null;
  /** index of the title's last line among the page's lines, -1 when it is not on the page */
  titleLine: number;
  /** a timestamp printed in the title's element after the headline ('' for none): the byline's */
  stamp: string;
}

/** The element showing `title` on the page (the first line with that text), for 引题/副题 next to it. */
function elementShowing(ctx: ExtractContext, title: string): Element | null {
  const key = looseKey(title);
  if (!key) return null;
  for (const line of ctx.lines.slice(0, 3_000)) {
    // most lines differ in their first letter or digit: normalise only a few characters of those
    const lead = looseKey(line.text.slice(0, 8));
    if (lead && lead[0] !== key[0]) continue;
    if (looseKey(line.text) === key) return line.el.closest('h1, h2, h3') ?? line.el;
  }
  return null;
}

export function resolveTitle(ctx: ExtractContext): TitleBlock {
  const fromRules = ruleCandidates(ctx, 'title');
  let title: string;
  let stamp = '';
  let titleEl: Element | null;
  if (fromRules.length) {
    title = fromRules[0]!.value;
    ctx.origins.title = fromRules[0]!.origin;
    titleEl = elementShowing(ctx, title);
  } else {
    const found = findTitle(ctx.doc, ctx.lines, {
      meta: ctx.meta.title,
      readability: ctx.body.readabilityTitle,
      bodyStart: ctx.bodyStart,
      url: ctx.url,
    });
    // a timestamp printed in the title's element is the byline's (see headZone), not the headline's
    ({ headline: title, stamp } = splitTrailingStamp(found.title || stripTitleSuffix(ctx.doc.title ?? '')));
    // a title from <title> can still be shown on the page in a plain cell (<th><font>…): find it, for
    // the byline zone under it
    titleEl = found.el?.closest('h1, h2, h3') ?? found.el ?? elementShowing(ctx, title);
    ctx.origins.title = found.el ? 'page' : 'metadata';
  }
  const around = findKickerAndSubtitle(
    ctx.lines,
    titleEl,
    ctx.site?.titleBlock ?? ctx.cms?.titleBlock ?? false,
  );
  const first = (candidates: Candidate<string>[], fallback: string | null, field: string) => {
    const chosen = candidates[0];
    if (chosen) ctx.origins[field] = chosen.origin;
    else if (fallback) ctx.origins[field] = 'page';
    return chosen ? chosen.value : fallback;
  };
  const kicker = first(ruleCandidates(ctx, 'kicker'), around.kicker, 'kicker');
  const subtitle = first(ruleCandidates(ctx, 'subtitle'), around.subtitle, 'subtitle');
  return {
    title: truncate(collapseSpace(title), 2_000),
    kicker: kicker ? truncate(kicker, 2_000) : null,
    subtitle: subtitle ? truncate(subtitle, 2_000) : null,
    titleLine: around.titleLine,
    stamp,
  };
}
