/**
 * Authors (作者/记者/通讯员/撰文/攝影) and editors (编辑/责任编辑/責任編輯). Candidates: the site rule,
 * the CMS rule, the byline zone under the title, the body's first lines (（记者 张三）), the lines
 * after the body, a sign-off at the body's end (…。(李楠)), then embedded metadata, an English byline
 * (`By A and B`) or the writer's name linked to their page, and Readability's byline. An author is a
 * person or an organisation that wrote the piece: UI words, markup, labels and the site or portal
 * itself are not. Better empty than wrong. An editor line never yields authors (one person may carry
 * both labels).
 */
import {
  BLOG_NAME,
  blogOwnerOnLine,
  DATE_AT,
  LATIN_NAME_SPLIT,
  parseByline,
  PERSON_NAME,
  PLACEHOLDER_NAME,
  PORTAL,
  posterAbovePostDate,
  splitNames,
} from '../byline';
import type { Line } from '../lines';
import { ruleCandidates, type Candidate, type ExtractContext } from '../context';
import { cutAtFurniture, isFurniture } from '../furniture';
import { cleanName, looseKey } from '../text';
import { BLOG_PLATFORM, ownerAfterPlatform, titleParts } from '../title';
import { beforeTimestamp, isFurtherWriter, ROLE_TITLE, westernBylineNames } from '../western';
import {
  bodyEndBylines,
  bodyLeadBylines,
  infoTableBylines,
  linkedWriter,
  zoneBylines,
  type ParsedLine,
} from './zone';

/** Words of the page's chrome that bylines pick up (阅读 123, 评论, 发表于 …). */
const UI_WORD =
  /^(阅读|閱讀|评论|評論|发表于|發表於|发布于|访问统计|浏览|瀏覽|点击|分享|收藏|举报|关注|點讚|点赞|登录|登入|注册|首页|更多|返回|查看|原文|链接|打开|下载|订阅|訂閱|回复|回覆|楼主|沙发|来源|來源|作者|编辑|編輯|记者|記者|责任编辑|本文|网友|匿名|游客|share|comments?|reply|posted|by|author|admin|staff|editor|read more|follow|follow author|follow us|subscribe|sign in|log in|login)$/i;

/** A link's words for a writer's page (View ORCID Profile, See all articles), not the writer's name. */
const UI_PHRASE = /^(view|see|visit|open|show|go to)\b.{0,30}\b(profile|bio|page|articles|posts|stories)$/i;

/** A value that came with markup, an address, a label or a counter is not a name. */
const NOT_A_NAME = /[<>={}]|https?:|www\.|@|[:：]|^\d|^[\p{P}\p{S}]+$/u;
/**
 * A number standing apart in a value is a counter (阅读 1234, 12345 次); one run into a name is a
 * forum handle's (雪山飞狐2012, kingname123) or a staff code's (杨倩_NF4425).
 */
const COUNTER = /(?:^|[\s(（:：])\d{3,}|\d{3,}\s*(?:次|人|views?\b|reads?\b)/iu;
/**
 * A company by its legal form (`mediagene Inc.`, `Example Media GmbH`, `株式会社…`): the publisher a
 * template declares as the author (the one its copyright line names), not who wrote the piece.
 */
const COMPANY =
  /[\s,](?:inc|llc|l\.l\.c|ltd|limited|gmbh|ag|corp|corporation|plc|co\.,?\s*ltd|k\.k|s\.a|s\.r\.l|b\.v|pty\.?\s*ltd)\.?$|^株式会社|株式会社$|^有限会社|有限会社$/iu;
/** A staff code (凤凰网's `责任编辑：张三 PN001`) is no one's name. */
const STAFF_CODE = /^[A-Z]{1,4}\d{2,6}$/;

export function isPlausibleAuthor(name: string, outlets: ReadonlySet<string>): boolean {
  const value = cleanName(name);
  if (value.length < 2 || value.length > 60) return false;
  if (
    NOT_A_NAME.test(value) ||
    PLACEHOLDER_NAME.test(value) ||
    // (阅读1234, 评论 12: a UI word and its count)
    UI_WORD.test(value.replace(/\s*\(?\d+\)?$/, '')) ||
    UI_PHRASE.test(value) ||
    COMPANY.test(value) ||
    ROLE_TITLE.test(value) ||
    PORTAL.test(value) ||
    isFurniture(value)
  )
    return false;
  if (COUNTER.test(value) || STAFF_CODE.test(value)) return false;
  const key = looseKey(value);
  if (!key || outlets.has(key)) return false;
  // a Latin name is a few words, not a sentence
  if (!/[\u3400-\u9fff]/.test(value) && value.split(/\s+/).length > 5) return false;
  // a CJK name or organisation has no sentence punctuation
  return !/[，。！？；、]/.test(value);
}

/**
 * Loose keys of the outlet names an author must not be: the site (as its metadata or its <title>
 * names it), the source, each also without its 网 or its kind of paper (`文｜财新 张三` on 财新网, or
 * from 财新周刊, credits the outlet, then the writer).
 */
function outletKeys(source: string | null, siteName: string | null): Set<string> {
  const keys = [source, siteName]
    .filter((s): s is string => !!s)
    .map(looseKey)
    .filter(Boolean);
  const short = keys
    .map((key) =>
      key.replace(
        /(新闻网|新聞網|网|網|周刊|週刊|日报|日報|晚报|晚報|时报|時報|杂志|雜誌|客户端|客戶端)$/u,
        '',
      ),
    )
    .filter((key) => key.length >= 2);
  return new Set([...keys, ...short]);
}

/**
 * Labelled lines before credit runs: a portal's 责任编辑：… after the body outranks the wire story's own
 * `编辑 李四 校对 王五` closing it.
 */
function labelledFirst(lines: readonly ParsedLine[]): ParsedLine[] {
  return [...lines.filter((l) => !l.byline.creditRun), ...lines.filter((l) => l.byline.creditRun)];
}

/** Not a sign-off name: （完）, （图）, an agency, a role. */
const NOT_A_SIGN_OFF =
  /^(完|图|組圖|组图|视频|視頻|待续|待續|全文完|新华社|新華社|中新社|央视|记者|記者|编辑|編輯|本报|本報|本网|摄|攝)$/;

/**
 * A blog post's <title> names the blog after the post (春天的长白山_老树的博客_新浪博客, or
 * `post - 驴友小王 - 博客园` on a platform, maybe under its portal's name:
 * `post - 驴友小王 - 强国博客 - 人民网`; `post_51CTO博客_驴友小王`): its owner wrote it.
 */
function blogOwner(docTitle: string): string[] {
  const parts = titleParts(docTitle);
  for (const part of parts.slice(1)) {
    const m = BLOG_NAME.exec(part);
    if (m) return [m[1]!];
  }
  const owner =
    ownerAfterPlatform(parts) ??
    ((parts.length === 3 || parts.length === 4) && BLOG_PLATFORM.test(parts[2]!) ? parts[1]! : null);
  return owner && owner.length <= 20 ? [owner] : [];
}

/** (after no label: `分类： 游记 2010-05-07` is the post's category, whose value stands there) */
const WRITER_BEFORE_DATE =
  /(?:^|(?<![:：]\s*)\s)([\u4e00-\u9fff·]{2,4})\s*[·•|｜]?\s*(?:19|20)\d{2}\s*[-/.年]/u;

/**
 * The writer named beside the date without a label, on the first dated line under the title
 * (`张三 ·2023-05-12 08:23`): only a name shaped like a person's, as an outlet stands there too; or
 * the owner of the blog named there (`老树的博客 2010-05-07 21:23`).
 */
function writerBesideDate(head: readonly Line[]): string[] {
  const line = head.find((l) => l.text.length <= 60 && DATE_AT.test(l.text));
  if (!line) return [];
  const name = WRITER_BEFORE_DATE.exec(line.text)?.[1];
  if (name && PERSON_NAME.test(name)) return [name];
  const owner = blogOwnerOnLine(line.text);
  return owner ? [owner] : [];
}

/**
 * A report signed off at its end: …打通闲鱼以旧换新。(李楠), …。（张三 李四）, or on a line of its own
 * after the text (`（张三）`, maybe after a （完）).
 */
function signOff(lastLine: string): string[] {
  const m =
    /(?:[。！？.!?”」]|^)[（(]\s*([\u4e00-\u9fff·]{2,4}(?:[\s、]+[\u4e00-\u9fff·]{2,4}){0,2})\s*[）)]$/u.exec(
      lastLine,
    );
  if (!m) return [];
  const names = m[1]!.split(/[\s、]+/);
  // one name as any sign-off prints it; several, or one alone on its line (where a note in brackets
  // stands too: （图文）, （待续）), only when each is shaped like a person's
  if (names.length === 1 && m.index > 0) return NOT_A_SIGN_OFF.test(names[0]!) ? [] : names;
  return names.every((name) => PERSON_NAME.test(name)) ? names : [];
}

/** A web or e-mail address beside a name, in its brackets if it has them (`Jane Doe (https://…)`). */
const ADDRESS_BY_NAME =
  /[(<（［[]?\s*(?:(?:https?:\/\/|mailto:|www\.)[^\s)>）\]]*|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)\s*[)>）\]]?/giu;

/** `value` without the addresses beside its names; `jdoe@example.com (Jane Doe)` is `Jane Doe`. */
function withoutAddresses(value: string): string {
  const rest = value.replace(ADDRESS_BY_NAME, ' ');
  if (rest === value) return value;
  return rest
    .replace(/^\s*[(（]([^)）]+)[)）]\s*$/u, '$1')
    .replace(/[\s,;:|\-–—]+$/u, '')
    .trim();
}
const isLatinName = (name: string) => /^[\p{Script=Latin}\s.'’-]+$/u.test(name);

/**
 * Names in a declared author field or a byline element, which carry more than names: `By A and B`,
 * `作者：A`, `January 17, 2017 at 6:08 PM ET by A`, `18/03/2019 | A`, `A@handle WATCH LIVE`,
 * `By\nA\nUpdated on …`. An organisation's long name stays whole: the page declared it.
 */
export function declaredNames(declared: string): string[] {
  const value = withoutAddresses(declared);
  const labelled = parseByline(value).authors;
  if (labelled.length) return labelled;
  const afterBy = /\bby\s+([^\n|]+)$/i.exec(value)?.[1] ?? value;
  return (
    afterBy
      // French and Spanish "by" (`Par Cécile Ducourtieux`), and where the writer filed from in
      // brackets after the name (`(Bruxelles, bureau européen)`)
      .replace(/^(?:par|por)\s+/i, '')
      .replace(/\s*\((?=[^)]*\p{Lu})[^)\n]*\)/gu, '')
      .split(/\n|\s[|·•]\s|\s*[|｜]\s*/)
      .map((part) =>
        // a date printed right after the name ends it (`张三2023-05-12 08:23`)
        cutAtFurniture(
          part
            .replace(/@.*$/, '')
            .replace(/^(by|作者)\s*[:：]?\s*/i, '')
            // (`Jane DoeSpecial to The Times`, the line break between them lost)
            .replace(/(?:\s+|(?<=[a-z]))[Ss]pecial [Tt]o\s.*$/u, '')
            // where it was posted (`史蒂文的家 發表在 痞客邦 PIXNET`) is no part of the name
            .replace(/\s*(?:發表在|发表在|發表於|发表于|posted (?:on|in)\s).*$/iu, '')
            .trim(),
        ),
      )
      // the date after the name (`Jane Doe Dec 1, 2024`, two elements' text on one line)
      .map((part) => beforeTimestamp(part).trim())
      // (`on Deadspin`, `in Politics`: the outlet or section a card credits, not a person)
      .filter(
        (part) =>
          part &&
          !/\d/.test(part) &&
          !/^(?:(?:updated|posted|published)\b|(?:on|in|at|from|via)\s)/i.test(part),
      )
      .flatMap((part) => part.split(LATIN_NAME_SPLIT))
      // after the first name, a Latin word alone or an outlet's or role's words are the newsroom
      // (`Jane Doe | CNN`, `Jane Doe, Special to The Times`), as in an English byline
      .filter((name, i) => i === 0 || !isLatinName(name) || isFurtherWriter(name))
  );
}

function firstNames(
  ctx: ExtractContext,
  field: 'authors' | 'editors',
  candidates: Iterable<Candidate<string[]>>,
  keep: (name: string, all: readonly string[]) => boolean,
): string[] {
  for (const candidate of candidates) {
    const values = candidate.value.map((n) => cutAtFurniture(n));
    const names = values.filter((n) => n && keep(n, values));
    if (names.length) {
      ctx.origins[field] = candidate.origin;
      return names;
    }
  }
  return [];
}

function* ruleNames(ctx: ExtractContext, field: 'authors' | 'editors'): Generator<Candidate<string[]>> {
  for (const { value, origin } of ruleCandidates(ctx, field)) {
    const parsed = parseByline(value)[field];
    yield { value: parsed.length ? parsed : splitNames(value), origin };
  }
}

/**
 * Readability's byline is its element's text run together: an account card's
 * (湖北日报湖北日报官方账号关注) is longer than any name or newsroom.
 */
const RUN_TOGETHER = /[\u4e00-\u9fff]{11,}/;

/** A line that credits only a picture: 摄影：张三, 图/李四, （攝影 王五）. */
const PHOTO_CREDIT = /^[【[（(]?\s*(摄影|攝影|图片|圖片|图|圖|摄|攝)\s*[:：/／｜|\s]/;
const WRITER_CREDIT = /(文|作者|记者|記者|撰文|撰稿)\s*[:：/／｜|]/;

/**
 * Who a credit line names as writers, and who as the makers of its pictures: the photographers its
 * labels name (撰文：张三 摄影：李四), or everyone on a line that credits only a picture (图/李四).
 */
function credits({ line, byline }: ParsedLine): { writers: string[]; pictures: string[] } {
  return PHOTO_CREDIT.test(line.text) && !WRITER_CREDIT.test(line.text)
    ? { writers: [], pictures: [...byline.authors, ...byline.photographers] }
    : { writers: byline.authors, pictures: byline.photographers };
}

/**
 * A note at the story's end that names its writer: the writer's bio (`作者简介：张三，示例大学教授…`),
 * a commentary's credit with the writer's post (`（作者：张三、李四，均系示例大学教授）`) or a notice of
 * original work (`本文由 张三 原创，转载请注明出处`). Only names shaped like a person's.
 */
const AUTHOR_NOTE =
  /^(?:作者简介|作者簡介|作者介绍|作者介紹)\s*[:：]\s*([\u4e00-\u9fff·]{2,4}?)(?=[，,（(\s]|系|是|为|為)|^[（(]?\s*作者\s*[:：]\s*([\u4e00-\u9fff·]{2,4}(?:、[\u4e00-\u9fff·]{2,4})*)\s*[，,]\s*(?:均|都)?(?:系|是|为|為|现为|現為|现任|現任)|^本文由\s*([\u4e00-\u9fff·]{2,4}?)\s*(?:原创|原創|撰写|撰寫|撰稿|投稿)/u;

function authorNote(lines: readonly Line[]): string[] {
  for (const line of lines) {
    const m = AUTHOR_NOTE.exec(line.text);
    const names = (m?.[1] ?? m?.[2] ?? m?.[3])?.split('、') ?? [];
    if (names.length && names.every((name) => PERSON_NAME.test(name))) return names;
  }
  return [];
}

/**
 * Whether Readability's byline stands where bylines do: above the story or in its first lines, or
 * right after it. Readability takes the first element whose class or id mentions an author, wherever
 * it is: deep in a document, a reference's anchor (`id="ref-AUTHORING"`).
 */
function bylineNearStory(ctx: ExtractContext, byline: string): boolean {
  const key = byline.replace(/\s+/g, ' ').trim();
  const at = ctx.lines.findIndex((line) => line.text.includes(key));
  if (at < 0) return true;
  // (a comment's `comment-author` under a short story is a reader's name)
  if (inCommentBox(ctx.lines[at]!.el)) return false;
  return at <= storyStart(ctx) + 5 || ctx.tail.some((line) => line.index === at);
}

/** A comment thread's box or one comment's name (comments, comment-author, commentlist), not commentary. */
const COMMENT_BOX = /(?:^|[-_\s])comments?(?:[-_\s]|list|$)/i;

function inCommentBox(el: Element): boolean {
  for (let at: Element | null = el; at; at = at.parentElement)
    if (COMMENT_BOX.test(`${at.getAttribute('class') ?? ''} ${at.getAttribute('id') ?? ''}`)) return true;
  return false;
}

/** The story's first line among the page's lines: the body's, else the title's. */
function storyStart(ctx: ExtractContext): number {
  return ctx.bodyStart >= 0 ? ctx.bodyStart : ctx.titleLine;
}

/**
 * Readability's Latin byline as the page's lines print it: its element's text runs the words of
 * separate lines together (`Jane DoeReporter` for `Jane Doe<br>Reporter`). The lines whose text it
 * is, one to a line, where they stand near the story; else the byline as it came.
 */
function bylineAsPrinted(ctx: ExtractContext, byline: string): string {
  // (a Chinese byline run together is an account card's, which RUN_TOGETHER tells apart)
  if (/[\u3400-\u9fff]/.test(byline)) return byline;
  const key = looseKey(byline);
  const near = [
    ...ctx.lines.slice(Math.max(0, ctx.titleLine), Math.max(0, storyStart(ctx)) + 6),
    ...ctx.tail,
  ];
  for (let i = 0; i < near.length; i++) {
    let joined = '';
    for (let j = i; j < Math.min(i + 4, near.length); j++) {
      joined += looseKey(near[j]!.text);
      if (joined === key)
        return near
          .slice(i, j + 1)
          .map((line) => line.text)
          .join('\n');
      if (!key.startsWith(joined)) break;
    }
  }
  return byline;
}

export function resolveAuthors(
  ctx: ExtractContext,
  source: string | null,
  editors: readonly string[],
  siteName: string | null,
): string[] {
  const outlets = outletKeys(source, siteName);
  const keep = (name: string) => isPlausibleAuthor(name, outlets);
  function* candidates(): Generator<Candidate<string[]>> {
    yield* ruleNames(ctx, 'authors');
    const lead = [...zoneBylines(ctx), ...bodyLeadBylines(ctx.bodyLines)].map(credits);
    const end = labelledFirst(bodyEndBylines(ctx)).map((parsed) => ({
      ...credits(parsed),
      inList: parsed.line.inList,
      wire: parsed.byline.wire,
    }));
    for (const { writers } of lead) yield { value: writers, origin: 'page' };
    // (a credit in a list after the body is a related story's)
    for (const { writers, inList, wire } of end)
      if (!inList && !wire) yield { value: writers, origin: 'page' };
    // the cleaned body's last line: an advert or a player label after the sign-off is gone by then
    yield { value: signOff(ctx.textLines.at(-1)?.text ?? ''), origin: 'page' };
    // (a notice of original work is boilerplate the cleaned body has lost: the body as found has it)
    yield { value: authorNote([...ctx.textLines.slice(-3), ...ctx.bodyLines.slice(-5)]), origin: 'page' };
    // a CMS's `author` field often holds whoever uploaded the page: the editor the page names, maybe
    // after the channel's name (`青网校园崔宁宁` where 责任编辑：崔宁宁)
    const notEditor = (name: string) =>
      !editors.some(
        (editor) =>
          name === editor ||
          (editor.length >= 2 && name.endsWith(editor) && /^[\u4e00-\u9fff]+$/u.test(name)),
      );
    yield { value: ctx.meta.authors.flatMap(declaredNames).filter(notEditor), origin: 'metadata' };
    // an English byline under the title or opening the body (`By A and B, The Associated Press`),
    // after the metadata: Western pages declare their writers there, this line may leave one out
    for (const line of [...ctx.head, ...ctx.bodyLines.slice(0, 3)])
      yield { value: westernBylineNames(line.text), origin: 'page' };
    yield { value: linkedWriter(ctx), origin: 'page' };
    for (const { writers, wire } of end) if (wire) yield { value: writers, origin: 'page' };
    const byline = ctx.body.readabilityByline;
    if (byline && bylineNearStory(ctx, byline))
      yield {
        value: declaredNames(bylineAsPrinted(ctx, byline)).filter(
          (name) => notEditor(name) && !RUN_TOGETHER.test(name),
        ),
        origin: 'page',
      };
    yield { value: writerBesideDate(ctx.head), origin: 'page' };
    // (the post's card may open the body, where Readability took the post's box whole, or stand
    // above the post's subject: phpwind prints poster, 发表于 line, then the subject)
    const aboveTitle =
      ctx.titleLine > 0 ? ctx.lines.slice(Math.max(0, ctx.titleLine - 8), ctx.titleLine) : [];
    const poster = posterAbovePostDate([...ctx.head, ...ctx.bodyLines.slice(0, 8)], aboveTitle);
    yield { value: poster ? [poster] : [], origin: 'page' };
    // a government document's issuing organ, in the information table above its title
    for (const { byline } of infoTableBylines(ctx)) yield { value: byline.authors, origin: 'page' };
    yield { value: blogOwner(ctx.doc.title ?? ''), origin: 'page' };
    // a picture's credit names who took it, not who wrote: the last resort, after every sign of a writer
    for (const { pictures } of [...lead, ...end]) yield { value: pictures, origin: 'page' };
  }
  return firstNames(ctx, 'authors', candidates(), keep);
}

export function resolveEditors(ctx: ExtractContext): string[] {
  // a staff code beside a name is that name's (张三 PN001); alone it is all the page says of who
  // edited the piece (东方财富's 责任编辑：DF064), so it is kept
  const keep = (name: string, all: readonly string[]) =>
    isPlausibleAuthor(name, new Set()) || all.every((n) => STAFF_CODE.test(cleanName(n)));
  function* candidates(): Generator<Candidate<string[]>> {
    yield* ruleNames(ctx, 'editors');
    for (const { byline } of zoneBylines(ctx)) yield { value: byline.editors, origin: 'page' };
    for (const { byline } of labelledFirst(bodyEndBylines(ctx)))
      yield { value: byline.editors, origin: 'page' };
  }
  return firstNames(ctx, 'editors', candidates(), keep);
}
